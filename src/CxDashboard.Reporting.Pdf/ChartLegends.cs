using System.Text;
using ScottPlot;

namespace CxDashboard.Reporting.Pdf;

/// <summary>
/// How every chart's legend looks, on web pages (SVG) and in PDFs alike: no frame, no shadow, no background box,
/// items packed tightly, and each item tall enough for the accents of Å, Ä, Ö. ScottPlot clips legend labels to the
/// measured line height, which cut the ring of å and the dots of Ö ("Team Orebro", "Mǎl"); a taller item gives the
/// label room above and below its centre, so the clip no longer reaches the glyphs.
/// </summary>
public static class ChartLegends
{
    /// <summary>An item's height as a multiple of the label's font size: room for a capital's accent above the line.</summary>
    public const float ItemHeightPerFontSize = 2f;

    public static void Style(Plot plot)
    {
        var legend = plot.Legend;
        legend.ShadowColor = ScottPlot.Colors.Transparent;
        legend.ShadowOffset = new PixelOffset(0, 0);
        legend.OutlineWidth = 0;
        legend.OutlineColor = ScottPlot.Colors.Transparent;
        legend.BackgroundColor = ScottPlot.Colors.Transparent;
        legend.TightHorizontalWrapping = true;
        legend.Padding = new PixelPadding(2, 2, 0, 0);
        legend.InterItemPadding = new PixelPadding(4, 12, 0, 0);
        var fontSize = legend.FontSize ?? legend.GetItems().Select(item => item.LabelFontSize).DefaultIfEmpty(12).Max();
        legend.SymbolHeight = Math.Max(legend.SymbolHeight, fontSize * ItemHeightPerFontSize);
        foreach (var item in legend.ManualItems)
            item.LabelText = Composed(item.LabelText);
        foreach (var plottable in plot.GetPlottables().OfType<IHasLegendText>())
            plottable.LegendText = Composed(plottable.LegendText);
        // A legend beside the axis (ShowLegend(Edge)) sits right under the tick labels, not a box's height away.
        foreach (var panel in plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>())
            panel.Padding = new PixelPadding(0);
    }

    /// <summary>
    /// Gives a legend under the chart (<c>ShowLegend(Edge.Bottom)</c>) the height of every row it wraps into when it is
    /// about <paramref name="width"/> pixels wide. ScottPlot sizes that panel for the legend on one row, then lays the
    /// items out in the narrower panel: a second row (longer Swedish labels, a third series) was drawn over the axis
    /// labels and cut off at the bottom. Call after <see cref="Style"/>; <paramref name="width"/> should err on the
    /// narrow side (the data area, not the whole figure).
    /// </summary>
    public static void FitRows(Plot plot, float width)
    {
        var legend = plot.Legend;
        var items = legend.GetItems();
        if (items.Length == 0) return;
        using var paint = Paint.NewDisposablePaint();
        var oneRow = legend.Layout.GetLayout(legend, items, PixelSize.Infinity, paint).LegendRect.Height;
        var wrapped = legend.Layout.GetLayout(legend, items, new PixelSize(width, float.PositiveInfinity), paint).LegendRect.Height;
        if (wrapped <= oneRow + 0.5f) return;
        foreach (var panel in plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Where(p => p.Edge == Edge.Bottom))
            panel.Padding = new PixelPadding(0, 0, wrapped - oneRow, 0);
    }

    /// <summary>
    /// "å" as one character: text from files may spell it "a" + a combining ring, which a chart draws without shaping as
    /// two glyphs side by side.
    /// </summary>
    public static string Composed(string? text) =>
        string.IsNullOrEmpty(text) || text.IsNormalized(NormalizationForm.FormC) ? text ?? "" : text.Normalize(NormalizationForm.FormC);
}
