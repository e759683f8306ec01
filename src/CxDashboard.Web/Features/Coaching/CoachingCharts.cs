using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;
using ScottPlot;

namespace CxDashboard.Web.Features.Coaching;

/// <summary>
/// The scorecard's weekly trend charts, agent beside team: the same plots go into the page (SVG, the request's language)
/// and the coaching pack (vectors on the PDF canvas, the pack's language). Words from the vocabulary and
/// <c>Resources/Features/Coaching/CoachingCharts.sv.resx</c>.
/// </summary>
public static class CoachingCharts
{
    public sealed record TrendChartSpec(KpiKind Kind, string YLabel, Func<KpiCounts, Proportion> Measure)
    {
        /// <summary>"CSAT by week", in the chart's language.</summary>
        public string TitleIn(DocumentLanguage language) => Text(language).Format("{0} by week", language.Words.Kpi(Kind));

        /// <summary>The title in the request's language (the scorecard page).</summary>
        public string Title => TitleIn(DocumentLanguage.OfRequest());
    }

    public static readonly TrendChartSpec Csat = new(KpiKind.CsatPercent, "% scoring 4–5", c => c.Csat);
    public static readonly TrendChartSpec Repeats = new(KpiKind.RepeatContactRate, "% of contacts", c => c.RepeatRate);

    private static DocumentText Text(DocumentLanguage language) => DocumentText.For(typeof(CoachingCharts), language);

    /// <summary>The chart; for print it is drawn at about half scale, so a chart a few centimetres tall keeps readable proportions.</summary>
    public static Plot Plot(TrendChartSpec spec, AgentScorecard card, double? target, DocumentLanguage language, bool forPrint = false)
    {
        var text = Text(language);
        var chartWords = ChartWords.For(language.Words);
        var plot = Charts.TrendPlot(spec.TitleIn(language), text[spec.YLabel], card.Trend.Select(w => w.Label).ToList(),
        [
            // Weekly values of one agent rest on few answers: points under 30 are drawn hollow.
            new ChartSeries(card.Agent.Name, card.Trend.Select(w => spec.Measure(w.Agent).Percent).ToList(), Charts.Blue,
                Samples: card.Trend.Select(w => spec.Measure(w.Agent).N).ToList()),
            new ChartSeries(card.Agent.TeamName ?? text["Team"], card.Trend.Select(w => spec.Measure(w.Team).Percent).ToList(), Charts.Grey,
                Samples: card.Trend.Select(w => spec.Measure(w.Team).N).ToList()),
        ], target, words: chartWords, percent: true);
        if (forPrint)
        {
            plot.ScaleFactor = PrintScale;
            // A pack's chart is half a page wide: a fourth legend item would wrap onto a second row, which ScottPlot
            // cuts off. The line under the chart says what a hollow point means.
            plot.Legend.ManualItems.RemoveAll(item => item.LabelText == chartWords.SmallSample);
        }
        return plot;
    }

    public const float PrintScale = 0.5f;

    /// <summary>The chart for a page, in the request's language.</summary>
    public static string Svg(TrendChartSpec spec, AgentScorecard card, double? target)
    {
        var language = DocumentLanguage.OfRequest();
        using var plot = Plot(spec, card, target, language);
        return Charts.ToSvg(plot, 560, 280, Describe(spec, card, target, language));
    }

    /// <summary>"n per week (Anna Lindqvist): 12 · 8 · 15 …": the sample under each of the agent's points.</summary>
    public static string SamplesLine(TrendChartSpec spec, AgentScorecard card, DocumentLanguage language) =>
        Text(language).Format("n per week ({0}): {1}; hollow points: n < 30.", card.Agent.Name,
            string.Join(" · ", card.Trend.Select(w => spec.Measure(w.Agent).N.ToString("#,0", language.Culture))));

    /// <summary>What the chart shows, in words, for its aria-label.</summary>
    public static string Describe(TrendChartSpec spec, AgentScorecard card, double? target, DocumentLanguage language)
    {
        var text = Text(language);
        string Format(double value) => value.ToString("0.0", language.Culture);
        string Series(string name, Func<TrendWeek, KpiCounts> counts)
        {
            var values = card.Trend.Select(w => spec.Measure(counts(w)).Percent).Where(v => v is not null).Select(v => v!.Value).ToList();
            return values.Count == 0 ? text.Format("{0}: no data", name)
                : text.Format("{0} from {1} to {2} %, lowest {3}, highest {4}", name, Format(values[0]), Format(values[^1]), Format(values.Min()), Format(values.Max()));
        }
        var weeks = card.Trend;
        var description = text.Format("{0}, {1} weeks from {2} to {3}: {4}; {5}.", spec.TitleIn(language), weeks.Count, Display.Date(weeks[0].From), Display.Date(weeks[^1].To),
            Series(card.Agent.Name, w => w.Agent), Series(card.Agent.TeamName ?? text["Team"], w => w.Team));
        return target is { } t ? text.Format("{0} Target {1} %.", description, Format(t)) : description;
    }
}
