namespace CxDashboard.Web.Features.Metrics;

/// <summary>
/// The result of comparing two proportions a and b: the difference in percentage points and the two-proportion
/// z-test's statistic with its one-sided p-values.
/// </summary>
public readonly record struct ProportionComparison(double DifferencePoints, double Z, double PHigher, double PLower)
{
    /// <summary>Whether a is higher than b at the given one-sided significance level.</summary>
    public bool IsHigher(double maxPValue) => PHigher < maxPValue;

    public bool IsLower(double maxPValue) => PLower < maxPValue;
}

/// <summary>
/// The pooled two-proportion z-test. It relies on the normal approximation, so it only answers when both samples are
/// large enough: at least <c>minSample</c> each, and at least 5 expected hits and 5 expected misses in each sample
/// under the pooled proportion (the usual rule for the approximation to hold).
/// </summary>
public static class ProportionTest
{
    public const int MinExpectedCount = 5;

    /// <summary>Compares a with b; null when either sample is too small to judge.</summary>
    public static ProportionComparison? Compare(Proportion a, Proportion b, int minSample = Proportion.SmallSampleThreshold)
    {
        if (!CanCompare(a, b, minSample)) return null;
        double n1 = a.N, n2 = b.N;
        var p1 = a.Hits / n1;
        var p2 = b.Hits / n2;
        var pooled = (a.Hits + b.Hits) / (n1 + n2);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        var z = standardError == 0 ? 0 : (p1 - p2) / standardError;
        return new ProportionComparison(100 * (p1 - p2), z, NormalUpperTail(z), NormalUpperTail(-z));
    }

    /// <summary>
    /// Compares how a changed with how b changed over the same two periods (a difference in differences):
    /// (a now − a before) − (b now − b before), with the unpooled standard error of the four proportions. Null when any
    /// of the four samples is too small to judge.
    /// </summary>
    public static ProportionComparison? CompareChanges(Proportion aNow, Proportion aBefore, Proportion bNow, Proportion bBefore,
        int minSample = Proportion.SmallSampleThreshold)
    {
        if (!CanCompare(aNow, aBefore, minSample) || !CanCompare(bNow, bBefore, minSample)) return null;
        static double Rate(Proportion p) => (double)p.Hits / p.N;
        static double Variance(Proportion p) => Rate(p) * (1 - Rate(p)) / p.N;
        var difference = Rate(aNow) - Rate(aBefore) - (Rate(bNow) - Rate(bBefore));
        var standardError = Math.Sqrt(Variance(aNow) + Variance(aBefore) + Variance(bNow) + Variance(bBefore));
        var z = standardError == 0 ? 0 : difference / standardError;
        return new ProportionComparison(100 * difference, z, NormalUpperTail(z), NormalUpperTail(-z));
    }

    public static bool CanCompare(Proportion a, Proportion b, int minSample = Proportion.SmallSampleThreshold)
    {
        if (a.N < Math.Max(1, minSample) || b.N < Math.Max(1, minSample)) return false;
        var pooled = (double)(a.Hits + b.Hits) / (a.N + b.N);
        return Math.Min(a.N, b.N) * Math.Min(pooled, 1 - pooled) >= MinExpectedCount;
    }

    /// <summary>P(Z ≥ z) for a standard normal Z.</summary>
    public static double NormalUpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>The complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7).</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
                t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
