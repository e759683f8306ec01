using System.Diagnostics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using CxDashboard.Web.Features.Organisation;
using Npgsql;

namespace CxDashboard.Web.Features.Metrics.Rollups;

/// <summary>Keeps the KPI rollups complete and current; the query side only uses them when they are.</summary>
public sealed class KpiRollupService(CxDbContext db, OrganisationTimeSource organisationTime, TimeProvider clock, ILogger<KpiRollupService> logger)
{
    /// <summary>The window the rollups were built for, when they are complete; null means "read the raw rows".</summary>
    public Task<int?> UsableWindowAsync(CancellationToken ct = default) => db.UsableRollupWindowAsync(ct);

    /// <summary>Rebuilds everything for window W (after a change of W or time zone, or when missing or stale).</summary>
    public async Task RebuildAllAsync(int windowDays, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (transaction is NpgsqlTransaction postgres)
            await PostgresRollupWriter.RebuildAllAsync((NpgsqlConnection)connection, postgres, windowDays, clock.GetUtcNow().UtcDateTime, ct);
        else
            KpiRollupWriter.RebuildAll((SqliteConnection)connection, (SqliteTransaction)transaction, windowDays, clock.GetUtcNow().UtcDateTime);
        await DataVersions.BumpAsync(connection, transaction, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("KPI rollups rebuilt for W = {Window} days in {Seconds:0.0} s", windowDays, stopwatch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Brings rollups up to date at start: built when missing, rebuilt when stale or for another W, and the days a
    /// large import left pending (e.g. the app stopped before their rebuild ran) rebuilt.
    /// </summary>
    public async Task EnsureCurrentAsync(int windowDays, CancellationToken ct = default)
    {
        if (await UsableWindowAsync(ct) == windowDays) await RefreshPendingAsync(ct);
        else await RebuildAllAsync(windowDays, ct);
    }

    /// <summary>
    /// Rebuilds the days a large import left pending (see <see cref="Ingestion.ImportService.DeferredRollupRows"/>), and
    /// the stale months that have ended (see <see cref="KpiRollupStaleMonth"/>), in a transaction of its own; returns how
    /// many days it rebuilt. The current month stays stale until it ends: its month-only rows serve only periods that
    /// cover all of it, and the survey answers arriving all month would have it summed again every run.
    /// </summary>
    public async Task<int> RefreshPendingAsync(CancellationToken ct = default)
    {
        if (await UsableWindowAsync(ct) is not { } windowDays) return 0;
        var today = (await organisationTime.GetAsync(ct)).Today(clock);
        var currentMonth = new DateOnly(today.Year, today.Month, 1);
        if (!await db.KpiRollupPendingDates.AnyAsync(ct) && !await db.KpiRollupStaleMonths.AnyAsync(m => m.Month < currentMonth, ct)) return 0;
        var stopwatch = Stopwatch.StartNew();
        var days = await OpenAsync(ct) switch
        {
            NpgsqlConnection postgres => await PostgresRollupWriter.RefreshPendingAsync(postgres, windowDays, currentMonth, ct),
            var sqlite => KpiRollupWriter.RefreshPending((SqliteConnection)sqlite, windowDays, currentMonth),
        };
        logger.LogInformation("KPI rollups of {Days} pending day(s) rebuilt in {Seconds:0.0} s", days, stopwatch.Elapsed.TotalSeconds);
        return days;
    }

    public async Task MarkStaleAsync(CancellationToken ct = default) =>
        await db.KpiRollupStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.IsComplete, false), ct);

    /// <summary>Rebuilds the rows of some local dates, e.g. after a survey answer changed one contact's numbers.</summary>
    public Task RefreshDatesAsync(IReadOnlyCollection<DateOnly> dates, CancellationToken ct = default) =>
        db.RefreshRollupsAsync(dates, ct);

    private async Task<System.Data.Common.DbConnection> OpenAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return db.Database.GetDbConnection();
    }
}
