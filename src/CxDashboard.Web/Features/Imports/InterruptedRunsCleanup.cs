using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Imports;

/// <summary>
/// At start: runs still marked as being checked or imported were cut off when the app stopped (their transaction never
/// committed, and the in-memory job queue lost their jobs), so they are closed as failed, with nothing written.
/// </summary>
public sealed class InterruptedRunsCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<InterruptedRunsCleanup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
        if (!await db.Database.CanConnectAsync(cancellationToken)) return;
        List<ImportRun> cutOff;
        try
        {
            cutOff = await db.ImportRuns.Where(r => r.Status == ImportRunStatus.Previewing || r.Status == ImportRunStatus.Importing).ToListAsync(cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return; // not migrated yet: nothing to close
        }
        if (cutOff.Count == 0) return;
        var runs = scope.ServiceProvider.GetRequiredService<ImportRunService>();
        foreach (var run in cutOff)
        {
            run.Message = $"The app stopped while this upload was being {(run.Status == ImportRunStatus.Importing ? "imported" : "checked")}. Nothing was written: upload the files again.";
            run.Status = ImportRunStatus.Failed;
            run.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
            runs.DeleteUploads(run);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("{Count} import(s) cut off by the last stop were closed as failed; nothing of them was written.", cutOff.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
