using CxDashboard.Web.Features.Ingestion;
using Hangfire;

namespace CxDashboard.Web.Features.Metrics.Rollups;

/// <summary>
/// Rebuilds the KPI rollups of the days a large import left pending (see <see cref="ImportService.DeferredRollupRows"/>):
/// right after such an import, at the app's start, and every few minutes (Jobs:RebuildPendingRollups:Cron), so days
/// left by an import that stopped before its rebuild (a command-line import that was killed) do not stay slow to read.
/// </summary>
public sealed class PendingRollupsJob(KpiRollupService rollups)
{
    public const string JobName = "RebuildPendingRollups";
    public const string RecurringJobId = "rebuild-pending-rollups";
    public const string DefaultCron = "*/5 * * * *";

    // Several imports in a row enqueue several runs; the first rebuilds every pending day and the others find none.
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(CancellationToken ct) => rollups.RefreshPendingAsync(ct);
}

/// <summary>Starts the rebuild of pending rollups right after a large import commits (see <see cref="ImportFollowUp"/>).</summary>
public sealed class PendingRollupsImportListener(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<PendingRollupsImportListener> logger)
    : IImportListener
{
    public Task OnImportedAsync(ImportResult result, CancellationToken ct) => !result.RollupsPending
        ? Task.CompletedTask
        : ImportFollowUp.RunAsync<PendingRollupsJob>(scopes, configuration,
            job => job.RunAsync(CancellationToken.None),
            (job, token) => job.RunAsync(token),
            // The import is committed and the dashboard reads the pending days from the raw rows; the next start rebuilds them.
            e => logger.LogError(e, "Rebuilding the KPI rollups after the {Kind} import failed; they are rebuilt at the next start", result.Kind.Code()),
            ct);
}
