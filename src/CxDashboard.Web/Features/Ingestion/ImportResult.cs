namespace CxDashboard.Web.Features.Ingestion;

/// <summary>One bad row: the line (or record index for API batches), the column and why.</summary>
public sealed record ImportError(long Line, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"line {Line}: {Message}" : $"line {Line}, column {Column}: {Message}";
}

/// <summary>A problem with the whole file (not UTF-8, binary, missing column, wrong kind, empty).</summary>
public sealed class ImportFileException(string message) : Exception(message);

public sealed record ImportOptions
{
    /// <summary>Write the valid rows even when some rows have errors (they are reported and skipped).</summary>
    public bool ValidRowsOnly { get; init; }

    /// <summary>Validate and count as if importing, then roll everything back: the preview.</summary>
    public bool DryRun { get; init; }

    /// <summary>Reported every few thousand rows, for progress bars.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }

    /// <summary>How many row errors are kept in detail; the rest are only counted.</summary>
    public int MaxErrorsKept { get; init; } = 10_000;

    /// <summary>How many of the first rows to return as read (<see cref="ImportResult.Preview"/>), for a preview page.</summary>
    public int PreviewRows { get; init; }

    /// <summary>
    /// The teams whose rows may be imported (a manager limited to teams); null for all. Rows of other teams, and
    /// rows of no team, are row errors naming the team; no team is created.
    /// </summary>
    public IReadOnlySet<int>? AllowedTeamIds { get; init; }

    /// <summary>Who changes of customers' contact details are recorded as coming from (see <see cref="ChangeSource"/>).</summary>
    public ChangeSource ChangeSource { get; init; } = ChangeSource.Unnamed;
}

/// <summary>
/// Who an import's changes of customers' details come from, as the customer's change history shows them: the person (or
/// system) and how it came in, e.g. ("Anna Admin", "import run 12", 12), ("crm-sync", "API key 'crm-sync' (#3)").
/// </summary>
public sealed record ChangeSource(string ChangedBy, string Source, long? ImportRunId = null)
{
    public static readonly ChangeSource Unnamed = new("CxDashboard", "import");

    public static ChangeSource CommandLine(IEnumerable<string> fileNames) =>
        new("Command line", $"command line import of {string.Join(", ", fileNames)}");

    public static ChangeSource ImportRun(long runId, string userName) => new(userName, $"import run {runId}", runId);

    public static ChangeSource ApiKey(string keyName, string? keyId) => new(keyName, keyId is null ? $"API key '{keyName}'" : $"API key '{keyName}' (#{keyId})");
}

/// <summary>The first rows of a file as read: its header and each row's cells, with the line they came from.</summary>
public sealed record ImportPreview(string Format, IReadOnlyList<string> Header, IReadOnlyList<string> RecognisedColumns,
    IReadOnlyList<ImportPreviewRow> Rows);

public sealed record ImportPreviewRow(long Line, IReadOnlyList<string?> Cells);

public sealed record ImportProgress(long RowsDone, long? BytesRead, long? BytesTotal, long Errors);

public enum ImportOutcome
{
    /// <summary>Everything was written.</summary>
    Imported,

    /// <summary>Some rows had errors; only the valid rows were written (as asked).</summary>
    ImportedValidRows,

    /// <summary>Rows had errors and nothing was written.</summary>
    RejectedWithErrors,

    /// <summary>A file-level problem; nothing was written.</summary>
    FileRejected,

    /// <summary>A preview: validated and counted, nothing written.</summary>
    Previewed,

    /// <summary>This file was fine, but another file imported with it had errors, so nothing was written.</summary>
    BlockedByOtherFile,
}

public sealed record ImportResult
{
    public required ImportKind Kind { get; init; }
    public required ImportOutcome Outcome { get; init; }
    public long Rows { get; init; }
    public long Inserted { get; init; }
    public long Updated { get; init; }
    public long Unchanged { get; init; }
    public long Rejected { get; init; }
    public long ErrorCount { get; init; }
    public IReadOnlyList<ImportError> Errors { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public string? FileError { get; init; }
    /// <summary>The time to read and write the file; for a file imported alone, everything until the commit.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The first rows as read, when <see cref="ImportOptions.PreviewRows"/> asked for them.</summary>
    public ImportPreview? Preview { get; init; }

    /// <summary>
    /// The organisation-local dates whose contacts or responses this import changed (new, updated, or with new
    /// repeat/FCR gaps), for anything kept per day. Filled for the whole batch on a written import.
    /// </summary>
    public IReadOnlyList<DateOnly> ChangedDates { get; init; } = [];

    /// <summary>
    /// The KPI rollups of <see cref="ChangedDates"/> are rebuilt after the commit rather than inside it (a large import,
    /// see <see cref="ImportService.DeferredRollupRows"/>); the dashboard reads those days from the raw rows until then.
    /// </summary>
    public bool RollupsPending { get; init; }

    public bool WroteData => Outcome is ImportOutcome.Imported or ImportOutcome.ImportedValidRows;
    public double RowsPerSecond => Duration.TotalSeconds > 0 ? Rows / Duration.TotalSeconds : 0;
}

/// <summary>One file of a batch: its kind, its content (seekable: a temp file for uploads) and the name users know it by.</summary>
public sealed record ImportBatchFile(ImportKind Kind, Stream Content, string? Name = null);

/// <summary>The files of a batch, imported in one transaction: all written, or none.</summary>
public sealed record ImportBatchResult(IReadOnlyList<ImportResult> Files, TimeSpan Duration)
{
    public bool WroteData => Files.Count > 0 && Files.All(f => f.WroteData);
    public long Rows => Files.Sum(f => f.Rows);
    public long ErrorCount => Files.Sum(f => f.ErrorCount);
    public bool HasFileErrors => Files.Any(f => f.Outcome == ImportOutcome.FileRejected);
}
