using static CxDashboard.Reporting.Pdf.Tests.TestDocuments;

namespace CxDashboard.Reporting.Pdf.Tests;

/// <summary>Where wrapping containers put their child, read back from word positions and filled paths.</summary>
public class ContainerTests
{
    [Fact]
    public void Padding_moves_the_child_in_from_each_side()
    {
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().PaddingLeft(30).Text("Vänster");
            col.Item().Padding(0, 20, 0, 0).Text("Nedflyttad");
            col.Item().PaddingHorizontal(40).AlignRight().Text("Höger");
        }));

        Assert.Equal(Margin + 30, pdf.Word(1, "Vänster").Left, tolerance: 0.5);
        Assert.Equal(pdf.Word(1, "Vänster").Baseline + 11.64 + 20, pdf.Word(1, "Nedflyttad").Baseline, tolerance: 0.1);
        Assert.Equal(Margin + ContentWidth - 40, pdf.Word(1, "Höger").Right, tolerance: 0.5);
    }

    [Fact]
    public void Row_gives_fixed_items_their_width_and_shares_the_rest_by_weight()
    {
        using var pdf = Content(c => c.Row(row =>
        {
            row.Spacing(10);
            row.Fixed(100).Text("Fast");
            row.Relative().Text("Ett");
            row.Relative(3).Text("Tre");
        }));

        var shared = ContentWidth - 100 - 2 * 10;
        Assert.Equal(Margin, pdf.Word(1, "Fast").Left, tolerance: 0.5);
        Assert.Equal(Margin + 110, pdf.Word(1, "Ett").Left, tolerance: 0.5);
        Assert.Equal(Margin + 110 + shared / 4 + 10, pdf.Word(1, "Tre").Left, tolerance: 0.5);
    }

    [Fact]
    public void Row_auto_items_take_their_content_width()
    {
        using var pdf = Content(c => c.Row(row =>
        {
            row.Spacing(6);
            row.Auto().Text("Etikett:");
            row.Relative().Text("Värde");
        }));

        var label = pdf.Word(1, "Etikett:");
        Assert.Equal(label.Right + 6, pdf.Word(1, "Värde").Left, tolerance: 0.5);
    }

    [Fact]
    public void Row_items_are_as_tall_as_the_tallest_so_tiles_line_up()
    {
        // Items fill the height the row is given; a column item gives the row its measured height.
        using var pdf = Content(c => c.Column(col => col.Item().Row(row =>
        {
            row.Relative().Background("#FF0000").Text("Kort");
            row.Relative().Background("#00FF00").Text("Lång\ntext\npå\nfyra rader");
        })));

        var red = TableTests.FilledRectangle(pdf, (1, 0, 0));
        var green = TableTests.FilledRectangle(pdf, (0, 1, 0));
        Assert.Equal(4 * 11.64, green.Height, tolerance: 0.1);
        Assert.Equal(green.Height, red.Height, tolerance: 0.1);
    }

    [Fact]
    public void AlignRight_and_AlignBottom_combine_in_a_sized_box()
    {
        using var pdf = Content(c => c.Width(200).Height(100).Background("#0000FF").AlignRight().AlignBottom().Text("Hörn"));

        var box = TableTests.FilledRectangle(pdf, (0, 0, 1));
        Assert.Equal((200.0, 100.0), (box.Width, box.Height));
        var word = pdf.Word(1, "Hörn");
        Assert.Equal(Margin + 200, word.Right, tolerance: 0.5);
        Assert.InRange(word.Baseline, Margin + 100 - 4, Margin + 100);
    }

    [Fact]
    public void AlignCenter_and_AlignMiddle_centre_the_child()
    {
        using var pdf = Content(c => c.Width(200).Height(100).AlignCenter().AlignMiddle().Text("Mitt"));

        var word = pdf.Word(1, "Mitt");
        Assert.Equal(Margin + 100, (word.Left + word.Right) / 2, tolerance: 0.5);
        Assert.Equal(Margin + 50, word.Baseline - 4, tolerance: 2); // baseline sits ~4 pt under the line's middle
    }

    [Fact]
    public void Border_is_drawn_inside_the_edges_without_taking_space()
    {
        using var pdf = Content(c => c.Width(120).Height(60).Border(2, "#FF0000").Text("Ram"));

        var sides = pdf.Pages[0].Paths.Where(path => path.IsFilled && TableTests.IsColour(path.FillColor, (1, 0, 0)))
            .Select(path => path.GetBoundingRectangle()!.Value).ToList();
        Assert.Equal(4, sides.Count);
        Assert.Equal(120, sides.Max(side => side.Right) - sides.Min(side => side.Left), tolerance: 0.01);
        Assert.Equal(60, sides.Max(side => side.Top) - sides.Min(side => side.Bottom), tolerance: 0.01);
        Assert.Equal(Margin, pdf.Word(1, "Ram").Left, tolerance: 0.5); // no padding implied
    }

    [Fact]
    public void ExtendHorizontal_makes_a_background_band_span_the_width()
    {
        using var pdf = Content(c => c.AlignLeft().ExtendHorizontal().Background("#00FF00").Text("Band"));

        var band = TableTests.FilledRectangle(pdf, (0, 1, 0));
        Assert.Equal(ContentWidth, band.Width, tolerance: 0.01);
    }

    [Fact]
    public void MaxWidth_and_MinHeight_limit_the_child()
    {
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().MaxWidth(100).Text(Paragraph(2));
            col.Item().MinHeight(80).Background("#FF0000").Text("Minst 80");
        }));

        Assert.All(pdf.Words(1).Where(word => word.Text != "Minst" && word.Text != "80"), word => Assert.True(word.Right <= Margin + 100.5));
        Assert.Equal(80, TableTests.FilledRectangle(pdf, (1, 0, 0)).Height, tolerance: 0.01);
    }

    [Fact]
    public void DefaultTextStyle_applies_to_the_text_below_it()
    {
        using var pdf = Content(c => c.DefaultTextStyle(style => style.FontSize(14).Bold()).Column(col =>
        {
            col.Item().Text("Ärvd");
            col.Item().Text("Egen").FontSize(8).Bold(false);
        }), page => page.DefaultText(style => style.FontSize(9)));

        Assert.Equal(14, pdf.Word(1, "Ärvd").FontSize, tolerance: 0.01);
        Assert.EndsWith("DejaVuSans-Bold", pdf.Word(1, "Ärvd").FontName);
        Assert.Equal(8, pdf.Word(1, "Egen").FontSize, tolerance: 0.01);
        Assert.EndsWith("DejaVuSans", pdf.Word(1, "Egen").FontName);
    }

    [Fact]
    public void Report_sections_are_plain_methods_taking_a_container()
    {
        static void Section(IContainer container, string title) => container.PaddingBottom(10).Text(title).Bold();
        static IContainer Indented(IContainer container) => container.PaddingLeft(25);

        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().Element(x => Section(x, "Sektion"));
            col.Item().Element(Indented).Text("Indragen");
        }));

        Assert.EndsWith("Bold", pdf.Word(1, "Sektion").FontName);
        Assert.Equal(Margin + 25, pdf.Word(1, "Indragen").Left, tolerance: 0.5);
    }

    [Fact]
    public void Lines_and_colours_from_the_palette_are_drawn()
    {
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().LineHorizontal(2, Colors.Primary);
            col.Item().Height(30).LineVertical(1.5f, "#00FF00");
        }));

        var rule = TableTests.FilledRectangle(pdf, (0x1F / 255.0, 0x4E / 255.0, 0x79 / 255.0));
        Assert.Equal((ContentWidth, 2.0), (Math.Round(rule.Width, 2), Math.Round(rule.Height, 2)));
        var vertical = TableTests.FilledRectangle(pdf, (0, 1, 0));
        Assert.Equal((1.5, 30.0), (Math.Round(vertical.Width, 2), Math.Round(vertical.Height, 2)));
        Assert.Throws<ArgumentException>(() => PdfColor.Parse("inte en färg"));
    }
}
