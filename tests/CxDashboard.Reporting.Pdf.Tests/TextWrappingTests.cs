using static CxDashboard.Reporting.Pdf.Tests.TestDocuments;

namespace CxDashboard.Reporting.Pdf.Tests;

public class TextWrappingTests
{
    private const double Tolerance = 0.5;

    [Fact]
    public void A_long_paragraph_in_a_narrow_column_wraps_into_lines_within_the_width()
    {
        const float width = 150;
        var paragraph = Paragraph(8);
        using var pdf = Content(c => c.Width(width).Text(paragraph));

        var lines = pdf.Lines(1);
        Assert.True(lines.Count >= 8, $"expected many lines in a {width} pt column, got {lines.Count}");
        foreach (var word in lines.SelectMany(line => line))
        {
            Assert.InRange(word.Left, Margin - Tolerance, Margin + width);
            Assert.InRange(word.Right, Margin, Margin + width + Tolerance);
        }

        // Reading the lines top to bottom gives back the paragraph, word for word.
        Assert.Equal(paragraph.Split(' '), lines.SelectMany(line => line).Select(word => word.Text));

        // Greedy breaking: no line could have taken the next line's first word (a space is at least 3 pt at 10 pt).
        for (var index = 0; index < lines.Count - 1; index++)
        {
            var lineWidth = lines[index][^1].Right - lines[index][0].Left;
            var nextWord = lines[index + 1][0];
            Assert.True(lineWidth + 3 + (nextWord.Right - nextWord.Left) > width,
                $"line {index + 1} ('{string.Join(" ", lines[index].Select(word => word.Text))}') had room for '{nextWord.Text}'");
        }
    }

    [Fact]
    public void Lines_are_stacked_at_the_fonts_line_spacing_and_LineHeight_changes_it()
    {
        using var natural = Content(c => c.Width(120).Text(Paragraph(3)));
        using var doubled = Content(c => c.Width(120).Text(Paragraph(3)).LineHeight(2));

        static double Gap(PdfReader pdf) => pdf.Lines(1)[1][0].Baseline - pdf.Lines(1)[0][0].Baseline;

        // DejaVu Sans: ascent + descent = 1.164 em.
        Assert.Equal(11.64, Gap(natural), tolerance: 0.1);
        Assert.Equal(20, Gap(doubled), tolerance: 0.1);
    }

    [Fact]
    public void A_word_longer_than_the_line_is_broken_between_characters()
    {
        const string word = "Kundupplevelseförbättringsprogrammet";
        const float width = 60;
        using var pdf = Content(c => c.Width(width).Text(word));

        var lines = pdf.Lines(1);
        Assert.True(lines.Count >= 3, $"expected the word to be split over several lines, got {lines.Count}");
        Assert.All(lines, line => Assert.InRange(Assert.Single(line).Right, Margin, Margin + width + Tolerance));
        Assert.Equal(word, string.Concat(lines.Select(line => line[0].Text)));
    }

    [Fact]
    public void Newlines_and_Line_spans_start_new_lines()
    {
        using var pdf = Content(c => c.Text(t =>
        {
            t.Line("Första raden");
            t.Span("Andra raden\nTredje raden");
        }));

        var lines = pdf.Lines(1).Select(line => string.Join(" ", line.Select(word => word.Text))).ToList();
        Assert.Equal(["Första raden", "Andra raden", "Tredje raden"], lines);
    }

    [Fact]
    public void Non_breaking_spaces_keep_a_formatted_number_on_one_line()
    {
        // Swedish formatting groups thousands with a no-break space; the break must fall before the number.
        var number = 1234567.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));
        Assert.Contains('\u00A0', number);
        using var pdf = Content(c => c.Width(70).Text($"Totalt {number} samtal"));

        var digitBaselines = pdf.Pages[0].Letters.Where(letter => char.IsDigit(letter.Value[0])).Select(letter => letter.StartBaseLine.Y).Distinct();
        Assert.Single(digitBaselines);
    }

    [Fact]
    public void Spans_keep_their_own_style_on_a_shared_line()
    {
        using var pdf = Content(c => c.Text(t =>
        {
            t.Span("Vanlig ");
            t.Span("fet").Bold();
            t.Span(" kursiv").Italic();
            t.Span(" stor").FontSize(20).FontColor(Colors.Negative);
        }));

        var words = pdf.Words(1);
        Assert.Single(words.Select(word => Math.Round(word.Baseline, 1)).Distinct());
        Assert.EndsWith("DejaVuSans", pdf.Word(1, "Vanlig").FontName);
        Assert.EndsWith("DejaVuSans-Bold", pdf.Word(1, "fet").FontName);
        Assert.EndsWith("DejaVuSans-Oblique", pdf.Word(1, "kursiv").FontName);
        Assert.Equal(20, pdf.Word(1, "stor").FontSize, tolerance: 0.1);
        var letter = pdf.Pages[0].Letters.First(l => l.Value == "s" && l.PointSize > 15);
        Assert.Equal((0.776, 0.157, 0.157), RoundedRgb(letter.Color.ToRGBValues()));
    }

    [Fact]
    public void Text_alignment_places_lines_left_centred_or_right()
    {
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().Text("Vänster");
            col.Item().Text("Mitten").AlignCenter();
            col.Item().Text("Höger").AlignRight();
        }));

        var centre = pdf.Word(1, "Mitten");
        Assert.Equal(Margin, pdf.Word(1, "Vänster").Left, tolerance: 0.5);
        Assert.Equal(Margin + ContentWidth / 2, (centre.Left + centre.Right) / 2, tolerance: 0.5);
        Assert.Equal(Margin + ContentWidth, pdf.Word(1, "Höger").Right, tolerance: 0.5);
    }

    [Fact]
    public void A_paragraph_longer_than_a_page_continues_on_the_next_page_without_losing_a_word()
    {
        var paragraph = Paragraph(400);
        using var pdf = Content(c => c.Text(paragraph));

        Assert.True(pdf.Pages.Count >= 2);
        var words = Enumerable.Range(1, pdf.Pages.Count).SelectMany(page => pdf.Lines(page).SelectMany(line => line)).Select(word => word.Text);
        Assert.Equal(paragraph.Split(' '), words);

        // The first page is filled down to the bottom margin before continuing.
        var lastBaseline = pdf.Lines(1)[^1][0].Baseline;
        Assert.InRange(lastBaseline, Margin + ContentHeight - 15, Margin + ContentHeight);
    }

    private static (double, double, double) RoundedRgb((double R, double G, double B) rgb) =>
        (Math.Round(rgb.R, 3), Math.Round(rgb.G, 3), Math.Round(rgb.B, 3));
}
