using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Organisation;

/// <summary>
/// The one place the organisation's settings row and its time zone are read (defaults when none are saved yet), once
/// per scope. It depends on the database alone, so services that <see cref="OrganisationSettingsService"/> itself
/// depends on, such as the rollups, use the same zone without a dependency cycle; and a request that needs both the
/// settings and the zone reads the row once.
/// </summary>
public sealed class OrganisationTimeSource(CxDbContext db)
{
    private OrganisationSettings? _settings;
    private OrganisationTime? _time;

    public async Task<OrganisationSettings> SettingsAsync(CancellationToken ct = default) =>
        _settings ??= await db.OrganisationSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? new OrganisationSettings();

    public async Task<OrganisationTime> GetAsync(CancellationToken ct = default) =>
        _time ??= OrganisationTime.For((await SettingsAsync(ct)).TimeZoneId);

    /// <summary>After the settings change in this scope, the next read takes the new row and zone.</summary>
    public void Forget() => (_settings, _time) = (null, null);
}
