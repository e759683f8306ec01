using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Metrics.Rollups;
using CxDashboard.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data.Seeding;

/// <summary>
/// Brings any database to a usable state at start: applies migrations, and creates the roles, the organisation
/// settings row, the default KPI targets and the maturity model when they are missing. Never touches existing data.
/// </summary>
public sealed class DatabaseInitializer(
    CxDbContext db, UserAdminService userAdmin, KpiRollupService rollups, MaturityModelService maturityModel, ReportLibrary reports,
    IConfiguration configuration, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await MigrationFunctions.AddToConnectionAsync(db, ct);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets the dashboard read while an import or job writes; it is a property of the file, set once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.OpenConnectionAsync(ct);
            await DatabaseStatistics.EnsureAsync(db.Database.GetDbConnection(), ct);
        }

        await userAdmin.EnsureRolesAsync();
        if (!await db.OrganisationSettings.AnyAsync(ct))
        {
            db.OrganisationSettings.Add(InitialOrganisationSettings.From(configuration.GetSection("Organisation")));
        }
        var targeted = await db.KpiTargets.Where(t => t.TeamId == null).Select(t => t.Kpi).ToListAsync(ct);
        foreach (var definition in KpiDefinitions.All.Where(d => !targeted.Contains(d.Kind)))
        {
            db.KpiTargets.Add(new KpiTarget { Kpi = definition.Kind, Green = definition.DefaultGreen, Amber = definition.DefaultAmber });
        }
        await db.SaveChangesAsync(ct);

        var windowDays = await db.OrganisationSettings.Select(s => s.RepeatWindowDays).SingleAsync(ct);
        await rollups.EnsureCurrentAsync(windowDays, ct);
        await maturityModel.EnsureLoadedAsync(ct);
        await reports.MoveFilesIntoDatabaseAsync(ct);
    }
}

/// <summary>
/// The organisation settings a new database starts with: <c>Organisation:Name</c>, <c>Organisation:TimeZone</c> and
/// <c>Organisation:RepeatWindowDays</c> from configuration, else the defaults. Afterwards Admin → Settings owns them,
/// so changing the configuration later does not overwrite what an administrator set.
/// </summary>
public static class InitialOrganisationSettings
{
    public static OrganisationSettings From(IConfigurationSection section)
    {
        var settings = new OrganisationSettings();
        if (section["Name"] is { Length: > 0 } name) settings.Name = name.Trim();
        if (section["TimeZone"] is { Length: > 0 } zone)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                throw new InvalidOperationException($"Organisation:TimeZone: '{zone}' is not a time zone known to this machine (use an IANA id such as Europe/Stockholm).");
            settings.TimeZoneId = zone;
        }
        if (section["RepeatWindowDays"] is { Length: > 0 } window)
        {
            if (!int.TryParse(window, out var days) || days is < 1 or > 90)
                throw new InvalidOperationException($"Organisation:RepeatWindowDays: '{window}' is not a whole number of days from 1 to 90.");
            settings.RepeatWindowDays = days;
        }
        return settings;
    }
}
