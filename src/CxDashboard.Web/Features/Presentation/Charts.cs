using System.Globalization;
using System.Net;
using System.Text;
using ScottPlot;
using SkiaSharp;

namespace CxDashboard.Web.Features.Presentation;

/// <summary>
/// One series of a trend chart: a value per bucket (null where there is no data), its own target when it has one, and
/// optionally the sample behind each value, so points resting on a small sample are drawn hollow.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, string ColorHex, double? Target = null, IReadOnlyList<long>? Samples = null);

/// <summary>The words a chart draws in its legend, from the vocabulary in the reader's language (whole phrases, {0} a series' name).</summary>
public sealed record ChartWords(string Target, string TargetOfSeries, string SmallSample)
{
    public static ChartWords For(Vocabulary words) => new(words["Chart.Target"], words["Chart.TargetOfSeries"], words["Chart.SmallSample"]);

    public static ChartWords English => For(Vocabulary.For("en-GB"));
    public static ChartWords Swedish => For(Vocabulary.For("sv-SE"));

    /// <summary>In the current vocabulary (the request's, or a document's while it is written).</summary>
    public static ChartWords Current => For(Vocabulary.Current);
}

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

    /// <summary>
    /// A line chart of one or more series over labelled buckets (days, weeks or months) with their targets: a target
    /// shared by every series (or given for the chart) is one grey dashed line, different targets are dashed lines in
    /// their series' colours. Points whose sample is under <see cref="SmallSampleThreshold"/> are drawn hollow.
    /// </summary>
    /// <param name="yMin">A fixed bottom of the value axis (e.g. 0 for an index); fitted to the data when null.</param>
    /// <param name="yMax">A fixed top of the value axis; fitted to the data when null.</param>
    /// <param name="percent">Values are percentages: the axis never labels values below 0 or above 100, and 0 and 100 are drawn inside the frame.</param>
    public static Plot TrendPlot(string title, string yLabel, IReadOnlyList<string> bucketLabels,
        IReadOnlyList<ChartSeries> series, double? target = null, double? yMin = null, double? yMax = null, ChartWords? words = null, bool percent = false)
    {
        words ??= ChartWords.Current;
        var plot = new Plot();
        Style(plot, title);
        plot.YLabel(yLabel);
        var positions = Enumerable.Range(0, bucketLabels.Count).Select(i => (double)i).ToArray();
        var anySmall = false;
        foreach (var s in series)
        {
            // Gaps stay gaps: a bucket without data is not drawn as zero.
            var points = positions.Zip(s.Values).Where(p => p.Second is not null).ToList();
            if (points.Count == 0) continue;
            var color = Color.FromHex(s.ColorHex);
            var line = plot.Add.Scatter(points.Select(p => p.First).ToArray(), points.Select(p => p.Second!.Value).ToArray());
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = bucketLabels.Count <= 40 ? 5 : 0;
            line.LegendText = s.Name;
            if (s.Samples is { } samples)
            {
                var small = points.Where(p => IsSmall(samples, (int)p.First)).ToList();
                if (small.Count == 0) continue;
                anySmall = true;
                var hollow = plot.Add.Scatter(small.Select(p => p.First).ToArray(), small.Select(p => p.Second!.Value).ToArray());
                hollow.LineWidth = 0;
                hollow.MarkerShape = MarkerShape.FilledCircle;
                hollow.MarkerSize = 8;
                hollow.MarkerFillColor = Colors.White;
                hollow.MarkerLineColor = color;
                hollow.MarkerLineWidth = 1.5f;
                hollow.Color = color;
            }
        }
        if (anySmall)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = words.SmallSample,
                MarkerShape = MarkerShape.OpenCircle,
                MarkerSize = 8,
                MarkerColor = Color.FromHex(Grey),
                MarkerLineWidth = 1.5f,
            });
        }

        // Targets of different series are dashed lines in their series' colours under one legend item, so the legend
        // stays on one line (ScottPlot sizes a legend beside the axis for one row and cuts off a second).
        var targets = TargetLines(series, target);
        for (var i = 0; i < targets.Count; i++)
        {
            var (value, colorHex, seriesName) = targets[i];
            var targetLine = plot.Add.HorizontalLine(value);
            targetLine.Color = Color.FromHex(colorHex);
            targetLine.LinePattern = LinePattern.Dashed;
            targetLine.LineWidth = 1.5f;
            if (targets.Count == 1)
                targetLine.LegendText = seriesName is null ? words.Target : string.Format(CultureInfo.CurrentCulture, words.TargetOfSeries, seriesName);
        }
        if (targets.Count > 1)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = words.Target,
                LineColor = Color.FromHex(Grey),
                LineWidth = 1.5f,
                LinePattern = LinePattern.Dashed,
            });
        }
        SetBucketTicks(plot, bucketLabels);
        FitValueAxis(plot, series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).Concat(targets.Select(t => t.Value)));
        if (yMin is not null || yMax is not null)
        {
            var fitted = plot.Axes.GetLimits();
            plot.Axes.SetLimitsY(yMin ?? fitted.Bottom, yMax ?? fitted.Top);
        }
        if (percent) KeepPercentInside(plot);
        if (series.Count > 1 || targets.Count > 0 || anySmall)
        {
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.ShowLegend(Edge.Bottom);
        }
        return plot;
    }

    public const int SmallSampleThreshold = 30;

    private static bool IsSmall(IReadOnlyList<long> samples, int index) =>
        index < samples.Count && samples[index] is > 0 and < SmallSampleThreshold;

    /// <summary>The dashed lines to draw: the chart's target, else one per distinct series target (grey when all agree).</summary>
    private static List<(double Value, string ColorHex, string? SeriesName)> TargetLines(IReadOnlyList<ChartSeries> series, double? target)
    {
        if (target is { } shared) return [(shared, Grey, null)];
        var withTargets = series.Where(s => s.Target is not null && s.Values.Any(v => v is not null)).ToList();
        if (withTargets.Count == 0) return [];
        if (withTargets.Select(s => s.Target!.Value).Distinct().Count() == 1 && (withTargets.Count == 1 || withTargets.Count == series.Count))
            return [(withTargets[0].Target!.Value, Grey, withTargets.Count == 1 && series.Count > 1 ? withTargets[0].Name : null)];
        return withTargets.Select(s => (s.Target!.Value, s.ColorHex, (string?)s.Name)).ToList();
    }

    /// <summary>
    /// A percentage axis never labels values outside 0–100, and keeps 0 % and 100 % a little inside the frame so a value
    /// of 100 % is drawn as a point, not as part of the frame.
    /// </summary>
    private static void KeepPercentInside(Plot plot)
    {
        var limits = plot.Axes.GetLimits();
        var pad = Math.Max((limits.Top - limits.Bottom) * 0.04, 0.5);
        plot.Axes.SetLimitsY(limits.Bottom <= 0 ? -pad : limits.Bottom, limits.Top >= 100 ? 100 + pad : limits.Top);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = value => value < -1e-9 || value > 100 + 1e-9 ? "" : value.ToString("0.##", CultureInfo.CurrentCulture),
        };
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

    /// <summary>What the value axis, its name and the right margin take from a web chart's width, at most.</summary>
    private const int LegendAxisAllowance = 100;

    public static string ToSvg(Plot plot, int width, int height, string ariaLabel)
    {
        CxDashboard.Reporting.Pdf.ChartLegends.Style(plot);
        // The data area is the figure less the value axis and its name on the left and a margin on the right.
        CxDashboard.Reporting.Pdf.ChartLegends.FitRows(plot, width - LegendAxisAllowance);
        var svg = RenderSvg(plot, width, height);
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

    /// <summary>
    /// The plot as SVG, as ScottPlot's <c>GetSvgHtml</c> draws it, without its first pass into a raster image. A render
    /// repeats until the axis limits stop changing, and an SVG cannot be cleared between passes, so the layout is settled
    /// first on a canvas that only measures (ScottPlot allocates, paints and leaves to the finalizer a full bitmap for it).
    /// </summary>
    internal static string RenderSvg(Plot plot, int width, int height)
    {
        using (var layoutPass = new SKNoDrawCanvas(width, height))
            plot.Render(layoutPass, width, height);
        using var stream = new MemoryStream();
        var clear = plot.RenderManager.ClearCanvasBeforeEachRender;
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        try
        {
            using var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream);
            plot.Render(canvas, width, height);
        }
        finally
        {
            plot.RenderManager.ClearCanvasBeforeEachRender = clear;
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
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
        var indexes = TickIndexes(labels.Count, labels.Max(l => l.Split('\n').Max(line => line.Length)));
        plot.Axes.Bottom.SetTicks(indexes.Select(i => (double)i).ToArray(), indexes.Select(i => labels[i]).ToArray());
        plot.Axes.SetLimitsX(-0.5, labels.Count - 0.5);
    }

    /// <summary>
    /// Which buckets get a label: in steps, at most twelve short labels ("mar") or seven longer ones ("09-14"), always
    /// the first and the last (the period's ends); a step's last label too close to the end gives way to it.
    /// </summary>
    public static IReadOnlyList<int> TickIndexes(int count, int longestLabel = 3)
    {
        if (count <= 0) return [];
        var most = longestLabel <= 3 ? 12 : 7;
        var step = Math.Max(1, (int)Math.Ceiling(count / (double)most));
        var indexes = Enumerable.Range(0, count).Where(i => i % step == 0).ToList();
        if (indexes[^1] != count - 1)
        {
            if (indexes.Count > 1 && count - 1 - indexes[^1] <= (step + 1) / 2) indexes[^1] = count - 1;
            else indexes.Add(count - 1);
        }
        return indexes;
    }

    public static string Invariant(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
