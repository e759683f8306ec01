using CxDashboard.Reporting.Pdf.Elements;
using ScottPlot;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Tests;

/// <summary>
/// Legends draw å, ä and ö whole: the ink of their rings and dots is on the canvas, measured against the same text drawn
/// freely with the same font. A chart is drawn onto a PDF page exactly as onto this raster canvas.
/// </summary>
public class ChartLegendGlyphTests
{
    private const int Width = 640, Height = 360;

    /// <summary>Large enough that the accents are many pixels.</summary>
    private const float LabelSize = 24;

    private static SKBitmap RenderLegend(string label, bool styled)
    {
        using var plot = new Plot();
        var line = plot.Add.Scatter(new double[] { 0, 1, 2 }, new double[] { 1, 2, 1.5 });
        line.LegendText = label;
        var target = plot.Add.HorizontalLine(1.2);
        target.LegendText = "Mål";
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = LabelSize;
        plot.ShowLegend(Edge.Bottom);
        if (styled) ChartLegends.Style(plot);
        ChartFonts.Apply(plot);

        var bitmap = new SKBitmap(Width, Height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        plot.Render(canvas, new PixelRect(0, Width, Height, 0));
        return bitmap;
    }

    /// <summary>Pixels inked in the first image and not in the second: the accents, when both texts sit at the same place.</summary>
    private static int InkOnlyIn(SKBitmap accented, SKBitmap plain)
    {
        var count = 0;
        for (var y = 0; y < accented.Height; y++)
            for (var x = 0; x < accented.Width; x++)
                if (IsInk(accented.GetPixel(x, y)) && !IsInk(plain.GetPixel(x, y))) count++;
        return count;
    }

    private static bool IsInk(SKColor color) => color.Red + color.Green + color.Blue < 3 * 200;

    /// <summary>The accents' ink when the same texts are drawn freely with the bundled font at the legend's size.</summary>
    private static int FreeAccentInk(string accented, string plain, float size)
    {
        SKBitmap Draw(string text)
        {
            var bitmap = new SKBitmap(Width, 60);
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(SKColors.White);
            using var font = new SKFont(BundledFonts.Regular, size);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(text, 10, 45, font, paint);
            return bitmap;
        }
        using var a = Draw(accented);
        using var p = Draw(plain);
        return InkOnlyIn(a, p);
    }

    [Fact]
    public void A_legend_draws_the_rings_and_dots_of_ÅÄÖ_åäö_whole()
    {
        const string accented = "ÅÄÖ åäö", plain = "AAO aao";
        var expected = FreeAccentInk(accented, plain, LabelSize);
        Assert.True(expected > 30, $"the accents alone should have ink ({expected} px)");

        using var styledAccented = RenderLegend(accented, styled: true);
        using var styledPlain = RenderLegend(plain, styled: true);
        var drawn = InkOnlyIn(styledAccented, styledPlain);
        Assert.InRange(drawn, (int)(expected * 0.85), (int)(expected * 1.6));

        // ScottPlot's own legend clips labels at the measured line height and cuts the accents: the check sees that.
        using var defaultAccented = RenderLegend(accented, styled: false);
        using var defaultPlain = RenderLegend(plain, styled: false);
        Assert.True(InkOnlyIn(defaultAccented, defaultPlain) < expected * 0.7, "the unstyled legend should have lost part of the accents");
    }

    [Fact]
    public void A_decomposed_å_is_drawn_as_one_letter()
    {
        Assert.Equal("Luleå", ChartLegends.Composed("Lulea\u030A"));
        Assert.Equal("Team Örebro", ChartLegends.Composed("Team O\u0308rebro"));
    }
}
