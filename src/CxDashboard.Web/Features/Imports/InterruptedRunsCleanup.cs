using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Imports;

/// <summary>
/// At start: runs still marked as being checked or imported were cut off when the app stopped (their transaction never
/// committed, and the in-memory job queue lost their jobs), so they are closed as failed, with nothing written. On
/// PostgreSQL only the runs no instance holds any more are closed (the others run elsewhere, or wait in the shared job
/// queue); a run cut off later is closed when someone looks at it.
/// </summary>
public sealed class InterruptedRunsCleanup(IServiceScopeFactory scopes, ImportProgressStore progress, ILogger<InterruptedRunsCleanup> logger) : IHostedService
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
        catch (System.Data.Common.DbException)
        {
            return; // not migrated yet: nothing to close
        }
        var shared = db.Database.IsNpgsql();
        if (cutOff.Count == 0) return;
        var runs = scope.ServiceProvider.GetRequiredService<ImportRunService>();
        var closed = 0;
        foreach (var run in cutOff)
        {
            if (shared && !await progress.WasCutOffAsync(run.Id, cancellationToken)) continue; // another instance runs it, or it is queued
            runs.CloseAsCutOff(run);
            closed++;
        }
        if (closed == 0) return;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("{Count} import(s) cut off by the last stop were closed as failed; nothing of them was written.", closed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
