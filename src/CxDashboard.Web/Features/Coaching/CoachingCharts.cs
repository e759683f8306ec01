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
    public sealed record TrendChartSpec(string TitleKey, string YLabelKey, KpiKind Kind, Func<KpiCounts, Proportion> Measure)
    {
        /// <summary>"CSAT by week", in the current language.</summary>
        public string Title => Vocabulary.Current[TitleKey];

        public string YLabel => Vocabulary.Current[YLabelKey];
    }

    public static readonly TrendChartSpec Csat = new("CoachingChart.Csat", "CoachingChart.Csat.Axis", KpiKind.CsatPercent, c => c.Csat);
    public static readonly TrendChartSpec Repeats = new("CoachingChart.Repeats", "CoachingChart.Repeats.Axis", KpiKind.RepeatContactRate, c => c.RepeatRate);

    /// <summary>The chart; for print it is drawn at about half scale, so a chart a few centimetres tall keeps readable proportions.</summary>
    public static Plot Plot(TrendChartSpec spec, AgentScorecard card, double? target, bool forPrint = false)
    {
        var plot = Charts.TrendPlot(spec.Title, spec.YLabel, card.Trend.Select(w => w.Label).ToList(),
        [
            // Weekly values of one agent rest on few answers: points under 30 are drawn hollow.
            new ChartSeries(card.Agent.Name, card.Trend.Select(w => spec.Measure(w.Agent).Percent).ToList(), Charts.Blue,
                Samples: card.Trend.Select(w => spec.Measure(w.Agent).N).ToList()),
            new ChartSeries(card.Agent.TeamName ?? Vocabulary.Current["Coaching.Team"], card.Trend.Select(w => spec.Measure(w.Team).Percent).ToList(), Charts.Grey,
                Samples: card.Trend.Select(w => spec.Measure(w.Team).N).ToList()),
        ], target, percent: true);
        if (forPrint)
        {
            plot.ScaleFactor = PrintScale;
            // A pack's chart is half a page wide: a fourth legend item would wrap onto a second row, which ScottPlot
            // cuts off. The line under the chart says what a hollow point means.
            plot.Legend.ManualItems.RemoveAll(item => item.LabelText == ChartWords.Current.SmallSample);
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
        Vocabulary.Current.Format("CoachingChart.SamplesLine", card.Agent.Name,
            string.Join(" · ", card.Trend.Select(w => Display.Count(spec.Measure(w.Agent).N))));

    /// <summary>What the chart shows, in words, for its aria-label.</summary>
    public static string Describe(TrendChartSpec spec, AgentScorecard card, double? target)
    {
        var words = Vocabulary.Current;
        string Series(string name, Func<TrendWeek, KpiCounts> counts)
        {
            var values = card.Trend.Select(w => spec.Measure(counts(w)).Percent).Where(v => v is not null).Select(v => v!.Value).ToList();
            return values.Count == 0 ? words.Format("Trend.NoData", name)
                : words.Format("CoachingChart.Series", name, Format(values[0]), Format(values[^1]), Format(values.Min()), Format(values.Max()));
        }
        var weeks = card.Trend;
        var description = words.Format("CoachingChart.Description", spec.Title, weeks.Count, Display.Date(weeks[0].From), Display.Date(weeks[^1].To),
            Series(card.Agent.Name, w => w.Agent), Series(card.Agent.TeamName ?? words["Coaching.TheTeam"], w => w.Team));
        return target is { } t ? description + words.Format("CoachingChart.Target", Format(t)) : description;
    }

    private static string Format(double value) => value.ToString("0.0", CultureInfo.CurrentCulture);
}
