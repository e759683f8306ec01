using CxDashboard.Web.Features.Ingestion;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>Flags right after an import or API batch of contacts or responses (see <see cref="ImportFollowUp"/>).</summary>
public sealed class CallbackImportListener(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<CallbackImportListener> logger) : IImportListener
{
    public Task OnImportedAsync(ImportResult result, CancellationToken ct)
    {
        if (result.Kind is not (ImportKind.Contacts or ImportKind.SurveyResponses) || result.Inserted + result.Updated == 0) return Task.CompletedTask;
        return ImportFollowUp.RunAsync<CallbackFlaggingJob>(scopes, configuration,
            job => job.RunAsync(null, CancellationToken.None),
            (job, token) => job.RunAsync(null, token),
            // The recurring job will flag on its next run.
            e => logger.LogError(e, "Flagging after the {Kind} import failed; the scheduled run will pick the data up", result.Kind.Code()),
            ct);
    }
}
