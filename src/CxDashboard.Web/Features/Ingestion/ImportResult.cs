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
}

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
    public TimeSpan Duration { get; init; }

    public bool WroteData => Outcome is ImportOutcome.Imported or ImportOutcome.ImportedValidRows;
    public double RowsPerSecond => Duration.TotalSeconds > 0 ? Rows / Duration.TotalSeconds : 0;
}
