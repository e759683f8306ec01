namespace CxDashboard.Web.Features.Imports;

/// <summary>The background jobs of large uploads: the check (dry run) and the import of a run.</summary>
public sealed class ImportJob(ImportRunService runs)
{
    public Task PreviewAsync(long runId, CancellationToken ct) => runs.PreviewAsync(runId, ct);

    public Task ImportAsync(long runId, CancellationToken ct) => runs.ImportAsync(runId, ct);
}
