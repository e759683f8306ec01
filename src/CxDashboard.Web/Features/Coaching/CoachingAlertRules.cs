using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Coaching;

/// <summary>The results a coaching alert watches: what customers feel, and whether they had to come back.</summary>
public enum CoachingMetric
{
    Csat,
    RepeatContactRate,

    /// <summary>Contact-based FCR: whether customers came back after the agent's own contacts.</summary>
    ContactFcr,
}

/// <summary>What a coaching metric measures, which way is worse, and the smallest change worth an alert.</summary>
public sealed record CoachingMetricInfo(CoachingMetric Metric, KpiKind Kpi, Func<KpiCounts, Proportion> Measure, Func<CoachingAlertOptions, double> MinPoints)
{
    public string Name => KpiDefinitions.Get(Kpi).Name;
    public bool HigherIsBetter => KpiDefinitions.Get(Kpi).HigherIsBetter;

    /// <summary>"fell" or "rose": the direction that is worse.</summary>
    public string WorseWord => Presentation.Vocabulary.Current[HigherIsBetter ? "Coaching.Fell" : "Coaching.Rose"];
}

public enum ShiftVerdict
{
    /// <summary>One of the windows is a small sample: no judgement, never an alert.</summary>
    TooFewToJudge,
    NoSignificantChange,
    SignificantlyWorse,
    SignificantlyBetter,

    /// <summary>Significantly worse than before, but the rest of the team moved alike (season, product, outage): not the agent's, no alert.</summary>
    SharedWithTeam,
}

/// <summary>
/// How one metric of one agent moved from the earlier period to the recent window, and how the rest of their team moved
/// over the same weeks (null without a team).
/// </summary>
public sealed record MetricShift(
    CoachingMetric Metric,
    Proportion Recent,
    Proportion Baseline,
    ProportionComparison? Test,
    ShiftVerdict Verdict,
    Proportion? RestRecent = null,
    Proportion? RestBaseline = null,
    ProportionComparison? VersusTeamChange = null)
{
    /// <summary>The rest of the team's change over the same weeks, in points.</summary>
    public double? RestChangePoints => RestRecent?.Percent - RestBaseline?.Percent;

    /// <summary>Recent minus earlier, in percentage points; null when either is empty.</summary>
    public double? ChangePoints => Recent.Percent - Baseline.Percent;

    public CoachingMetricInfo Info => CoachingAlertRules.Info(Metric);

    /// <summary>The one-sided p-value for a change for the worse (CSAT and FCR lower, repeat rate higher).</summary>
    public double? WorsePValue => Test is { } t ? (Info.HigherIsBetter ? t.PLower : t.PHigher) : null;

    /// <summary>"p = 0.0012", or "p < 0.0001" for tiny values (no false precision).</summary>
    public string PValueText(IFormatProvider culture) => WorsePValue is not { } p ? ""
        : string.Format(culture, Presentation.Vocabulary.Current[p < 0.0001 ? "Unit.PBelow" : "Unit.PEquals"], (p < 0.0001 ? 0.0001 : p).ToString("0.0000", culture));
}

/// <summary>
/// Just-in-time coaching: an agent is flagged when their CSAT or contact-based FCR fell, or their repeat-contact rate rose, significantly
/// in the recent window compared with their own earlier period. "Significantly" means all of:
/// both windows hold at least <see cref="CoachingAlertOptions.MinSample"/> (and enough expected hits and misses for the
/// normal approximation, see <see cref="ProportionTest"/>); the pooled two-proportion z-test's one-sided p-value is below
/// <see cref="CoachingAlertOptions.MaxPValue"/>; the change is at least the minimum worth acting on; and, when the agent
/// has teammates to compare with, the agent's change is significantly worse than the rest of the team's change over the
/// same weeks (difference in differences, one-sided p below <see cref="CoachingAlertOptions.MaxTeamPValue"/>), so a shift
/// the whole team shares (the season, a price change, an outage) singles nobody out. With some 40 agents × 3 metrics
/// tested at once, p &lt; 0.01 keeps false alarms rare.
/// </summary>
public static class CoachingAlertRules
{
    public static readonly IReadOnlyList<CoachingMetricInfo> Metrics =
    [
        new(CoachingMetric.Csat, KpiKind.CsatPercent, c => c.Csat, o => o.MinCsatDropPoints),
        new(CoachingMetric.RepeatContactRate, KpiKind.RepeatContactRate, c => c.RepeatRate, o => o.MinRepeatRisePoints),
        new(CoachingMetric.ContactFcr, KpiKind.ContactFcrPercent, c => c.ContactFcr, o => o.MinFcrDropPoints),
    ];

    public static CoachingMetricInfo Info(CoachingMetric metric) => Metrics.First(m => m.Metric == metric);

    /// <param name="restRecent">The rest of the agent's team in the recent window; null when the agent has no team.</param>
    /// <param name="restBaseline">The rest of the team in the earlier period.</param>
    public static IReadOnlyList<MetricShift> Assess(KpiCounts recent, KpiCounts baseline, KpiCounts? restRecent, KpiCounts? restBaseline, CoachingAlertOptions options)
    {
        return Metrics.Select(Shift).ToList();

        MetricShift Shift(CoachingMetricInfo info)
        {
            var (metric, measure, worseIsLower, minPoints) = (info.Metric, info.Measure, info.HigherIsBetter, info.MinPoints(options));
            var (now, before) = (measure(recent), measure(baseline));
            Proportion? restNow = restRecent is null ? null : measure(restRecent);
            Proportion? restBefore = restBaseline is null ? null : measure(restBaseline);
            var test = ProportionTest.Compare(now, before, options.MinSample);
            if (test is not { } t) return new MetricShift(metric, now, before, null, ShiftVerdict.TooFewToJudge, restNow, restBefore);

            bool Worse(ProportionComparison c, double maxP) => worseIsLower ? c.IsLower(maxP) : c.IsHigher(maxP);
            bool Better(ProportionComparison c, double maxP) => worseIsLower ? c.IsHigher(maxP) : c.IsLower(maxP);
            var worseBy = worseIsLower ? -t.DifferencePoints : t.DifferencePoints;
            var versusTeam = restNow is { } rn && restBefore is { } rb ? ProportionTest.CompareChanges(now, before, rn, rb, options.MinSample) : null;

            var verdict = Worse(t, options.MaxPValue) && worseBy >= minPoints
                ? versusTeam is { } v && !Worse(v, options.MaxTeamPValue) ? ShiftVerdict.SharedWithTeam : ShiftVerdict.SignificantlyWorse
                : Better(t, options.MaxPValue) && -worseBy >= minPoints ? ShiftVerdict.SignificantlyBetter
                : ShiftVerdict.NoSignificantChange;
            return new MetricShift(metric, now, before, t, verdict, restNow, restBefore, versusTeam);
        }
    }

    /// <summary>The recent window (the last <see cref="CoachingAlertOptions.RecentDays"/> full days) and the earlier period before it.</summary>
    public static (DatePeriod Recent, DatePeriod Baseline) Windows(DateOnly today, CoachingAlertOptions options)
    {
        var recentTo = today.AddDays(-1);
        var recentFrom = recentTo.AddDays(-(options.RecentDays - 1));
        var baselineTo = recentFrom.AddDays(-1);
        return (new DatePeriod(recentFrom, recentTo), new DatePeriod(baselineTo.AddDays(-(options.BaselineDays - 1)), baselineTo));
    }

    /// <summary>The rule in words, with the settings in force, for the help page, the pages and the packs.</summary>
    public static string DescribeRule(CoachingAlertOptions o) => Presentation.Vocabulary.Current.Format("Glossary.CoachingAlertRule",
        o.MinCsatDropPoints, o.MinRepeatRisePoints, o.MinFcrDropPoints, o.RecentDays, o.BaselineDays, o.MaxPValue, o.MaxTeamPValue,
        o.MinSample, ProportionTest.MinExpectedCount);

    public static string Describe(CoachingMetric metric) => Info(metric).Name;
}
