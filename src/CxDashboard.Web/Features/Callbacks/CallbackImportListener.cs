using CxDashboard.Web.Features.Ingestion;
using Hangfire;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>
/// Flags right after an import or API batch of contacts or responses: enqueues the flagging job when this instance
/// runs a job server, and otherwise (the CLI, a web-only instance) runs it at once in its own scope.
/// </summary>
public sealed class CallbackImportListener(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<CallbackImportListener> logger) : IImportListener
{
    public async Task OnImportedAsync(ImportResult result, CancellationToken ct)
    {
        if (result.Kind is not (ImportKind.Contacts or ImportKind.SurveyResponses) || result.Inserted + result.Updated == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetService<IBackgroundJobClient>();
        if (jobs is not null && configuration.GetValue("Jobs:RunServer", true))
        {
            jobs.Enqueue<CallbackFlaggingJob>(job => job.RunAsync(null, CancellationToken.None));
            return;
        }
        try
        {
            await scope.ServiceProvider.GetRequiredService<CallbackFlaggingJob>().RunAsync(null, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The import itself succeeded; the recurring job will flag on its next run.
            logger.LogError(e, "Flagging after the {Kind} import failed; the scheduled run will pick the data up", result.Kind.Code());
        }
    }
}
