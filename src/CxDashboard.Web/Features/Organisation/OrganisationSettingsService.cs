using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Organisation;

/// <summary>
/// Reads the organisation settings once per scope (a request or a CLI verb). Read from the database each time
/// rather than cached across requests, so a change made on one app instance applies on every instance at once.
/// </summary>
public sealed class OrganisationSettingsService(CxDbContext db, OrganisationTimeSource organisationTime, KpiRollupService rollups)
{
    public Task<OrganisationSettings> GetAsync(CancellationToken ct = default) => organisationTime.SettingsAsync(ct);

    public Task<OrganisationTime> GetTimeAsync(CancellationToken ct = default) => organisationTime.GetAsync(ct);

    public async Task SaveAsync(string name, string timeZoneId, int repeatWindowDays, CancellationToken ct = default)
    {
        if (!OrganisationTime.IsKnownTimeZone(timeZoneId))
            throw new ArgumentException($"Unknown time zone '{timeZoneId}'. Use an IANA name such as Europe/Stockholm.", nameof(timeZoneId));
        if (repeatWindowDays is < 1 or > 90)
            throw new ArgumentOutOfRangeException(nameof(repeatWindowDays), "The repeat window must be 1 to 90 days.");

        var settings = await db.OrganisationSettings.SingleOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new OrganisationSettings();
            db.OrganisationSettings.Add(settings);
        }
        var timeZoneChanged = settings.TimeZoneId != timeZoneId;
        var windowChanged = settings.RepeatWindowDays != repeatWindowDays;
        settings.Name = name;
        settings.TimeZoneId = timeZoneId;
        settings.RepeatWindowDays = repeatWindowDays;
        await db.SaveChangesAsync(ct);
        organisationTime.Forget();

        if (timeZoneChanged) await RecomputeLocalDatesAsync(ct);
        // Rollups hold local days and W-dependent counts; until rebuilt, queries read the raw rows.
        if (timeZoneChanged || windowChanged)
        {
            await rollups.MarkStaleAsync(ct);
            await rollups.RebuildAllAsync(repeatWindowDays, ct);
        }
    }

    /// <summary>A contact's period is its local date: a new time zone moves some contacts to another day.</summary>
    private async Task RecomputeLocalDatesAsync(CancellationToken ct)
    {
        var time = await GetTimeAsync(ct);
        const int batchSize = 5000;
        long lastId = 0;
        while (true)
        {
            var batch = await db.Contacts.Where(c => c.Id > lastId).OrderBy(c => c.Id).Take(batchSize)
                .Select(c => new { c.Id, c.StartedAtUtc, c.LocalDate }).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var contact in batch)
            {
                var localDate = time.LocalDateOf(contact.StartedAtUtc);
                if (localDate != contact.LocalDate)
                    await db.Contacts.Where(c => c.Id == contact.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.LocalDate, localDate), ct);
            }
            lastId = batch[^1].Id;
        }
    }
}
