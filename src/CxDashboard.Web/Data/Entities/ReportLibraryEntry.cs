namespace CxDashboard.Web.Data.Entities;

public enum ReportKind
{
    /// <summary>The monthly leadership report (PDF), one per calendar month.</summary>
    MonthlyLeadership = 1,
}

/// <summary>
/// A generated report in the library: one per kind and month. Re-generating a month replaces its file and this row.
/// The file lives under the reports directory at <see cref="RelativePath"/>, which is always built from the kind and
/// month (never from user input).
/// </summary>
public class ReportLibraryEntry
{
    public int Id { get; set; }
    public ReportKind Kind { get; set; }

    /// <summary>The first day of the month the report covers.</summary>
    public DateOnly Month { get; set; }

    /// <summary>Path under the reports directory, with forward slashes: monthly/cx-report-2026-03.pdf.</summary>
    public required string RelativePath { get; set; }
    public long SizeBytes { get; set; }
    public int PageCount { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Who or what made it: "scheduled job", "re-run by admin@example.com", "command line".</summary>
    public required string CreatedBy { get; set; }

    /// <summary>Time to gather the figures and draw the PDF, for the library page and benchmarks.</summary>
    public int BuildMilliseconds { get; set; }
}
