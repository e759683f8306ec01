using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// Whether a month-on-month change is worth a sentence: large enough to matter and unlikely to be chance. A change is
/// "clear" when a two-sided test at the 5 % level rejects "no change" (|z| ≥ 1.96) and it is at least
/// <see cref="MinimumPoints"/> percentage points (NPS points). Samples under 30 never count as clear.
/// </summary>
public static class ChangeSignificance
{
    public const double ClearZ = 1.959963984540054;
    public const double MinimumPoints = 0.5;

    /// <summary>The two-proportion z statistic with a pooled variance; null when either sample is empty.</summary>
    public static double? ProportionZ(Proportion now, Proportion before)
    {
        if (now.N == 0 || before.N == 0) return null;
        double p1 = (double)now.Hits / now.N, p2 = (double)before.Hits / before.N;
        var pooled = (double)(now.Hits + before.Hits) / (now.N + before.N);
        var variance = pooled * (1 - pooled) * (1.0 / now.N + 1.0 / before.N);
        return variance <= 0 ? 0 : (p1 - p2) / Math.Sqrt(variance);
    }

    /// <summary>
    /// z for a change in NPS: each answer scores +1 (promoter), 0 or −1 (detractor), so NPS/100 is a mean with variance
    /// (P + D − (P − D)²) / n, P and D the promoter and detractor shares.
    /// </summary>
    public static double? NpsZ(KpiCounts now, KpiCounts before)
    {
        if (now.NpsAnswered == 0 || before.NpsAnswered == 0) return null;
        static (double Mean, double Variance) Of(KpiCounts c)
        {
            double p = (double)c.NpsPromoters / c.NpsAnswered, d = (double)c.NpsDetractors / c.NpsAnswered;
            return (p - d, (p + d - (p - d) * (p - d)) / c.NpsAnswered);
        }
        var (m1, v1) = Of(now);
        var (m2, v2) = Of(before);
        var variance = v1 + v2;
        return variance <= 0 ? 0 : (m1 - m2) / Math.Sqrt(variance);
    }

    /// <summary>A clear change of a KPI between two months' counts.</summary>
    public static bool IsClear(KpiKind kind, KpiCounts now, KpiCounts before) =>
        IsClear(Z(kind, now, before), now.SampleOf(kind), before.SampleOf(kind), now.ValueOf(kind) - before.ValueOf(kind));

    /// <summary>A clear change of any proportion (e.g. the share of dissatisfied customers of a contact reason).</summary>
    public static bool IsClear(Proportion now, Proportion before) =>
        IsClear(ProportionZ(now, before), now.N, before.N, now.Percent - before.Percent);

    private static bool IsClear(double? z, long nowN, long beforeN, double? delta) =>
        z is { } value && delta is { } points
        && nowN >= Proportion.SmallSampleThreshold && beforeN >= Proportion.SmallSampleThreshold
        && Math.Abs(value) >= ClearZ && Math.Abs(points) >= MinimumPoints;

    public static double? Z(KpiKind kind, KpiCounts now, KpiCounts before) => kind switch
    {
        KpiKind.Nps => NpsZ(now, before),
        KpiKind.CsatPercent => ProportionZ(now.Csat, before.Csat),
        KpiKind.SurveyFcrPercent => ProportionZ(now.SurveyFcr, before.SurveyFcr),
        KpiKind.ContactFcrPercent => ProportionZ(now.ContactFcr, before.ContactFcr),
        KpiKind.RepeatContactRate => ProportionZ(now.RepeatRate, before.RepeatRate),
        _ => null,
    };
}
