namespace CxDashboard.Reporting.Pdf;

/// <summary>
/// The content cannot be laid out: an element needs more room than an empty page offers, or the layout stops
/// making progress. The message names the element and its path from the page (e.g.
/// <c>Content &gt; Column &gt; item 3 &gt; Height(2000)</c>).
/// </summary>
public sealed class PdfLayoutException : Exception
{
    public PdfLayoutException(string message)
        : base(message)
    {
    }

    public PdfLayoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Where in the document the problem is, from the page down to the element; null when not one element.</summary>
    public string? ElementPath { get; init; }

    /// <summary>The page being laid out when the problem was found.</summary>
    public int? PageNumber { get; init; }
}
