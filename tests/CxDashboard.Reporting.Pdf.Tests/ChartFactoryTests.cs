using ScottPlot;
using static CxDashboard.Reporting.Pdf.Tests.TestDocuments;

namespace CxDashboard.Reporting.Pdf.Tests;

/// <summary>Charts from plot factories (builders shared with web pages), and their fonts whatever ScottPlot's global defaults.</summary>
public class ChartFactoryTests
{
    private static Plot TrendWithLegendAndTarget()
    {
        var plot = new Plot();
        plot.Title("Kundnöjdhet");
        var line = plot.Add.Scatter(new double[] { 0, 1, 2, 3 }, new double[] { 81, 84, 83, 87 });
        line.LegendText = "CSAT %";
        var target = plot.Add.HorizontalLine(80);
        target.LegendText = "Mål";
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    [Fact]
    public void A_chart_from_a_factory_is_made_once_for_the_drawing_and_keeps_its_legend_as_text()
    {
        var made = 0;
        using var pdf = Content(c => c.Height(240).Chart(() =>
        {
            made++;
            return TrendWithLegendAndTarget();
        }));

        Assert.Equal(1, made);
        var words = pdf.Words(1).Select(word => word.Text).ToList();
        Assert.Contains("Kundnöjdhet", words);
        Assert.Contains("Mål", words);
        Assert.Contains("CSAT", words);
        Assert.Empty(pdf.Pages[0].GetImages());
    }

    [Fact]
    public void Chart_labels_use_the_bundled_subsets_even_after_a_web_chart_changed_ScottPlots_default_font()
    {
        var (defaultName, defaultFace) = (Fonts.Default, Fonts.DefaultFontStyle);
        try
        {
            // What the web app's charts do: Font.Set also changes the global default name and typeface, so labels
            // made afterwards (legend items, a radar's spokes, line labels) hold the host's whole DejaVu typeface.
            using (var web = new Plot()) web.Font.Set("DejaVu Sans");

            var bytes = Document.Create(doc => doc.Page(page =>
            {
                page.Size(PageSizes.A4).Margin(Margin);
                page.Content().Column(col =>
                {
                    col.Item().Height(220).Chart(TrendWithLegendAndTarget);
                    col.Item().Height(260).Chart(() =>
                    {
                        var plot = new Plot();
                        var radar = plot.Add.Radar();
                        radar.PolarAxis.SetSpokes(["Strategi", "Insikt", "Ledarskap"], 5);
                        radar.Series.Add(new RadarSeries { Values = [2, 3, 4], LegendText = "Höst 2026" });
                        plot.ShowLegend(Alignment.LowerRight);
                        return plot;
                    });
                });
            })).GeneratePdf();

            using var pdf = PdfReader.Read(bytes);
            var words = pdf.Words(1);
            foreach (var label in new[] { "Mål", "Strategi", "Ledarskap", "Höst" })
                Assert.EndsWith("+DejaVuSans", Assert.Single(words, word => word.Text == label).FontName);
            // A whole DejaVu Sans is about 750 kB; subsets keep the page small.
            Assert.True(bytes.Length < 150_000, $"{bytes.Length:N0} bytes: a whole font was embedded");
        }
        finally
        {
            Fonts.Default = defaultName;
            Fonts.DefaultFontStyle = defaultFace;
        }
    }

    [Fact]
    public void Generating_to_a_stream_returns_the_page_count()
    {
        using var stream = new MemoryStream();
        var pages = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A5).Margin(30);
            page.Content().Text(Paragraph(400));
        })).GeneratePdf(stream);

        using var pdf = PdfReader.Read(stream.ToArray());
        Assert.True(pages > 2);
        Assert.Equal(pdf.Pages.Count, pages);
    }
}
