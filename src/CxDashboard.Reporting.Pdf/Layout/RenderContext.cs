using CxDashboard.Reporting.Pdf.Text;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Layout;

/// <summary>What every element may need while measuring and drawing one page of one pass.</summary>
internal sealed class RenderContext(FontSet fonts, int? totalPages, bool isLayoutPass)
{
    /// <summary>The canvas of the current page; its origin is moved to each element's top-left before drawing it.</summary>
    public SKCanvas Canvas { get; set; } = null!;

    public FontSet Fonts { get; } = fonts;

    /// <summary>True while counting pages on a canvas that draws nothing: expensive drawing (charts) is skipped.</summary>
    public bool IsLayoutPass { get; } = isLayoutPass;

    public int PageNumber { get; set; }

    /// <summary>Known from the previous pass; null in the first pass.</summary>
    public int? TotalPages { get; } = totalPages;

    /// <summary>Set when some text printed the page count, so the renderer knows it needs a settled count.</summary>
    public bool PageCountWasUsed { get; set; }

    /// <summary>
    /// Set when nothing at all fitted on an empty page. Elements that prefer to move whole to the next page
    /// (KeepTogether, full-width images) then place what they can instead, so the document can progress.
    /// </summary>
    public bool ForcePlacement { get; set; }

    /// <summary>Counts state changes made by Draw; a page that draws without progress would repeat forever.</summary>
    public int Progress { get; private set; }

    /// <summary>Characters drawn per font face, so the final pass can embed font subsets holding just those.</summary>
    public IReadOnlyList<HashSet<int>> UsedCodePoints { get; } = [[], [], [], []];

    public void ReportProgress() => Progress++;
}
