using CxDashboard.Web.Features.Ingestion;
using Hangfire;

namespace CxDashboard.Web.Features.Metrics.Rollups;

/// <summary>Rebuilds the KPI rollups of the days a large import left pending (see <see cref="ImportService.DeferredRollupRows"/>).</summary>
public sealed class PendingRollupsJob(KpiRollupService rollups)
{
    // Several imports in a row enqueue several runs; the first rebuilds every pending day and the others find none.
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(CancellationToken ct) => rollups.RefreshPendingAsync(ct);
}

/// <summary>
/// Starts the rebuild of pending rollups right after a large import commits: as a background job when this instance
/// runs a job server, and otherwise (the CLI, a web-only instance) at once, before the import's caller goes on.
/// </summary>
public sealed class PendingRollupsImportListener(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<PendingRollupsImportListener> logger)
    : IImportListener
{
    public async Task OnImportedAsync(ImportResult result, CancellationToken ct)
    {
        if (!result.RollupsPending) return;
        await using var scope = scopes.CreateAsyncScope();
        if (configuration.GetValue("Jobs:RunServer", true) && scope.ServiceProvider.GetService<IBackgroundJobClient>() is { } jobs)
        {
            jobs.Enqueue<PendingRollupsJob>(job => job.RunAsync(CancellationToken.None));
            return;
        }
        try
        {
            await scope.ServiceProvider.GetRequiredService<KpiRollupService>().RefreshPendingAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The import itself is committed and the dashboard reads the pending days from the raw rows; the next
            // start of the app rebuilds them (DatabaseInitializer).
            logger.LogError(e, "Rebuilding the KPI rollups after the {Kind} import failed; they are rebuilt at the next start", result.Kind.Code());
        }
    }
}
