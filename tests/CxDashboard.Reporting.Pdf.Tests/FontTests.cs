using UglyToad.PdfPig.Tokens;
using static CxDashboard.Reporting.Pdf.Tests.TestDocuments;

namespace CxDashboard.Reporting.Pdf.Tests;

public class FontTests
{
    private const string SwedishLine = "Kundnöjdhet – åäö ÅÄÖ ▲ 4 ▼ 2 ≥ 95 % é ü";

    [Fact]
    public void Swedish_text_and_symbols_are_extractable_exactly()
    {
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().Text(SwedishLine);
            col.Item().Text(SwedishLine).Bold();
        }));

        var lines = pdf.Lines(1).Select(line => string.Join(" ", line.Select(word => word.Text))).ToList();
        Assert.Equal([SwedishLine, SwedishLine], lines);
        Assert.Contains(SwedishLine, pdf.Pages[0].Text);
    }

    [Fact]
    public void Every_font_is_embedded_as_a_DejaVu_subset()
    {
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().Text(SwedishLine);
            col.Item().Text("Fet").Bold();
            col.Item().Text("Kursiv").Italic();
            col.Item().Text("Fet kursiv").Bold().Italic();
            col.Item().Height(150).Chart(plot => plot.Title("Diagram"));
        }));

        var descriptors = FontDescriptors(pdf).ToList();
        Assert.True(descriptors.Count >= 5, $"expected a font per face plus the chart font, found {descriptors.Count}");
        foreach (var descriptor in descriptors)
        {
            var name = ((NameToken)descriptor.Data["FontName"]).Data;
            Assert.Matches("^[A-Z]{6}\\+DejaVuSans", name);
            Assert.True(descriptor.Data.ContainsKey("FontFile2"), $"{name} is not embedded");

            // A subset, not the 600-750 kB font file.
            var program = (StreamToken)pdf.Document.Structure.GetObject(((IndirectReferenceToken)descriptor.Data["FontFile2"]).Data).Data;
            var length = ((NumericToken)program.StreamDictionary.Data["Length1"]).Int;
            Assert.True(length < 60_000, $"{name} embeds {length} bytes: not a subset");
        }

        var fontNames = descriptors.Select(descriptor => ((NameToken)descriptor.Data["FontName"]).Data[7..]).ToHashSet();
        Assert.Superset(new HashSet<string> { "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique" }, fontNames);
    }

    [Fact]
    public void Text_is_drawn_with_the_bundled_fonts_not_the_hosts()
    {
        using var pdf = Content(c => c.Text("Värd"));

        Assert.Equal("DejaVuSans", pdf.Word(1, "Värd").FontName[7..]);
        Assert.Equal(10, pdf.Word(1, "Värd").FontSize, tolerance: 0.01);
    }

    private static IEnumerable<DictionaryToken> FontDescriptors(PdfReader pdf)
    {
        foreach (var reference in pdf.Document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            if (pdf.Document.Structure.GetObject(reference).Data is DictionaryToken dictionary
                && dictionary.Data.TryGetValue("Type", out var type) && type is NameToken { Data: "FontDescriptor" })
                yield return dictionary;
        }
    }
}
