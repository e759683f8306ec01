using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Coaching;

/// <summary>The two results a coaching alert watches: what customers feel, and whether they had to come back.</summary>
public enum CoachingMetric
{
    Csat,
    RepeatContactRate,
}

public enum ShiftVerdict
{
    /// <summary>One of the windows is a small sample: no judgement, never an alert.</summary>
    TooFewToJudge,
    NoSignificantChange,
    SignificantlyWorse,
    SignificantlyBetter,
}

/// <summary>How one metric of one agent moved from the earlier period to the recent window.</summary>
public sealed record MetricShift(CoachingMetric Metric, Proportion Recent, Proportion Baseline, ProportionComparison? Test, ShiftVerdict Verdict)
{
    /// <summary>Recent minus earlier, in percentage points; null when either is empty.</summary>
    public double? ChangePoints => Recent.Percent - Baseline.Percent;

    /// <summary>The one-sided p-value for a change for the worse (CSAT lower, repeat rate higher).</summary>
    public double? WorsePValue => Test is { } t ? (Metric == CoachingMetric.Csat ? t.PLower : t.PHigher) : null;

    /// <summary>"p = 0.0012", or "p < 0.0001" for tiny values (no false precision).</summary>
    public string PValueText(IFormatProvider culture) => WorsePValue is not { } p ? "" : p < 0.0001 ? "p < " + 0.0001.ToString("0.0000", culture) : "p = " + p.ToString("0.0000", culture);
}

/// <summary>
/// Just-in-time coaching: an agent is flagged when their CSAT fell, or their repeat-contact rate rose, significantly
/// in the recent window compared with their own earlier period. "Significantly" means all of:
/// both windows hold at least <see cref="CoachingAlertOptions.MinSample"/> (and enough expected hits and misses for the
/// normal approximation, see <see cref="ProportionTest"/>); the pooled two-proportion z-test's one-sided p-value is below
/// <see cref="CoachingAlertOptions.MaxPValue"/>; and the change is at least the minimum worth acting on. With some 40
/// agents × 2 metrics tested at once, p &lt; 0.01 keeps false alarms to about one a month or fewer.
/// </summary>
public static class CoachingAlertRules
{
    public static IReadOnlyList<MetricShift> Assess(KpiCounts recent, KpiCounts baseline, CoachingAlertOptions options) =>
    [
        Shift(CoachingMetric.Csat, recent.Csat, baseline.Csat, worseIsLower: true, options.MinCsatDropPoints, options),
        Shift(CoachingMetric.RepeatContactRate, recent.RepeatRate, baseline.RepeatRate, worseIsLower: false, options.MinRepeatRisePoints, options),
    ];

    private static MetricShift Shift(CoachingMetric metric, Proportion recent, Proportion baseline, bool worseIsLower, double minPoints, CoachingAlertOptions options)
    {
        var test = ProportionTest.Compare(recent, baseline, options.MinSample);
        if (test is not { } t) return new MetricShift(metric, recent, baseline, null, ShiftVerdict.TooFewToJudge);
        var worse = worseIsLower ? t.IsLower(options.MaxPValue) && -t.DifferencePoints >= minPoints : t.IsHigher(options.MaxPValue) && t.DifferencePoints >= minPoints;
        var better = worseIsLower ? t.IsHigher(options.MaxPValue) && t.DifferencePoints >= minPoints : t.IsLower(options.MaxPValue) && -t.DifferencePoints >= minPoints;
        return new MetricShift(metric, recent, baseline, t,
            worse ? ShiftVerdict.SignificantlyWorse : better ? ShiftVerdict.SignificantlyBetter : ShiftVerdict.NoSignificantChange);
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
    public static string DescribeRule(CoachingAlertOptions o) =>
        $"An agent is flagged when their CSAT fell by at least {o.MinCsatDropPoints:0.#} points, or their repeat-contact rate rose by at least {o.MinRepeatRisePoints:0.#} points, " +
        $"in the last {o.RecentDays} days compared with their own {o.BaselineDays} days before, and a pooled two-proportion z-test puts the one-sided p-value below {o.MaxPValue:0.###}. " +
        $"Both periods need at least {o.MinSample} responses (CSAT) or contacts (repeat rate), and at least {ProportionTest.MinExpectedCount} expected hits and misses, or the agent is not judged: small samples are never flagged.";

    public static string Describe(CoachingMetric metric) => metric switch
    {
        CoachingMetric.Csat => "CSAT",
        _ => "Repeat-contact rate",
    };
}
