using System.Globalization;
using CxDashboard.Web.Features.Metrics;
using ScottPlot;

namespace CxDashboard.Web.Features.Presentation;

/// <summary>One line of a KPI trend: its name, colour, and how to read its value and n from a bucket's counts.</summary>
public sealed record KpiTrendSeries(string Name, string ColorHex, Func<KpiCounts, double?> Value, Func<KpiCounts, long> N)
{
    /// <summary>The series' own target (the green threshold), drawn as its dashed line.</summary>
    public double? Target { get; init; }

    public static KpiTrendSeries Csat(string name) => new(name, Charts.Blue, c => c.Csat.Percent, c => c.Responses);
    public static KpiTrendSeries SurveyFcr(string name) => new(name, Charts.Green, c => c.SurveyFcr.Percent, c => c.SurveyFcrAnswered);
    public static KpiTrendSeries ContactFcr(string name) => new(name, Charts.Purple, c => c.ContactFcr.Percent, c => c.FcrDecidable);
    public static KpiTrendSeries RepeatRate(string name) => new(name, Charts.Orange, c => c.RepeatRate.Percent, c => c.Contacts);
    public static KpiTrendSeries Nps(string name) => new(name, Charts.Blue, c => c.Nps, c => c.NpsAnswered);
}

/// <summary>The words around a trend's numbers in its accessible description, from the vocabulary in one language.</summary>
public sealed record TrendWords(string Heading, string EmptyHeading, string SeriesLine, string NoData, string Target, string TargetOfSeries, ChartWords Chart)
{
    /// <summary>{0} title, {1} buckets, {2} first bucket, {3} last bucket; {0}–{4} of a series: name, first, last, lowest, highest.</summary>
    public static TrendWords For(Vocabulary words) => new(words["Chart.Trend.Heading"], words["Chart.Trend.EmptyHeading"], words["Chart.Trend.SeriesLine"],
        words["Chart.Trend.NoData"], " " + words["Chart.Trend.Target"], " " + words["Chart.Trend.TargetOfSeries"], ChartWords.For(words));

    /// <summary>In the current vocabulary (the request's, or a document's while it is written).</summary>
    public static TrendWords Current => For(Vocabulary.Current);

    public static TrendWords English => For(Vocabulary.For("en-GB"));
    public static TrendWords Swedish => For(Vocabulary.For("sv-SE"));
}

/// <summary>
/// A KPI trend ready to draw: a description in words for screen readers, its numbers as a table, and the plot (made
/// anew on each call, so a page and a PDF can each draw and dispose their own).
/// </summary>
public sealed record KpiTrend(string Title, string Description, IReadOnlyList<string> Columns,
    IReadOnlyList<(string Bucket, IReadOnlyList<string> Values)> Rows, Func<Plot> CreatePlot)
{
    /// <summary>Everything the plot is drawn from, as text: equal fingerprints draw equal charts (<see cref="KeptCharts"/>).</summary>
    public required string Fingerprint { get; init; }
}

/// <summary>
/// Trend charts of KPIs over buckets (days, weeks, months) from the counts of each bucket: the dashboard draws them as
/// SVG, the monthly report as vectors in its PDF and as SVG in its web version. Numbers in the current culture.
/// </summary>
public static class KpiTrendCharts
{
    /// <param name="target">One target for every series; null when each series carries its own (or none).</param>
    public static KpiTrend Build(string title, string yLabel, IReadOnlyList<string> labels, IReadOnlyList<KpiCounts> counts,
        IReadOnlyList<KpiTrendSeries> series, double? target, TrendWords words, bool percent = false)
    {
        var plotSeries = series.Select(s => new ChartSeries(s.Name, counts.Select(s.Value).ToList(), s.ColorHex, s.Target ?? target,
            counts.Select(s.N).ToList())).ToList();

        var culture = CultureInfo.CurrentCulture;
        string Format(double value) => value.ToString("0.0", culture);
        var described = string.Join("; ", series.Select(s =>
        {
            var values = counts.Select(s.Value).Where(v => v is not null).Select(v => v!.Value).ToList();
            return values.Count == 0
                ? string.Format(culture, words.NoData, s.Name)
                : string.Format(culture, words.SeriesLine, s.Name, Format(values[0]), Format(values[^1]), Format(values.Min()), Format(values.Max()));
        }));
        var heading = labels.Count > 0
            ? string.Format(culture, words.Heading, title, labels.Count, labels[0].Replace('\n', ' '), labels[^1].Replace('\n', ' '))
            : string.Format(culture, words.EmptyHeading, title);
        var ownTargets = series.Where(s => s.Target is not null).ToList();
        var targets = target is { } t ? string.Format(culture, words.Target, Format(t))
            : ownTargets.Count == series.Count && ownTargets.Select(s => s.Target).Distinct().Count() == 1
                ? string.Format(culture, words.Target, Format(ownTargets[0].Target!.Value))
                : string.Concat(ownTargets.Select(s => string.Format(culture, words.TargetOfSeries, s.Name, Format(s.Target!.Value))));
        var description = $"{heading}: {described}.{targets}";

        var rows = labels.Select((label, i) => (label, (IReadOnlyList<string>)series
            .SelectMany(s => new[] { Display.Number(s.Value(counts[i])), Display.Count(s.N(counts[i])) }).ToList())).ToList();
        var n = Vocabulary.Current["Unit.N"];
        var columns = series.SelectMany(s => new[] { s.Name, n }).ToList();
        return new KpiTrend(title, description, columns, rows,
            () => Charts.TrendPlot(title, yLabel, labels, plotSeries, words: words.Chart, percent: percent))
        {
            Fingerprint = KeptCharts.Fingerprint([title, yLabel, percent, words.Chart, .. labels,
                .. plotSeries.SelectMany(s => (object?[])[s.Name, s.ColorHex, s.Target, .. s.Values.Cast<object?>(), .. (s.Samples ?? []).Cast<object?>()])]),
        };
    }
}
