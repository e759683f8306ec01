using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Metrics.Rollups;
using CxDashboard.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CxDashboard.Web.Data.Seeding;

/// <summary>
/// Brings any database to a usable state at start: applies migrations, and creates the roles, the organisation
/// settings row, the default KPI targets and the maturity model when they are missing. Never touches existing data.
/// </summary>
public sealed class DatabaseInitializer(CxDbContext db, IServiceProvider services, IConfiguration configuration, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await MigrateAsync(ct);
        await EnsureContentAsync(ct);
    }

    /// <summary>
    /// For a command-line verb: a database that lacks migrations is brought up to date as at start (migrations, then
    /// roles, settings, targets, rollups, maturity model); one that has them all is used as it is, since the start or
    /// <c>migrate</c> that migrated it created its content. This keeps a verb's own start short.
    /// </summary>
    public async Task PrepareForVerbAsync(CancellationToken ct = default)
    {
        if (await MigrateAsync(ct)) await EnsureContentAsync(ct);
    }

    /// <summary>Applies the migrations the database lacks; whether there were any.</summary>
    private async Task<bool> MigrateAsync(CancellationToken ct)
    {
        var pending = await PendingMigrationsAsync(ct);
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await MigrationFunctions.AddToConnectionAsync(db, ct);
            // EF's migrator reads the history before it creates it; on a new PostgreSQL database that read fails and is
            // logged as an error on every first start (harmless, alarming). Created first, the read finds it empty.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
            await db.Database.MigrateAsync(ct);
        }
        if (db.Database.IsSqlite())
        {
            // WAL lets the dashboard read while an import or job writes; it is a property of the file, set once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.OpenConnectionAsync(ct);
            await DatabaseStatistics.EnsureAsync(db.Database.GetDbConnection(), ct);
        }
        return pending.Count > 0;
    }

    private async Task EnsureContentAsync(CancellationToken ct)
    {
        // Resolved here, not injected: a verb on an up-to-date database needs none of them, nor the cost of making them.
        await services.GetRequiredService<UserAdminService>().EnsureRolesAsync();
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
        await services.GetRequiredService<KpiRollupService>().EnsureCurrentAsync(windowDays, ct);
        await services.GetRequiredService<MaturityModelService>().EnsureLoadedAsync(ct);
        await services.GetRequiredService<ReportLibrary>().MoveFilesIntoDatabaseAsync(ct);
    }

    /// <summary>
    /// This build's migrations the database lacks, from one read of the history table. EF's own check (and Migrate
    /// with nothing to apply) first builds and compares the migrations' model, which cost every start and CLI verb
    /// about half a second; a database that has them all skips Migrate.
    /// </summary>
    private async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken ct)
    {
        const string history = HistoryRepository.DefaultTableName;
        var known = db.GetService<IMigrationsAssembly>().Migrations.Keys;
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using (var exists = connection.CreateCommand())
            {
                // The history table as an unqualified name finds it (PostgreSQL: through the search path).
                exists.CommandText = db.Database.IsNpgsql()
                    ? $"""SELECT COUNT(*) FROM pg_catalog.pg_class WHERE oid = to_regclass('"{history}"')"""
                    : $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{history}'";
                if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct)) == 0) return [.. known.Order(StringComparer.Ordinal)];
            }
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT "MigrationId" FROM "{history}" """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return [.. known.Where(id => !applied.Contains(id)).Order(StringComparer.Ordinal)];
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
