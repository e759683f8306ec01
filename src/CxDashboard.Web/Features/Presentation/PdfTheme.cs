using CxDashboard.Reporting.Pdf;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Presentation;

/// <summary>
/// The one look of every PDF the product writes (the monthly report, coaching packs): page size and margins, the
/// running header and footer, headings, tables and the status colours. A document composes its content; the frame and
/// the styles come from here, so two documents never drift apart.
/// </summary>
public static class PdfTheme
{
    public const float Margin = 36;
    public const float MarginTop = 28;
    public const float BodySize = 9;
    public const float SmallSize = 7.5f;
    public const float FootSize = 7;

    /// <summary>The status colours: the bar or mark, and a darker amber for words so they stay readable.</summary>
    public static PdfColor StatusColor(TargetStatus status) => status switch
    {
        TargetStatus.Green => Colors.Positive,
        TargetStatus.Amber => Colors.Warning,
        TargetStatus.Red => Colors.Negative,
        _ => Colors.Grey500,
    };

    public const string AmberText = "#8A5A00";

    public static PdfColor StatusTextColor(TargetStatus status) => status switch
    {
        TargetStatus.Amber => AmberText,
        TargetStatus.None => Colors.Grey900,
        _ => StatusColor(status),
    };

    /// <summary>A4, the theme's margins and body text.</summary>
    public static void Page(PageDescriptor page) =>
        page.Size(PageSizes.A4).Margin(Margin).MarginTop(MarginTop).DefaultText(t => t.FontSize(BodySize).FontColor(Colors.Grey900));

    /// <summary>The document's title on the left and who it is for (organisation, team) on the right, above a hairline.</summary>
    public static void RunningHeader(IContainer container, string title, string right) =>
        container.PaddingBottom(8).BorderBottom(0.5f, Colors.Grey300).PaddingBottom(3).Row(row =>
        {
            row.Relative().Text(title).FontSize(SmallSize).FontColor(Colors.Grey700);
            row.Auto().AlignRight().Text(right).FontSize(SmallSize).FontColor(Colors.Grey700);
        });

    /// <summary>What made the document on the left; "Sida 2 av 4" on the right, from a whole phrase with {0} and {1}.</summary>
    public static void Footer(IContainer container, string generated, string pageOfPages) =>
        container.PaddingTop(6).Row(row =>
        {
            row.Relative().Text(generated).FontSize(FootSize).FontColor(Colors.Grey600);
            row.Auto().AlignRight().Text(t =>
            {
                t.DefaultTextStyle(s => s.FontSize(FootSize).FontColor(Colors.Grey600));
                var first = pageOfPages.IndexOf("{0}", StringComparison.Ordinal);
                var second = pageOfPages.IndexOf("{1}", StringComparison.Ordinal);
                t.Span(pageOfPages[..first]);
                t.PageNumber();
                t.Span(pageOfPages[(first + 3)..second]);
                t.PageCount();
                t.Span(pageOfPages[(second + 3)..]);
            });
        });

    /// <summary>The document's title on its first page.</summary>
    public static void Title(IContainer container, string title) =>
        container.Text(title).FontSize(20).Bold().FontColor(Colors.Primary);

    /// <summary>A section heading; it never ends a page on its own.</summary>
    public static void Heading(IContainer container, string text) =>
        container.KeepWithNext().Text(text).FontSize(12).Bold().FontColor(Colors.Primary);

    /// <summary>A heading inside a section.</summary>
    public static void Subheading(IContainer container, string text) =>
        container.KeepWithNext().Text(text).FontSize(10).Bold().FontColor(Colors.Primary);

    /// <summary>Vertical padding of a dense table's cells (a page that must hold a whole section), against 3 points.</summary>
    private const float DensePadding = 1.5f;

    /// <summary>A table's header cell: tinted, bold, small; <paramref name="dense"/> for tables on a page that must hold a whole section.</summary>
    public static void HeaderCell(IContainer cell, string text, bool numeric = false, bool dense = false)
    {
        var padded = cell.Background(Colors.PrimaryLight).PaddingHorizontal(3).PaddingVertical(dense ? DensePadding : 3);
        (numeric ? padded.AlignRight() : padded).Text(text).FontSize(SmallSize).Bold();
    }

    /// <summary>A table's body cell: a hairline below, numbers right-aligned, a total row tinted and bold, a status in its colour.</summary>
    public static void Cell(IContainer cell, string text, bool numeric = false, bool total = false, bool bold = false, TargetStatus status = TargetStatus.None,
        bool dense = false)
    {
        var lined = cell.BorderBottom(0.5f, Colors.Grey300);
        if (total) lined = lined.Background(Colors.Grey100);
        var padded = lined.PaddingHorizontal(3).PaddingVertical(dense ? DensePadding : 3);
        var block = (numeric ? padded.AlignRight() : padded).Text(text).FontSize(8).FontColor(StatusTextColor(status));
        if (total || bold) block.Bold();
    }
}
