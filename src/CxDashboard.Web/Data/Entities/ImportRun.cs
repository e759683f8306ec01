namespace CxDashboard.Web.Data.Entities;

public enum ImportRunStatus
{
    /// <summary>The files are being checked (a dry run), nothing is written.</summary>
    Previewing = 1,

    /// <summary>Checked: waiting for the user to import, import the valid rows, or discard.</summary>
    Previewed = 2,

    /// <summary>Being imported (in one transaction).</summary>
    Importing = 3,

    /// <summary>Every row written.</summary>
    Imported = 4,

    /// <summary>The valid rows written; the rows with errors skipped, as the user chose.</summary>
    ImportedValidRows = 5,

    /// <summary>Errors in the files: nothing written.</summary>
    Rejected = 6,

    /// <summary>The import stopped on an unexpected failure: nothing written.</summary>
    Failed = 7,

    /// <summary>The user discarded the upload after the preview: nothing written.</summary>
    Discarded = 8,
}

/// <summary>An upload of one or more files imported together, from preview to outcome: the import history.</summary>
public class ImportRun
{
    public long Id { get; set; }

    /// <summary>The folder of the uploaded files: random, so instances and databases sharing a disk never collide.</summary>
    public string UploadKey { get; set; } = Guid.NewGuid().ToString("N");

    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public ImportRunStatus Status { get; set; }
    public bool ValidRowsOnly { get; set; }

    /// <summary>Null for all teams; otherwise the teams the importing manager was limited to (comma-separated ids).</summary>
    public string? AllowedTeamIds { get; set; }

    /// <summary>Why it failed, or a note on the outcome.</summary>
    public string? Message { get; set; }

    public List<ImportRunFile> Files { get; set; } = [];

    public TimeSpan? Duration => StartedAtUtc is { } start && FinishedAtUtc is { } end ? end - start : null;
    public bool IsRunning => Status is ImportRunStatus.Previewing or ImportRunStatus.Importing;
}

/// <summary>One file of an import run, with its counts from the preview and, once imported, from the import.</summary>
public class ImportRunFile
{
    public long Id { get; set; }
    public long ImportRunId { get; set; }
    public required string FileName { get; set; }
    public required string Kind { get; set; }
    public long SizeBytes { get; set; }
    public long Rows { get; set; }
    public long Inserted { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    public long Rejected { get; set; }
    public long ErrorCount { get; set; }
    public string? FileError { get; set; }

    /// <summary>The rows an import skipped (valid rows only) or refused, kept for the history; the first Imports:MaxErrorsListed.</summary>
    public List<ImportRunError> Errors { get; set; } = [];
}

/// <summary>One problem with one row of an imported file: the line, the column (if one) and why.</summary>
public class ImportRunError
{
    public long Id { get; set; }
    public long ImportRunFileId { get; set; }
    public long Line { get; set; }
    public string? Column { get; set; }
    public required string Message { get; set; }
}

/// <summary>
/// How far a running check or import is, as the instance running it last reported (PostgreSQL: every instance reads it,
/// so the progress bar works behind a load balancer). Deleted when the run ends.
/// </summary>
public class ImportRunProgress
{
    public long ImportRunId { get; set; }
    public long RowsDone { get; set; }
    public long? RowsTotal { get; set; }
    public long BytesRead { get; set; }
    public long BytesTotal { get; set; }
    public long Errors { get; set; }
    public double Seconds { get; set; }

    /// <summary>The app instance (machine and process) running the step.</summary>
    public required string Instance { get; set; }
}
