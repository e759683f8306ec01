using System.Diagnostics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Ingestion.Files;
using CxDashboard.Web.Features.Metrics.Rollups;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>Told after an import has committed, e.g. to flag dissatisfied customers at once.</summary>
public interface IImportListener
{
    Task OnImportedAsync(ImportResult result, CancellationToken ct);
}

/// <summary>
/// Imports a file or an API batch of one kind: streams the rows, validates each (line, column, reason), writes
/// inside one transaction and commits only when the import is clean, or when the caller asked for the valid rows.
/// Re-importing the same rows changes nothing (rows are keyed by their external id).
/// </summary>
public sealed class ImportService(
    CxDbContext db,
    OrganisationSettingsService organisation,
    IEnumerable<IImportListener> listeners,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<XlsxLimits> xlsxLimits,
    ILogger<ImportService> logger)
{
    private const int ProgressEvery = 5000;

    // Files of a batch are imported in this order, so a responses file finds the contacts of a contacts file with it.
    private static readonly ImportKind[] BatchOrder = [ImportKind.Agents, ImportKind.Contacts, ImportKind.SurveyResponses, ImportKind.Engagement];

    /// <summary>Imports a CSV or XLSX file. The stream must be seekable (buffer uploads to a temp file).</summary>
    public async Task<ImportResult> ImportFileAsync(ImportKind kind, Stream stream, ImportOptions options, CancellationToken ct = default) =>
        (await ImportBatchAsync([new ImportBatchFile(kind, stream)], options, ct)).Files[0];

    /// <summary>Imports rows that are not a file, such as an API batch.</summary>
    public async Task<ImportResult> ImportAsync(ImportKind kind, ITabularReader reader, ImportOptions options, CancellationToken ct = default) =>
        (await ImportReadersAsync([new OpenedFile(kind, null, reader, null)], options, ct)).Files[0];

    /// <summary>
    /// Imports several files in one transaction (e.g. contacts and the responses that rate them): agents first, then
    /// contacts, responses and engagement. Everything is written, or, when any file has a problem, nothing.
    /// Results come back in the order of <paramref name="files"/>.
    /// </summary>
    public async Task<ImportBatchResult> ImportBatchAsync(IReadOnlyList<ImportBatchFile> files, ImportOptions options, CancellationToken ct = default)
    {
        var opened = new List<OpenedFile>();
        try
        {
            foreach (var file in files)
            {
                try
                {
                    opened.Add(new OpenedFile(file.Kind, file.Name, OpenFile(file.Content, xlsxLimits.Value), null));
                }
                catch (ImportFileException e)
                {
                    opened.Add(new OpenedFile(file.Kind, file.Name, null, e.Message));
                }
            }
            return await ImportReadersAsync(opened, options, ct);
        }
        finally
        {
            foreach (var file in opened) file.Reader?.Dispose();
        }
    }

    public static ITabularReader OpenFile(Stream stream, XlsxLimits? xlsxLimits = null) => FileSniffer.Detect(stream) switch
    {
        FileFormat.Xlsx => new XlsxTabularReader(stream, xlsxLimits),
        _ => new CsvTabularReader(stream),
    };

    private sealed record OpenedFile(ImportKind Kind, string? Name, ITabularReader? Reader, string? OpenError);

    private async Task<ImportBatchResult> ImportReadersAsync(IReadOnlyList<OpenedFile> files, ImportOptions options, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var time = await organisation.GetTimeAsync(ct);
        var results = new ImportResult[files.Count];
        var progress = new BatchProgress(options.Progress, files.Sum(f => f.Reader?.BytesTotal ?? 0));

        await using var session = await ImportSession.BeginAsync(db.Database.GetDbConnection(), options.ChangeSource, clock.GetUtcNow().UtcDateTime, ct);
        var masterData = MasterData.Load(session, options.DryRun);
        foreach (var index in Enumerable.Range(0, files.Count).OrderBy(i => Array.IndexOf(BatchOrder, files[i].Kind)))
        {
            var file = files[index];
            results[index] = file.Reader is null
                ? FileRejected(file.Kind, file.OpenError!)
                : ReadFile(file.Kind, file.Reader, session, masterData, time, options, progress, ct);
        }

        var fileProblem = results.Any(r => r.Outcome == ImportOutcome.FileRejected);
        var rowErrors = results.Any(r => r.ErrorCount > 0);
        var anyValidRow = results.Any(r => r.Rows > r.Rejected);
        var write = !options.DryRun && !fileProblem && (!rowErrors || (options.ValidRowsOnly && anyValidRow));

        IReadOnlyList<DateOnly> changedDates = [];
        var rollupsPending = false;
        var readSeconds = stopwatch.Elapsed.TotalSeconds;
        if (write)
        {
            var deferRollups = results.Sum(r => r.Inserted + r.Updated) >= DeferredRollupRows;
            string timings;
            (changedDates, rollupsPending, timings) = await session.WriteDerivedDataAsync(deferRollups, ct);
            var derivedSeconds = stopwatch.Elapsed.TotalSeconds;
            logger.LogDebug("Derived data: {Timings}", timings);
            await Data.DataVersions.BumpAsync(session.Connection, session.Transaction, ct);
            await session.Transaction.CommitAsync(ct);
            logger.LogDebug("Import batch: rows read and written in {Read:0.00} s, derived data in {Derived:0.00} s, commit in {Commit:0.00} s",
                readSeconds, derivedSeconds - readSeconds, stopwatch.Elapsed.TotalSeconds - derivedSeconds);
            if (results.Sum(r => r.Inserted + r.Updated) >= StatisticsRefreshRows) await session.RefreshStatisticsAsync(ct);
        }
        else
        {
            await session.Transaction.RollbackAsync(ct);
        }
        progress.Finish();

        for (var i = 0; i < results.Length; i++)
        {
            var r = results[i];
            if (r.Outcome == ImportOutcome.FileRejected) continue;
            var outcome = options.DryRun ? ImportOutcome.Previewed
                : write ? (r.ErrorCount == 0 ? ImportOutcome.Imported : ImportOutcome.ImportedValidRows)
                : r.ErrorCount > 0 ? ImportOutcome.RejectedWithErrors
                : ImportOutcome.BlockedByOtherFile;
            // A file imported alone took the whole batch's time (derived data and commit included).
            results[i] = r with
            {
                Outcome = outcome,
                ChangedDates = changedDates,
                RollupsPending = rollupsPending,
                Duration = results.Length == 1 ? stopwatch.Elapsed : r.Duration,
            };
            logger.LogInformation("Import of {Kind}: {Outcome}, {Rows} rows ({Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected) in {Seconds:0.0} s",
                r.Kind.Code(), outcome, r.Rows, r.Inserted, r.Updated, r.Unchanged, r.Rejected, r.Duration.TotalSeconds);
        }

        var batch = new ImportBatchResult(results, stopwatch.Elapsed);
        if (batch.WroteData)
        {
            foreach (var result in results)
                foreach (var listener in listeners) await listener.OnImportedAsync(result, ct);
        }
        return batch;
    }

    /// <summary>After this many written rows the query planner's statistics are refreshed (see <see cref="DatabaseStatistics"/>).</summary>
    private const long StatisticsRefreshRows = 20_000;

    /// <summary>
    /// From this many written rows, an import commits without rebuilding the KPI rollups of its days: it records them as
    /// pending, and they are rebuilt right after the commit (see <see cref="ImportResult.RollupsPending"/>). Rebuilding a
    /// year of days takes longer than loading the rows themselves; meanwhile the dashboard reads those days from the
    /// raw rows, so its numbers are right at every moment, only slower to compute until the rebuild is done.
    /// </summary>
    public const long DeferredRollupRows = 50_000;

    private static ImportResult ReadFile(ImportKind kind, ITabularReader reader, ImportSession session, MasterData masterData,
        OrganisationTime time, ImportOptions options, BatchProgress progress, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var schema = ImportSchemas.For(kind);
        var warnings = new List<string>();
        if (CheckHeader(kind, reader.Header, warnings) is { } headerError) return FileRejected(kind, headerError);

        session.StartFile();
        var processor = CreateProcessor(kind, session, masterData, options.AllowedTeamIds, reader.BytesTotal);
        var preview = new List<ImportPreviewRow>();

        // Each thread that reads rows has its own RowReader (a CSV file's rows are read on other cores).
        using var rowReaders = new ThreadLocal<RowReader>(() => new RowReader(reader.Header, schema, time));
        ParsedRow Parse(ITabularReader source)
        {
            var row = rowReaders.Value!;
            row.StartRow(source);
            var fields = processor.Parse(row);
            string?[]? raw = source.Row <= options.PreviewRows ? [.. Enumerable.Range(0, source.Header.Count).Select(source.Get)] : null;
            return new ParsedRow(row.Line, fields, row.Errors.ToArrayOrNull(), raw, source.BytesRead);
        }

        long rows = 0, inserted = 0, updated = 0, unchanged = 0, rejected = 0, errorCount = 0;
        var errors = new List<ImportError>();
        var written = new RowErrors();
        try
        {
            foreach (var parsed in reader.ReadAll(Parse))
            {
                rows++;
                ct.ThrowIfCancellationRequested();
                if (parsed.Raw is { } raw && preview.Count < options.PreviewRows) preview.Add(new ImportPreviewRow(parsed.Line, raw));
                written.Start(parsed.Line, parsed.Errors);
                switch (processor.Write(written, parsed.Fields))
                {
                    case RowOutcome.Inserted: inserted++; break;
                    case RowOutcome.Updated: updated++; break;
                    case RowOutcome.Unchanged: unchanged++; break;
                    case RowOutcome.Rejected: rejected++; break;
                }
                errorCount += written.Count;
                foreach (var error in written.All)
                    if (errors.Count < options.MaxErrorsKept) errors.Add(error);
                if (rows % ProgressEvery == 0) progress.Report(rows, parsed.BytesRead, errorCount);
            }
        }
        catch (ImportFileException e)
        {
            return FileRejected(kind, e.Message);
        }
        progress.EndFile(rows, reader, errorCount);

        if (rows == 0) return FileRejected(kind, ImportText.NoDataRows);

        var completed = processor.Complete(ct);
        if (completed.Errors is { Count: > 0 } found)
        {
            // Errors found by a set-based step: merged with the row errors in line order, within the same limit.
            errorCount += found.Count;
            errors = [.. errors.Concat(found).OrderBy(e => e.Line).Take(options.MaxErrorsKept)];
        }
        rejected += completed.Rejected;
        warnings.AddRange(processor.Warnings());
        return new ImportResult
        {
            Kind = kind,
            Outcome = ImportOutcome.Previewed, // decided for the whole batch once every file is read
            Rows = rows,
            Inserted = inserted + completed.Inserted,
            Updated = updated + completed.Updated,
            Unchanged = unchanged + completed.Unchanged,
            Rejected = rejected,
            ErrorCount = errorCount,
            Errors = errors,
            Warnings = warnings,
            Duration = stopwatch.Elapsed,
            Preview = options.PreviewRows > 0
                ? new ImportPreview(reader.Description, reader.Header, [.. reader.Header.Where(h => schema.Any(c => c.Name.Equals(h.Trim(), StringComparison.OrdinalIgnoreCase)))], preview)
                : null,
        };
    }

    /// <summary>A file-level problem with the header, or null; unknown columns become warnings.</summary>
    public static string? CheckHeader(ImportKind kind, IReadOnlyList<string> header, List<string> warnings)
    {
        var schema = ImportSchemas.For(kind);
        var present = header.Select(h => h.Trim()).Where(h => h.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = schema.Where(c => c.Required && !present.Contains(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            var recognised = ImportSchemas.Recognise(present);
            if (recognised is { } other && other != kind)
                return ImportText.Format(ImportText.OtherKindOfFile, other.DisplayName(), kind.DisplayName(), string.Join(", ", missing), other.Code());
            return ImportText.Format(ImportText.RequiredColumnsMissing, string.Join(", ", missing), kind.DisplayName(), string.Join(", ", schema.Where(c => c.Required).Select(c => c.Name)));
        }
        if (kind == ImportKind.Engagement && !Enumerable.Range(1, 10).Any(i => present.Contains($"q{i}")))
            return ImportText.NoItemColumn;

        var duplicates = header.GroupBy(h => h.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) return ImportText.Format(ImportText.DuplicateColumns, string.Join(", ", duplicates));

        var unknown = present.Where(h => !schema.Any(c => c.Name.Equals(h, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0) warnings.Add(ImportText.Format(ImportText.UnknownColumns, string.Join(", ", unknown)));
        return null;
    }

    private static RowProcessor CreateProcessor(ImportKind kind, ImportSession session, MasterData masterData,
        IReadOnlySet<int>? allowedTeams, long? bytesTotal) => (kind, session) switch
        {
            // A contact row is about 100 bytes: enough to size the duplicate filter without counting rows first.
            (ImportKind.Contacts, SqliteImportSession sqlite) => new ContactRowProcessor(sqlite, masterData, allowedTeams, (bytesTotal ?? 100_000) / 100),
            (ImportKind.Contacts, PostgresImportSession postgres) => new PostgresContactRowProcessor(postgres, masterData, allowedTeams),
            (ImportKind.SurveyResponses, SqliteImportSession sqlite) => new SurveyResponseRowProcessor(sqlite, masterData, allowedTeams),
            (ImportKind.SurveyResponses, PostgresImportSession postgres) => new PostgresSurveyResponseRowProcessor(postgres, masterData, allowedTeams),
            (ImportKind.Agents, _) => new AgentRowProcessor(session, masterData, allowedTeams),
            (ImportKind.Engagement, _) => new EngagementRowProcessor(session, masterData, allowedTeams),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

    private static ImportResult FileRejected(ImportKind kind, string message) => new()
    {
        Kind = kind,
        Outcome = ImportOutcome.FileRejected,
        FileError = message,
    };
}

/// <summary>A row as <see cref="RowProcessor.Parse"/> read it (perhaps on another thread), with what the import needs of its source.</summary>
internal sealed record ParsedRow(long Line, object Fields, ImportError[]? Errors, string?[]? Raw, long? BytesRead);

/// <summary>Progress over all files of a batch: rows and bytes so far, against the bytes of every file.</summary>
internal sealed class BatchProgress(IProgress<ImportProgress>? progress, long bytesTotal)
{
    private long _rowsBefore, _bytesBefore, _errorsBefore;

    public void Report(long rows, long? bytesRead, long errors) =>
        progress?.Report(new ImportProgress(_rowsBefore + rows, _bytesBefore + (bytesRead ?? 0), bytesTotal, _errorsBefore + errors));

    public void EndFile(long rows, ITabularReader reader, long errors)
    {
        _rowsBefore += rows;
        _bytesBefore += reader.BytesTotal ?? 0;
        _errorsBefore += errors;
        progress?.Report(new ImportProgress(_rowsBefore, _bytesBefore, bytesTotal, _errorsBefore));
    }

    public void Finish() => progress?.Report(new ImportProgress(_rowsBefore, bytesTotal, bytesTotal, _errorsBefore));
}
