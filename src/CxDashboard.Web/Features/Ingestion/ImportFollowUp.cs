using System.Linq.Expressions;
using Hangfire;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// Work that follows a committed import (rebuilding pending rollups, flagging dissatisfied customers): enqueued as a
/// background job when this instance runs a job server, and otherwise (the CLI, a web-only instance) run at once in a
/// scope of its own, before the import's caller goes on. A failure of work run at once is reported, not thrown: the
/// import itself is committed.
/// </summary>
public static class ImportFollowUp
{
    public static async Task RunAsync<TJob>(IServiceScopeFactory scopes, IConfiguration configuration, Expression<Func<TJob, Task>> asJob,
        Func<TJob, CancellationToken, Task> runNow, Action<Exception> onFailure, CancellationToken ct) where TJob : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        if (configuration.GetValue("Jobs:RunServer", true) && scope.ServiceProvider.GetService<IBackgroundJobClient>() is { } jobs)
        {
            jobs.Enqueue(asJob);
            return;
        }
        try
        {
            await runNow(scope.ServiceProvider.GetRequiredService<TJob>(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            onFailure(e);
        }
    }
}
