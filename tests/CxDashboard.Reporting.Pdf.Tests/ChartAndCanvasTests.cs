using ScottPlot;
using SkiaSharp;
using static CxDashboard.Reporting.Pdf.Tests.TestDocuments;

namespace CxDashboard.Reporting.Pdf.Tests;

public class ChartAndCanvasTests
{
    private static void CsatChart(Plot plot)
    {
        plot.Add.Scatter(new double[] { 1, 2, 3, 4 }, new double[] { 81, 84, 83, 87 });
        plot.Title("Kundnöjdhet");
        plot.XLabel("Månad");
        plot.YLabel("Andel nöjda");
    }

    [Fact]
    public void A_chart_is_drawn_as_vectors_with_its_labels_as_text()
    {
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().Text("Före diagrammet");
            col.Item().Height(250).Chart(CsatChart);
            col.Item().Text("Efter diagrammet");
        }));

        var words = pdf.Words(1).Select(word => word.Text).ToList();
        Assert.Contains("Kundnöjdhet", words);
        Assert.Contains("Månad", words);
        Assert.Contains("Andel nöjda", pdf.Pages[0].Text); // the rotated y label: PdfPig sees letters, not words
        Assert.Empty(pdf.Pages[0].GetImages());
        Assert.True(pdf.Pages[0].Paths.Count > 10, "the plot's lines and markers should be vector paths");

        // Each label once: ScottPlot re-renders while its axes settle, and that must not leave copies in the PDF.
        Assert.Single(words, word => word == "Månad");

        // The bundled faces, bold where ScottPlot asks for bold (axis labels), regular for tick labels.
        Assert.EndsWith("+DejaVuSans-Bold", pdf.Word(1, "Månad").FontName);
        Assert.EndsWith("+DejaVuSans", pdf.Words(1).First(word => word.Text == "87").FontName);
    }

    [Fact]
    public void Drawing_a_chart_leaves_ScottPlots_global_default_font_alone()
    {
        // The web app's SVG charts share ScottPlot's static font settings.
        var before = Fonts.Default;

        using var pdf = Content(c => c.Height(200).Chart(CsatChart));

        Assert.Equal(before, Fonts.Default);
    }

    [Fact]
    public void A_chart_stays_inside_the_rectangle_it_is_given()
    {
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().Height(100);
            col.Item().PaddingLeft(100).Width(300).Height(200).Chart(CsatChart);
            col.Item().Text("Under");
        }));

        var chartWords = pdf.Words(1).Where(word => word.Text != "Under").ToList();
        Assert.NotEmpty(chartWords);
        Assert.All(chartWords, word =>
        {
            // 1 pt slack: a rotated glyph's box (the y label's "j") may poke past the clip edge.
            Assert.InRange(word.Left, Margin + 100 - 1, Margin + 400);
            Assert.InRange(word.Top, Margin + 100, Margin + 300);
        });
        Assert.True(pdf.Word(1, "Under").Top >= Margin + 300, "the next item starts below the chart's height");
    }

    [Fact]
    public void A_plot_passed_in_is_drawn_and_left_to_the_caller()
    {
        using var plot = new Plot();
        CsatChart(plot);

        using var pdf = Content(c => c.Height(200).Chart(plot));

        Assert.Contains("Kundnöjdhet", pdf.Text(1));
        plot.Title("Fortfarande användbar"); // not disposed by the layer
    }

    [Fact]
    public void Canvas_draws_at_the_elements_origin_clipped_to_its_size()
    {
        SKSize? offered = null;
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().Height(40);
            col.Item().PaddingLeft(20).Height(60).Canvas((canvas, size) =>
            {
                offered = size;
                using var font = new SKFont(BundledFonts.Bold, 12);
                using var paint = new SKPaint { Color = SKColors.Black };
                canvas.DrawText("Ritat", 10, 30, font, paint);
                canvas.DrawText("Utanför", 10, 200, font, paint); // below the 60 pt element: clipped
            });
        }));

        Assert.Equal(new SKSize(ContentWidth - 20, 60), offered);
        var word = pdf.Word(1, "Ritat");
        Assert.Equal(Margin + 20 + 10, word.Left, tolerance: 0.5);
        Assert.Equal(Margin + 40 + 30, word.Baseline, tolerance: 0.5);
        Assert.Contains("DejaVuSans-Bold", word.FontName);
        var clipped = pdf.Pages[0].Paths.Where(path => path.IsClipping).Select(path => path.GetBoundingRectangle()).ToList();
        Assert.Contains(clipped, box => box is { } rect && Math.Abs(rect.Height - 60) < 0.5 && Math.Abs(rect.Width - (ContentWidth - 20)) < 0.5);
    }

    [Fact]
    public void Images_keep_their_aspect_ratio_and_fit_width_or_area()
    {
        var png = SolidPng(200, 100, SKColors.Teal);
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().Image(png);
            col.Item().Height(50).Image(png, ImageScaling.FitArea);
        }));

        var images = pdf.Pages[0].GetImages().OrderByDescending(image => image.BoundingBox.Width).ToList();
        Assert.Equal(2, images.Count);
        Assert.Equal(ContentWidth, images[0].BoundingBox.Width, tolerance: 0.5);
        Assert.Equal(ContentWidth / 2, images[0].BoundingBox.Height, tolerance: 0.5);
        Assert.Equal(100, images[1].BoundingBox.Width, tolerance: 0.5);
        Assert.Equal(50, images[1].BoundingBox.Height, tolerance: 0.5);
    }

    [Fact]
    public void An_image_too_tall_for_the_rest_of_the_page_moves_to_the_next_page()
    {
        var png = SolidPng(100, 100, SKColors.Orange);
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().Height(ContentHeight - 200);
            col.Item().Width(300).Image(png);
        }));

        Assert.Equal(2, pdf.Pages.Count);
        Assert.Empty(pdf.Pages[0].GetImages());
        Assert.Equal(300, Assert.Single(pdf.Pages[1].GetImages()).BoundingBox.Height, tolerance: 0.5);
    }

    [Fact]
    public void Bytes_that_are_not_an_image_are_rejected_when_composing()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            Document.Create(doc => doc.Page(page => page.Content().Image([1, 2, 3]))).GeneratePdf());
        Assert.Contains("PNG or JPEG", exception.Message);
    }

    internal static byte[] SolidPng(int width, int height, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
