using static CxDashboard.Reporting.Pdf.Tests.TestDocuments;

namespace CxDashboard.Reporting.Pdf.Tests;

public class TableTests
{
    private static void QueueTable(IContainer container, int rows, Func<int, string>? firstCell = null) =>
        container.Table(table =>
        {
            table.ColumnsDefinition(columns =>
            {
                columns.Relative(2);
                columns.Relative();
                columns.Fixed(90);
            });
            table.Header(header =>
            {
                header.Cell().Padding(3).Text("Kö").Bold();
                header.Cell().Padding(3).Text("Ärenden").Bold();
                header.Cell().Padding(3).Text("Snittid").Bold();
            });
            for (var row = 1; row <= rows; row++)
            {
                table.Cell().BorderBottom(0.5f, Colors.Grey300).Padding(3).Text(firstCell?.Invoke(row) ?? $"R{row}-A");
                table.Cell().BorderBottom(0.5f, Colors.Grey300).Padding(3).Text($"R{row}-B");
                table.Cell().BorderBottom(0.5f, Colors.Grey300).Padding(3).AlignRight().Text($"R{row}-C");
            }
        });

    [Fact]
    public void A_long_table_paginates_repeating_its_header_and_never_splitting_a_row()
    {
        using var pdf = Content(c => QueueTable(c, rows: 150));

        Assert.True(pdf.Pages.Count >= 3, $"150 rows should need 3+ pages, got {pdf.Pages.Count}");

        for (var page = 1; page <= pdf.Pages.Count; page++)
        {
            // The header is on every page, above every body row of that page.
            var headerBaseline = pdf.Word(page, "Ärenden").Baseline;
            Assert.Single(pdf.Words(page), word => word.Text == "Kö");
            Assert.All(pdf.Words(page).Where(word => word.Text.StartsWith('R')), word => Assert.True(word.Baseline > headerBaseline));
        }

        var rowPages = new List<int>();
        for (var row = 1; row <= 150; row++)
        {
            // Each cell of a row exactly once in the document, all on one page and one line.
            var page = Assert.Single(pdf.PagesContaining($"R{row}-A"));
            Assert.Equal([page], pdf.PagesContaining($"R{row}-B"));
            Assert.Equal([page], pdf.PagesContaining($"R{row}-C"));
            var baselines = new[] { "A", "B", "C" }.Select(cell => pdf.Word(page, $"R{row}-{cell}").Baseline);
            Assert.Single(baselines.Select(baseline => Math.Round(baseline, 1)).Distinct());
            rowPages.Add(page);
        }

        Assert.Equal(rowPages.Order(), rowPages);
    }

    [Fact]
    public void A_tall_row_that_does_not_fit_moves_whole_to_the_next_page()
    {
        // Every fifth row has a five-line first cell; rows must still never straddle a page break.
        static string FirstCell(int row) => row % 5 == 0 ? $"R{row}-A\nrad2-{row}\nrad3-{row}\nrad4-{row}\nslut-{row}" : $"R{row}-A";
        using var pdf = Content(c => QueueTable(c, rows: 120, FirstCell));

        Assert.True(pdf.Pages.Count >= 3);
        for (var row = 5; row <= 120; row += 5)
        {
            var page = Assert.Single(pdf.PagesContaining($"R{row}-A"));
            Assert.Equal([page], pdf.PagesWithWord($"slut-{row}"));
            Assert.Equal([page], pdf.PagesContaining($"R{row}-C"));
        }

        // The bottom of each page is used: the last row of page 1 ends near the bottom margin.
        var lastBaseline = pdf.Words(1).Max(word => word.Baseline);
        Assert.InRange(lastBaseline, Margin + ContentHeight - 80, Margin + ContentHeight);
    }

    [Fact]
    public void Fixed_and_relative_columns_share_the_width()
    {
        using var pdf = Content(c => QueueTable(c, rows: 1));

        // Relative 2:1 of (width - 90), then a fixed 90 pt column; cells are padded by 3 pt.
        var relativeWidth = ContentWidth - 90;
        Assert.Equal(Margin + 3, pdf.Word(1, "R1-A").Left, tolerance: 0.5);
        Assert.Equal(Margin + relativeWidth * 2 / 3 + 3, pdf.Word(1, "R1-B").Left, tolerance: 0.5);
        Assert.Equal(Margin + ContentWidth - 3, pdf.Word(1, "R1-C").Right, tolerance: 0.5);
    }

    [Fact]
    public void A_cell_can_span_columns()
    {
        using var pdf = Content(c => c.Table(table =>
        {
            table.ColumnsDefinition(columns =>
            {
                columns.Fixed(100);
                columns.Fixed(100);
                columns.Fixed(100);
            });
            table.Cell().ColumnSpan(2).Text("Sammanslagen cell, bredare");
            table.Cell().Text("Tredje");
            table.Cell().Text("Nästa");
        }));

        var lines = pdf.Lines(1);
        Assert.Equal(2, lines.Count);
        Assert.True(lines[0].Max(word => word.Right) > Margin + 150, "the spanning text should run past the first column");
        Assert.Equal(Margin + 200, pdf.Word(1, "Tredje").Left, tolerance: 0.5);
        Assert.Equal(Margin, pdf.Word(1, "Nästa").Left, tolerance: 0.5);
    }

    [Fact]
    public void Cells_fill_the_full_row_height_so_backgrounds_line_up()
    {
        using var pdf = Content(c => c.Table(table =>
        {
            table.ColumnsDefinition(columns =>
            {
                columns.Relative();
                columns.Relative();
            });
            table.Cell().Background("#FF0000").Text("kort");
            table.Cell().Background("#00FF00").Text("en\ntvå\ntre");
        }));

        var red = FilledRectangle(pdf, (1, 0, 0));
        var green = FilledRectangle(pdf, (0, 1, 0));
        Assert.Equal(green.Height, red.Height, tolerance: 0.1);
        Assert.True(red.Height > 30, $"the short cell's background should span the three-line row, was {red.Height:0.#} pt");
    }

    /// <summary>The one filled path of this colour on the page (PDF colours are written to about 4 decimals).</summary>
    internal static UglyToad.PdfPig.Core.PdfRectangle FilledRectangle(PdfReader pdf, (double R, double G, double B) colour, int page = 1) =>
        Assert.Single(pdf.Pages[page - 1].Paths, path => path.IsFilled && IsColour(path.FillColor, colour)).GetBoundingRectangle()!.Value;

    internal static bool IsColour(UglyToad.PdfPig.Graphics.Colors.IColor? actual, (double R, double G, double B) expected) =>
        actual?.ToRGBValues() is var (r, g, b)
        && Math.Abs(r - expected.R) < 0.005 && Math.Abs(g - expected.G) < 0.005 && Math.Abs(b - expected.B) < 0.005;
}
