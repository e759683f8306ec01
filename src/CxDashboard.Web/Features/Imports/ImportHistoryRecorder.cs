using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Ingestion;

namespace CxDashboard.Web.Features.Imports;

/// <summary>
/// Puts imports that did not come through the Import page (the <c>import</c> verb, the demo seed) into the same import
/// history, so an administrator sees every file that changed the data, whoever ran it. Dry runs are not recorded.
/// </summary>
public sealed class ImportHistoryRecorder(CxDbContext db, TimeProvider clock)
{
    public const string CommandLineUserId = "cli";
    public const string DemoSeedUserId = "demo-seed";

    public async Task RecordAsync(string userId, string userName, IReadOnlyList<(string FileName, long SizeBytes)> files,
        ImportBatchResult batch, bool validRowsOnly, CancellationToken ct = default)
    {
        if (batch.Files.Any(f => f.Outcome == ImportOutcome.Previewed)) return;
        var finished = clock.GetUtcNow().UtcDateTime;
        var started = finished - batch.Duration;
        var run = new ImportRun
        {
            UserId = userId,
            UserName = userName,
            CreatedAtUtc = started,
            StartedAtUtc = started,
            FinishedAtUtc = finished,
            ValidRowsOnly = validRowsOnly,
            Status = batch.WroteData
                ? batch.Files.Any(f => f.Outcome == ImportOutcome.ImportedValidRows) ? ImportRunStatus.ImportedValidRows : ImportRunStatus.Imported
                : ImportRunStatus.Rejected,
            Message = batch.WroteData ? null : batch.Files.FirstOrDefault(f => f.FileError is not null)?.FileError,
            Files = batch.Files.Select((result, i) => new ImportRunFile
            {
                FileName = files[i].FileName,
                Kind = result.Kind.Code(),
                SizeBytes = files[i].SizeBytes,
                Rows = result.Rows,
                Inserted = result.Inserted,
                Updated = result.Updated,
                Unchanged = result.Unchanged,
                Rejected = result.Rejected,
                ErrorCount = result.ErrorCount,
                FileError = result.FileError,
            }).ToList(),
        };
        ImportRunService.KeepRowErrors(run.Files, batch);
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
    }
}
