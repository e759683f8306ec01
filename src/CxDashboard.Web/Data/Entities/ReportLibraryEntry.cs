namespace CxDashboard.Web.Data.Entities;

public enum ReportKind
{
    /// <summary>The monthly leadership report (PDF), one per calendar month.</summary>
    MonthlyLeadership = 1,
}

/// <summary>
/// A generated report in the library: one per kind and month. Re-generating a month replaces its PDF and this row. The PDF
/// itself is kept in the database (<see cref="ReportLibraryFile"/>), so every instance on the database serves the same
/// report and an instance on another database never serves it.
/// </summary>
public class ReportLibraryEntry
{
    public int Id { get; set; }
    public ReportKind Kind { get; set; }

    /// <summary>The first day of the month the report covers.</summary>
    public DateOnly Month { get; set; }

    public long SizeBytes { get; set; }
    public int PageCount { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Who or what made it: "scheduled job", "re-run by admin@example.com", "command line".</summary>
    public required string CreatedBy { get; set; }

    /// <summary>Time to gather the figures and draw the PDF, for the library page and benchmarks.</summary>
    public int BuildMilliseconds { get; set; }
}

/// <summary>The PDF of a library entry, in a table of its own so listing the library never reads the files.</summary>
public class ReportLibraryFile
{
    public int ReportLibraryEntryId { get; set; }
    public ReportLibraryEntry? Entry { get; set; }
    public required byte[] Content { get; set; }
}
