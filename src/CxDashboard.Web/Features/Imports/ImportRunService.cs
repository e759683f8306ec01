using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Ingestion;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Imports;

/// <summary>A file the user uploaded, as the page hands it over.</summary>
public sealed record UploadedFile(ImportKind Kind, string FileName, Stream Content);

/// <summary>What the preview found in each file of a run, kept beside the uploads until the run ends.</summary>
public sealed record RunPreview(IReadOnlyList<FilePreview> Files);

public sealed record FilePreview(
    string FileName, ImportKind Kind, string? FileError, long Rows, long Inserted, long Updated, long Unchanged, long Rejected,
    long ErrorCount, IReadOnlyList<ImportError> Errors, IReadOnlyList<string> Warnings, ImportPreview? Preview);

public sealed class ImportRunException(string message) : Exception(message);

/// <summary>
/// The Import page's workflow: upload (streamed to files under <see cref="ImportsOptions.UploadFolder"/>), a dry run
/// that checks every row and keeps the first rows and all errors, then the import itself, of everything or of the
/// valid rows only. Large uploads run both steps as background jobs (Hangfire) with progress; small ones inline.
/// Each run is a row of the import history.
/// </summary>
public sealed class ImportRunService(
    CxDbContext db,
    ImportService importer,
    UserScopeService scopes,
    ImportProgressStore progress,
    IBackgroundJobClient jobs,
    IOptions<ImportsOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<ImportRunService> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private ImportsOptions Settings => options.Value;

    private string UploadRoot => Path.GetFullPath(Settings.UploadFolder, environment.ContentRootPath);

    public string RunFolder(ImportRun run) => Path.Combine(UploadRoot, run.UploadKey);

    /// <summary>Saves the files and starts their check; returns the run, checked already unless it went to the background.</summary>
    public async Task<ImportRun> UploadAsync(ClaimsPrincipal user, IReadOnlyList<UploadedFile> files, CancellationToken ct)
    {
        if (files.Count == 0) throw new ImportRunException(ImportRunText.ChooseAFile);
        if (files.GroupBy(f => f.Kind).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ImportRunException(ImportText.Format(ImportRunText.TwoFilesOfAKind, twice.Key.DisplayName()));
        var tooLarge = ImportText.Format(ImportRunText.TooLarge, ImportRunDisplay.Size(Settings.MaxUploadBytes));
        if (files.All(f => f.Content.CanSeek) && files.Sum(f => f.Content.Length) > Settings.MaxUploadBytes) throw new ImportRunException(tooLarge);
        await DiscardAbandonedAsync(ct);

        var scope = await scopes.ScopeForAsync(user, ct);
        if (scope.SeesNothing || scope.AgentId is not null) throw new ImportRunException(ImportRunText.RoleMayNotImport);
        var run = new ImportRun
        {
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier)!,
            UserName = user.DisplayName(),
            CreatedAtUtc = Now,
            StartedAtUtc = Now,
            Status = ImportRunStatus.Previewing,
            AllowedTeamIds = scope.TeamIds is { } teams ? string.Join(',', teams.Order()) : null,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);

        var folder = Hosting.PrivateFiles.CreateFolder(RunFolder(run)).FullName;
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var path = Path.Combine(folder, StoredName(i));
                await using (var target = Hosting.PrivateFiles.Create(path, FileMode.CreateNew, FileOptions.Asynchronous))
                {
                    await files[i].Content.CopyToAsync(target, ct);
                }
                run.Files.Add(new ImportRunFile
                {
                    FileName = Path.GetFileName(files[i].FileName),
                    Kind = files[i].Kind.Code(),
                    SizeBytes = new FileInfo(path).Length,
                });
            }
            if (run.Files.Sum(f => f.SizeBytes) > Settings.MaxUploadBytes) throw new ImportRunException(tooLarge);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            DeleteFolder(run);
            db.ImportRuns.Remove(run);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        if (RunsInBackground(run)) jobs.Enqueue<ImportJob>(job => job.PreviewAsync(run.Id, CancellationToken.None));
        else await PreviewAsync(run.Id, ct);
        return run;
    }

    /// <summary>Imports a previewed run: everything, or only the valid rows.</summary>
    public async Task<ImportRun> StartImportAsync(ClaimsPrincipal user, long runId, bool validRowsOnly, CancellationToken ct)
    {
        var run = await FindForAsync(user, runId, ct) ?? throw new ImportRunException(ImportRunText.NoSuchImport);
        if (run.Status != ImportRunStatus.Previewed) throw new ImportRunException(ImportRunText.AlreadyDone);
        if (run.Files.Any(f => f.FileError is not null)) throw new ImportRunException(ImportRunText.FileUnreadable);
        if (!validRowsOnly && run.Files.Any(f => f.ErrorCount > 0)) throw new ImportRunException(ImportRunText.RowsHaveErrors);
        if (!UploadsHere(run)) throw new ImportRunException(ImportRunText.UploadNotHere);
        run.Status = ImportRunStatus.Importing;
        run.ValidRowsOnly = validRowsOnly;
        run.StartedAtUtc = Now;
        run.FinishedAtUtc = null;
        await db.SaveChangesAsync(ct);

        if (RunsInBackground(run)) jobs.Enqueue<ImportJob>(job => job.ImportAsync(run.Id, CancellationToken.None));
        else await ImportAsync(run.Id, ct);
        return run;
    }

    public async Task DiscardAsync(ClaimsPrincipal user, long runId, CancellationToken ct)
    {
        var run = await FindForAsync(user, runId, ct) ?? throw new ImportRunException(ImportRunText.NoSuchImport);
        if (run.Status != ImportRunStatus.Previewed) throw new ImportRunException(ImportRunText.OnlyCheckedCanBeDiscarded);
        run.Status = ImportRunStatus.Discarded;
        run.FinishedAtUtc = Now;
        await db.SaveChangesAsync(ct);
        DeleteFolder(run);
    }

    /// <summary>The check: a dry run of the whole batch, keeping the first rows and the row errors.</summary>
    public Task PreviewAsync(long runId, CancellationToken ct) => RunAsync(runId, ImportRunStatus.Previewing, async (run, files, allowed) =>
    {
        var batch = await importer.ImportBatchAsync(files, new ImportOptions
        {
            DryRun = true,
            PreviewRows = Settings.PreviewRows,
            MaxErrorsKept = Settings.MaxErrorsListed,
            AllowedTeamIds = allowed,
            Progress = await progress.TrackAsync(run.Id, null, run.Files.Sum(f => f.SizeBytes), ct),
        }, ct);
        var preview = new RunPreview([.. batch.Files.Select((r, i) => new FilePreview(run.Files[i].FileName, r.Kind, r.FileError, r.Rows,
            r.Inserted, r.Updated, r.Unchanged, r.Rejected, r.ErrorCount, r.Errors, r.Warnings, r.Preview))]);
        await Hosting.PrivateFiles.WriteAllTextAsync(Path.Combine(RunFolder(run), "preview.json"), JsonSerializer.Serialize(preview, Json), ct);
        Record(run, batch);
        run.Status = ImportRunStatus.Previewed;
        run.Message = null;
    });

    public Task ImportAsync(long runId, CancellationToken ct) => RunAsync(runId, ImportRunStatus.Importing, async (run, files, allowed) =>
    {
        var batch = await importer.ImportBatchAsync(files, new ImportOptions
        {
            ValidRowsOnly = run.ValidRowsOnly,
            ChangeSource = ChangeSource.ImportRun(run.Id, run.UserName),
            MaxErrorsKept = Settings.MaxErrorsListed,
            AllowedTeamIds = allowed,
            Progress = await progress.TrackAsync(run.Id, run.Files.Sum(f => f.Rows), run.Files.Sum(f => f.SizeBytes), ct),
        }, ct);
        Record(run, batch);
        KeepRowErrors(run.Files, batch);
        run.Status = !batch.WroteData ? ImportRunStatus.Rejected
            : batch.ErrorCount > 0 ? ImportRunStatus.ImportedValidRows
            : ImportRunStatus.Imported;
        run.Message = batch.WroteData ? null : ImportRunText.ChangedSinceCheck;
        DeleteFolder(run);
    });

    private async Task RunAsync(long runId, ImportRunStatus expected, Func<ImportRun, IReadOnlyList<ImportBatchFile>, IReadOnlySet<int>?, Task> work)
    {
        var run = await db.ImportRuns.Include(r => r.Files.OrderBy(f => f.Id)).SingleOrDefaultAsync(r => r.Id == runId, CancellationToken.None);
        if (run is null || run.Status != expected) return; // discarded, or done by an earlier attempt of the job
        if (!UploadsHere(run))
        {
            // A job server of another instance took the job, and the instances do not share the upload folder.
            run.Status = ImportRunStatus.Failed;
            run.Message = ImportRunText.UploadNotHere;
            run.FinishedAtUtc = Now;
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }
        var streams = new List<FileStream>();
        try
        {
            var files = new List<ImportBatchFile>();
            for (var i = 0; i < run.Files.Count; i++)
            {
                var stream = File.OpenRead(Path.Combine(RunFolder(run), StoredName(i)));
                streams.Add(stream);
                files.Add(new ImportBatchFile(ImportSchemas.TryParseKind(run.Files[i].Kind, out var kind) ? kind : throw new InvalidOperationException(run.Files[i].Kind), stream, run.Files[i].FileName));
            }
            IReadOnlySet<int>? allowed = run.AllowedTeamIds is { } ids
                ? ids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToHashSet()
                : null;
            await work(run, files, allowed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import run {RunId} failed", runId);
            run.Status = ImportRunStatus.Failed;
            run.Message = ImportText.Format(ImportRunText.UnexpectedError, e.Message);
            DeleteFolder(run);
        }
        finally
        {
            foreach (var stream in streams) await stream.DisposeAsync();
            run.FinishedAtUtc = Now;
            await db.SaveChangesAsync(CancellationToken.None);
            await progress.ForgetAsync(runId);
        }
    }

    private static void Record(ImportRun run, ImportBatchResult batch)
    {
        for (var i = 0; i < run.Files.Count; i++)
        {
            var (file, result) = (run.Files[i], batch.Files[i]);
            file.Rows = result.Rows;
            file.Inserted = result.Inserted;
            file.Updated = result.Updated;
            file.Unchanged = result.Unchanged;
            file.Rejected = result.Rejected;
            file.ErrorCount = result.ErrorCount;
            file.FileError = result.FileError;
        }
    }

    /// <summary>The skipped or refused rows of an import, kept in the history once the uploaded files are gone.</summary>
    internal static void KeepRowErrors(IReadOnlyList<ImportRunFile> files, ImportBatchResult batch)
    {
        for (var i = 0; i < files.Count; i++)
            files[i].Errors.AddRange(batch.Files[i].Errors.Select(ToStored));
    }

    private static ImportRunError ToStored(ImportError error) => new()
    {
        Line = error.Line,
        Column = error.Column is { Length: > ColumnLength } column ? column[..ColumnLength] : error.Column,
        Message = error.Message.Length > MessageLength ? error.Message[..(MessageLength - 1)] + "…" : error.Message,
    };

    private const int ColumnLength = 100, MessageLength = 1000;

    /// <summary>A page of the rows an import skipped or refused, in line order.</summary>
    public async Task<IReadOnlyList<ImportRunError>> RowErrorsAsync(long fileId, int skip, int take, CancellationToken ct) =>
        await db.ImportRunErrors.AsNoTracking().Where(e => e.ImportRunFileId == fileId)
            .OrderBy(e => e.Line).ThenBy(e => e.Id).Skip(skip).Take(take).ToListAsync(ct);

    /// <summary>For the import history: the first few kept row errors of each file that has any (one small query per such file).</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<ImportRunError>>> FirstRowErrorsAsync(IEnumerable<ImportRunFile> files, int perFile, CancellationToken ct)
    {
        var result = new Dictionary<long, IReadOnlyList<ImportRunError>>();
        foreach (var file in files.Where(f => f.ErrorCount > 0))
            result[file.Id] = await RowErrorsAsync(file.Id, 0, perFile, ct);
        return result;
    }

    public async Task<RunPreview?> LoadPreviewAsync(ImportRun run, CancellationToken ct)
    {
        var path = Path.Combine(RunFolder(run), "preview.json");
        if (!File.Exists(path)) return null;
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<RunPreview>(stream, Json, ct);
    }

    /// <summary>A run the user may see: their own, or any for an administrator.</summary>
    public Task<ImportRun?> FindForAsync(ClaimsPrincipal user, long runId, CancellationToken ct)
    {
        var isAdmin = user.IsInRole(Roles.Admin);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.ImportRuns.Include(r => r.Files.OrderBy(f => f.Id))
            .SingleOrDefaultAsync(r => r.Id == runId && (isAdmin || r.UserId == userId), ct);
    }

    /// <summary>The latest runs: every run for administrators, a manager's own runs for a manager.</summary>
    public async Task<IReadOnlyList<ImportRun>> HistoryAsync(ClaimsPrincipal user, int take, CancellationToken ct)
    {
        var isAdmin = user.IsInRole(Roles.Admin);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.ImportRuns.AsNoTracking().Include(r => r.Files.OrderBy(f => f.Id))
            .Where(r => isAdmin || r.UserId == userId)
            .OrderByDescending(r => r.Id).Take(take).ToListAsync(ct);
    }

    public async Task<string> TeamNamesAsync(IEnumerable<int> teamIds, CancellationToken ct)
    {
        var ids = teamIds.ToList();
        var names = await db.Teams.Where(t => ids.Contains(t.Id)).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        return string.Join(", ", names);
    }

    public Task<RunProgress?> ProgressAsync(long runId, CancellationToken ct) => progress.GetAsync(runId, ct);

    /// <summary>
    /// A run shown as being checked or imported whose instance stopped (PostgreSQL: see <see cref="ImportProgressStore"/>)
    /// is closed as failed: its transaction never committed, so nothing of it was written.
    /// </summary>
    public async Task CloseIfCutOffAsync(ImportRun run, CancellationToken ct)
    {
        if (!run.IsRunning || !await progress.WasCutOffAsync(run.Id, ct)) return;
        CloseAsCutOff(run);
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Import {RunId} was cut off when the instance running it stopped; nothing of it was written.", run.Id);
    }

    /// <summary>Marks a run whose check or import stopped with its app instance as failed, and deletes its uploads.</summary>
    public void CloseAsCutOff(ImportRun run)
    {
        run.Message = run.Status == ImportRunStatus.Importing ? ImportRunText.CutOffWhileImporting : ImportRunText.CutOffWhileChecking;
        run.Status = ImportRunStatus.Failed;
        run.FinishedAtUtc = Now;
        db.ImportRunProgress.RemoveRange(db.ImportRunProgress.Where(p => p.ImportRunId == run.Id));
        DeleteFolder(run);
    }

    public bool RunsInBackground(ImportRun run) => run.Files.Sum(f => f.SizeBytes) > Settings.BackgroundThresholdBytes;

    private static string StoredName(int index) => $"file-{index}";

    /// <summary>Whether this instance sees the run's uploaded files (each instance has its own folder unless they share one).</summary>
    private bool UploadsHere(ImportRun run) =>
        Enumerable.Range(0, run.Files.Count).All(i => File.Exists(Path.Combine(RunFolder(run), StoredName(i))));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public void DeleteUploads(ImportRun run) => DeleteFolder(run);

    private void DeleteFolder(ImportRun run)
    {
        var folder = RunFolder(run);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>Uploads checked but not imported within <see cref="ImportsOptions.KeepUploadsHours"/> are discarded, files and all.</summary>
    private async Task DiscardAbandonedAsync(CancellationToken ct)
    {
        var limit = Now.AddHours(-Settings.KeepUploadsHours);
        var abandoned = await db.ImportRuns.Where(r => r.Status == ImportRunStatus.Previewed && r.CreatedAtUtc < limit).ToListAsync(ct);
        foreach (var run in abandoned)
        {
            run.Status = ImportRunStatus.Discarded;
            run.FinishedAtUtc = Now;
            run.Message = ImportText.Format(ImportRunText.DiscardedUnimported, Settings.KeepUploadsHours);
            try { DeleteFolder(run); }
            catch (IOException e) { logger.LogWarning(e, "Could not delete the upload of import {RunId}", run.Id); }
        }
        if (abandoned.Count > 0) await db.SaveChangesAsync(ct);
    }
}
