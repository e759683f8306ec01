using System.Globalization;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;
using ScottPlot;

namespace CxDashboard.Web.Features.Coaching;

/// <summary>
/// The scorecard's weekly trend charts, agent beside team: the same plots go into the page (SVG) and the coaching
/// pack (vectors on the PDF canvas).
/// </summary>
public static class CoachingCharts
{
    public sealed record TrendChartSpec(string Title, string YLabel, KpiKind Kind, Func<KpiCounts, Proportion> Measure);

    public static readonly TrendChartSpec Csat = new("CSAT by week", "% scoring 4–5", KpiKind.CsatPercent, c => c.Csat);
    public static readonly TrendChartSpec Repeats = new("Repeat-contact rate by week", "% of contacts", KpiKind.RepeatContactRate, c => c.RepeatRate);

    /// <summary>The chart; for print it is drawn at about half scale, so a chart a few centimetres tall keeps readable proportions.</summary>
    public static Plot Plot(TrendChartSpec spec, AgentScorecard card, double? target, bool forPrint = false)
    {
        var plot = Charts.TrendPlot(spec.Title, spec.YLabel, card.Trend.Select(w => w.Label).ToList(),
        [
            // Weekly values of one agent rest on few answers: points under 30 are drawn hollow.
            new ChartSeries(card.Agent.Name, card.Trend.Select(w => spec.Measure(w.Agent).Percent).ToList(), Charts.Blue,
                Samples: card.Trend.Select(w => spec.Measure(w.Agent).N).ToList()),
            new ChartSeries(card.Agent.TeamName ?? "Team", card.Trend.Select(w => spec.Measure(w.Team).Percent).ToList(), Charts.Grey,
                Samples: card.Trend.Select(w => spec.Measure(w.Team).N).ToList()),
        ], target, percent: true);
        if (forPrint)
        {
            plot.ScaleFactor = PrintScale;
            // A pack's chart is half a page wide: a fourth legend item would wrap onto a second row, which ScottPlot
            // cuts off. The line under the chart says what a hollow point means.
            plot.Legend.ManualItems.RemoveAll(item => item.LabelText == ChartWords.English.SmallSample);
        }
        return plot;
    }

    public const float PrintScale = 0.5f;

    public static string Svg(TrendChartSpec spec, AgentScorecard card, double? target)
    {
        using var plot = Plot(spec, card, target);
        return Charts.ToSvg(plot, 560, 280, Describe(spec, card, target));
    }

    /// <summary>"n per week (Anna Lindqvist): 12 · 8 · 15 …": the sample under each of the agent's points.</summary>
    public static string SamplesLine(TrendChartSpec spec, AgentScorecard card) =>
        string.Format(CultureInfo.CurrentCulture, "n per week ({0}): {1}; hollow points: n < 30.", card.Agent.Name,
            string.Join(" · ", card.Trend.Select(w => Display.Count(spec.Measure(w.Agent).N))));

    /// <summary>What the chart shows, in words, for its aria-label.</summary>
    public static string Describe(TrendChartSpec spec, AgentScorecard card, double? target)
    {
        string Series(string name, Func<TrendWeek, KpiCounts> counts)
        {
            var values = card.Trend.Select(w => spec.Measure(counts(w)).Percent).Where(v => v is not null).Select(v => v!.Value).ToList();
            return values.Count == 0 ? $"{name}: no data"
                : $"{name} from {Format(values[0])} to {Format(values[^1])} %, lowest {Format(values.Min())}, highest {Format(values.Max())}";
        }
        var weeks = card.Trend;
        return $"{spec.Title}, {weeks.Count} weeks from {weeks[0].From:yyyy-MM-dd} to {weeks[^1].To:yyyy-MM-dd}: " +
               $"{Series(card.Agent.Name, w => w.Agent)}; {Series(card.Agent.TeamName ?? "team", w => w.Team)}." +
               (target is { } t ? $" Target {Format(t)} %." : "");
    }

    private static string Format(double value) => value.ToString("0.0", CultureInfo.CurrentCulture);
}
