using System.Globalization;
using System.Net;
using ScottPlot;

namespace CxDashboard.Web.Features.Presentation;

/// <summary>One series of a trend chart: a value per bucket (null where there is no data).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, string ColorHex);

/// <summary>One shape on a radar chart: a value per axis. Unfilled shapes (e.g. a target) are drawn dashed.</summary>
public sealed record RadarShape(string Name, IReadOnlyList<double> Values, string ColorHex, bool Filled);

/// <summary>
/// Charts drawn with ScottPlot and embedded in pages as inline SVG, each with role="img" and an aria-label that says
/// in words what it shows. The same plot-building code can render onto a PDF canvas.
/// </summary>
public static class Charts
{
    public const string Blue = "#1f5fa8";
    public const string Green = "#2e7d32";
    public const string Orange = "#c65d00";
    public const string Purple = "#6a3d9a";
    public const string Grey = "#6c757d";

    /// <summary>A line chart of one or more series over labelled buckets (days, weeks or months), with an optional target line.</summary>
    /// <param name="yMin">A fixed bottom of the value axis (e.g. 0 for an index); fitted to the data when null.</param>
    /// <param name="yMax">A fixed top of the value axis; fitted to the data when null.</param>
    /// <param name="targetLabel">The target line's name in the legend, in the reader's language.</param>
    public static Plot TrendPlot(string title, string yLabel, IReadOnlyList<string> bucketLabels,
        IReadOnlyList<ChartSeries> series, double? target = null, double? yMin = null, double? yMax = null, string targetLabel = "Target")
    {
        var plot = new Plot();
        Style(plot, title);
        plot.YLabel(yLabel);
        var positions = Enumerable.Range(0, bucketLabels.Count).Select(i => (double)i).ToArray();
        foreach (var s in series)
        {
            // Gaps stay gaps: a bucket without data is not drawn as zero.
            var points = positions.Zip(s.Values).Where(p => p.Second is not null).ToList();
            if (points.Count == 0) continue;
            var line = plot.Add.Scatter(points.Select(p => p.First).ToArray(), points.Select(p => p.Second!.Value).ToArray());
            line.Color = Color.FromHex(s.ColorHex);
            line.LineWidth = 2;
            line.MarkerSize = bucketLabels.Count <= 40 ? 5 : 0;
            line.LegendText = s.Name;
        }
        if (target is { } t)
        {
            var targetLine = plot.Add.HorizontalLine(t);
            targetLine.Color = Color.FromHex(Grey);
            targetLine.LinePattern = LinePattern.Dashed;
            targetLine.LineWidth = 1.5f;
            targetLine.LegendText = targetLabel;
        }
        SetBucketTicks(plot, bucketLabels);
        FitValueAxis(plot, series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).Append(target ?? double.NaN));
        if (yMin is not null || yMax is not null)
        {
            var fitted = plot.Axes.GetLimits();
            plot.Axes.SetLimitsY(yMin ?? fitted.Bottom, yMax ?? fitted.Top);
        }
        if (series.Count > 1 || target is not null)
        {
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.ShowLegend(Edge.Bottom);
        }
        return plot;
    }

    /// <summary>Horizontal bars, e.g. the channel mix.</summary>
    public static Plot BarPlot(string title, string valueLabel, IReadOnlyList<(string Label, double Value)> bars, string colorHex = Blue)
    {
        var plot = new Plot();
        Style(plot, title);
        var items = bars.Select((b, i) => new Bar { Position = bars.Count - 1 - i, Value = b.Value, FillColor = Color.FromHex(colorHex), Orientation = Orientation.Horizontal }).ToList();
        plot.Add.Bars(items);
        plot.Axes.Left.SetTicks(items.Select(b => b.Position).ToArray(), bars.Select(b => b.Label).ToArray());
        plot.XLabel(valueLabel);
        plot.Axes.Margins(left: 0, right: 0.1, bottom: 0.05, top: 0.05);
        return plot;
    }

    /// <summary>
    /// A radar (spider) chart drawn onto the given plot, so a page (SVG) and a PDF (vectors on its canvas) draw the same
    /// chart: one spoke per axis from 0 to <paramref name="max"/>, a labelled ring at every whole step, shapes in the
    /// order given (the last on top).
    /// </summary>
    public static void DrawRadar(Plot plot, IReadOnlyList<string> axisLabels, IReadOnlyList<RadarShape> shapes, int max)
    {
        plot.Font.Set("DejaVu Sans");
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        var radar = plot.Add.Radar();
        radar.PolarAxis.SetSpokes(axisLabels.Select(l => WrapLabel(l, 20)).ToArray(), max);
        var rings = Enumerable.Range(1, max).Select(i => (double)i).ToArray();
        radar.PolarAxis.SetCircles(rings, rings.Select(r => r.ToString(CultureInfo.CurrentCulture)).ToArray());
        // The ring numbers sit halfway between the first two spokes, not on the first one, where the top axis label is.
        var betweenSpokes = Angle.FromDegrees(180.0 / Math.Max(axisLabels.Count, 1));
        foreach (var circle in radar.PolarAxis.Circles) circle.LabelAngle = betweenSpokes;
        const float labelSize = 12;
        foreach (var spoke in radar.PolarAxis.Spokes)
        {
            // A label is centred on its point just outside the outer ring; moving it outward by half its own size along
            // the spoke keeps a wide label at the side, or a two-line one at the top, from crossing the ring.
            spoke.LabelStyle.FontSize = labelSize;
            var lines = (spoke.LabelText ?? "").Split('\n');
            var direction = (spoke.Angle + radar.PolarAxis.Rotation).Radians;
            // Sideways in pixels; up or down in radius, by the label's lines (the vertical offset moved multi-line labels too little).
            spoke.LabelStyle.OffsetX = (float)Math.Cos(direction) * lines.Max(l => l.Length) * labelSize * 0.29f;
            spoke.LabelPaddingFraction = 0.08 + Math.Abs(Math.Sin(direction)) * lines.Length * 0.05;
        }
        foreach (var shape in shapes)
        {
            var color = Color.FromHex(shape.ColorHex);
            radar.Series.Add(new RadarSeries
            {
                Values = shape.Values.ToArray(),
                LegendText = shape.Name,
                FillColor = shape.Filled ? color.WithAlpha(0.18) : Colors.Transparent,
                LineColor = color,
                LineWidth = shape.Filled ? 2.5f : 2f,
                LinePattern = shape.Filled ? LinePattern.Solid : LinePattern.Dashed,
            });
        }
        plot.HideGrid();
        plot.Axes.Frameless();
        plot.Layout.Frameless();
        plot.ShowLegend(Alignment.LowerRight);
    }

    /// <summary>Breaks a long axis label onto lines of about <paramref name="width"/> characters, at spaces.</summary>
    public static string WrapLabel(string label, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) lines.Add(line);
        return string.Join('\n', lines);
    }

    public static string ToSvg(Plot plot, int width, int height, string ariaLabel)
    {
        var svg = plot.GetSvgHtml(width, height);
        var label = WebUtility.HtmlEncode(ariaLabel);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var insertAt = start < 0 ? -1 : start + 4;
        if (insertAt < 0) return svg;
        // A viewBox lets the page scale the chart to its column without cropping it.
        var viewBox = svg.Contains("viewBox", StringComparison.Ordinal) ? "" : $" viewBox=\"0 0 {width} {height}\"";
        var withRole = svg.Insert(insertAt, $" role=\"img\" aria-label=\"{label}\" class=\"chart\" preserveAspectRatio=\"xMidYMid meet\"{viewBox}");
        var openEnd = withRole.IndexOf('>', insertAt);
        return withRole.Insert(openEnd + 1, $"<title>{label}</title>");
    }

    private static void Style(Plot plot, string title)
    {
        plot.Font.Set("DejaVu Sans");
        plot.Title(title, 14);
        plot.Axes.Title.Label.Bold = true;
        // Axis names are secondary to the title and the data: smaller and regular weight.
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.Label.FontSize = 12;
            axis.Label.Bold = false;
        }
        plot.Grid.MajorLineColor = Color.FromHex("#e5e5e5");
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
    }

    /// <summary>The value axis spans the data and the target with a margin, so small changes stay visible.</summary>
    private static void FitValueAxis(Plot plot, IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0) return;
        double low = finite.Min(), high = finite.Max();
        var margin = Math.Max((high - low) * 0.15, 2);
        plot.Axes.SetLimitsY(low - margin, high + margin);
    }

    private static void SetBucketTicks(Plot plot, IReadOnlyList<string> labels)
    {
        if (labels.Count == 0) return;
        // At most about ten labels on the axis, evenly spaced, always including the last bucket.
        var step = Math.Max(1, (int)Math.Ceiling(labels.Count / 10.0));
        var indexes = Enumerable.Range(0, labels.Count).Where(i => (labels.Count - 1 - i) % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks(indexes.Select(i => (double)i).ToArray(), indexes.Select(i => labels[i]).ToArray());
        plot.Axes.SetLimitsX(-0.5, labels.Count - 0.5);
    }

    public static string Invariant(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
