using System.Diagnostics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Ingestion.Files;
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
    ILogger<ImportService> logger)
{
    private const int ProgressEvery = 5000;

    /// <summary>Imports a CSV or XLSX file. The stream must be seekable (buffer uploads to a temp file).</summary>
    public async Task<ImportResult> ImportFileAsync(ImportKind kind, Stream stream, ImportOptions options, CancellationToken ct = default)
    {
        ITabularReader reader;
        try
        {
            reader = OpenFile(stream);
        }
        catch (ImportFileException e)
        {
            return FileRejected(kind, e.Message);
        }
        using (reader) return await ImportAsync(kind, reader, options, ct);
    }

    public static ITabularReader OpenFile(Stream stream) => FileSniffer.Detect(stream) switch
    {
        FileFormat.Xlsx => throw new ImportFileException("XLSX files are not supported yet: save the sheet as \"CSV UTF-8\" and import that."),
        _ => new CsvTabularReader(stream),
    };

    public async Task<ImportResult> ImportAsync(ImportKind kind, ITabularReader reader, ImportOptions options, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var schema = ImportSchemas.For(kind);
        var warnings = new List<string>();
        if (CheckHeader(kind, reader.Header, warnings) is { } headerError) return FileRejected(kind, headerError);

        var time = await organisation.GetTimeAsync(ct);
        await using var session = await ImportSession.BeginAsync(db.Database.GetDbConnection(), ct);
        var masterData = MasterData.Load(session);
        var processor = CreateProcessor(kind, session, masterData, time);
        var row = new RowReader(reader, schema, time);

        long rows = 0, inserted = 0, updated = 0, unchanged = 0, rejected = 0, errorCount = 0;
        var errors = new List<ImportError>();
        try
        {
            while (reader.Read())
            {
                rows++;
                ct.ThrowIfCancellationRequested();
                row.StartRow();
                switch (processor.Process(row))
                {
                    case RowOutcome.Inserted: inserted++; break;
                    case RowOutcome.Updated: updated++; break;
                    case RowOutcome.Unchanged: unchanged++; break;
                    case RowOutcome.Rejected: rejected++; break;
                }
                errorCount += row.Errors.Count;
                foreach (var error in row.Errors)
                    if (errors.Count < options.MaxErrorsKept) errors.Add(error);
                if (rows % ProgressEvery == 0)
                    options.Progress?.Report(new ImportProgress(rows, reader.BytesRead, reader.BytesTotal, errorCount));
            }
        }
        catch (ImportFileException e)
        {
            return FileRejected(kind, e.Message);
        }

        if (rows == 0) return FileRejected(kind, "The file has a header row but no data rows.");

        var (deferredInserted, deferredUpdated, deferredUnchanged) = processor.Complete();
        inserted += deferredInserted;
        updated += deferredUpdated;
        unchanged += deferredUnchanged;
        warnings.AddRange(processor.Warnings());

        var hasErrors = errorCount > 0;
        var outcome = options.DryRun ? ImportOutcome.Previewed
            : !hasErrors ? ImportOutcome.Imported
            : options.ValidRowsOnly && rows > rejected ? ImportOutcome.ImportedValidRows
            : ImportOutcome.RejectedWithErrors;

        if (outcome is ImportOutcome.Imported or ImportOutcome.ImportedValidRows)
        {
            TimelineRefresher.Refresh(session, ct);
            await session.Transaction.CommitAsync(ct);
        }
        else
        {
            await session.Transaction.RollbackAsync(ct);
        }
        options.Progress?.Report(new ImportProgress(rows, reader.BytesTotal, reader.BytesTotal, errorCount));

        var result = new ImportResult
        {
            Kind = kind,
            Outcome = outcome,
            Rows = rows,
            Inserted = inserted,
            Updated = updated,
            Unchanged = unchanged,
            Rejected = rejected,
            ErrorCount = errorCount,
            Errors = errors,
            Warnings = warnings,
            Duration = stopwatch.Elapsed,
        };
        logger.LogInformation("Import of {Kind}: {Outcome}, {Rows} rows ({Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected) in {Seconds:0.0} s",
            kind.Code(), outcome, rows, inserted, updated, unchanged, rejected, stopwatch.Elapsed.TotalSeconds);

        if (result.WroteData)
        {
            foreach (var listener in listeners) await listener.OnImportedAsync(result, ct);
        }
        return result;
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
                return $"This looks like a {other.DisplayName()} file, not {kind.DisplayName()}: the {kind.DisplayName()} column(s) {string.Join(", ", missing)} are missing. Choose \"{other.Code()}\" or another file.";
            return $"Required column(s) missing: {string.Join(", ", missing)}. A {kind.DisplayName()} file needs: {string.Join(", ", schema.Where(c => c.Required).Select(c => c.Name))}.";
        }
        if (kind == ImportKind.Engagement && !Enumerable.Range(1, 10).Any(i => present.Contains($"q{i}")))
            return "An engagement file needs at least one item column, q1 to q10.";

        var duplicates = header.GroupBy(h => h.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) return $"Column(s) appear more than once in the header: {string.Join(", ", duplicates)}.";

        var unknown = present.Where(h => !schema.Any(c => c.Name.Equals(h, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0) warnings.Add($"Unknown column(s) ignored: {string.Join(", ", unknown)}.");
        return null;
    }

    private static RowProcessor CreateProcessor(ImportKind kind, ImportSession session, MasterData masterData, OrganisationTime time) => kind switch
    {
        ImportKind.Contacts => new ContactRowProcessor(session, masterData, time),
        ImportKind.SurveyResponses => new SurveyResponseRowProcessor(session, masterData),
        ImportKind.Agents => new AgentRowProcessor(session, masterData),
        ImportKind.Engagement => new EngagementRowProcessor(session, masterData),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static ImportResult FileRejected(ImportKind kind, string message) => new()
    {
        Kind = kind,
        Outcome = ImportOutcome.FileRejected,
        FileError = message,
    };
}
