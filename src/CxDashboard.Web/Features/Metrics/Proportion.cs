namespace CxDashboard.Web.Features.Metrics;

/// <summary>A 95 % confidence interval in percent.</summary>
public readonly record struct PercentInterval(double Low, double High);

/// <summary>A count out of a sample, with its percent and 95 % Wilson score interval.</summary>
public readonly record struct Proportion(long Hits, long N)
{
    /// <summary>Below this sample size a proportion is marked as a small sample.</summary>
    public const int SmallSampleThreshold = 30;

    /// <summary>z for a two-sided 95 % interval.</summary>
    private const double Z = 1.959963984540054;

    /// <summary>Percent 0–100, unrounded; null when N is 0.</summary>
    public double? Percent => N == 0 ? null : 100.0 * Hits / N;

    public bool IsSmallSample => N < SmallSampleThreshold;

    /// <summary>The Wilson score interval, which stays inside 0–100 % and behaves at small n and at 0 % or 100 %.</summary>
    public PercentInterval? Interval
    {
        get
        {
            if (N == 0) return null;
            double n = N, p = (double)Hits / N, z2 = Z * Z;
            var denominator = 1 + z2 / n;
            var centre = (p + z2 / (2 * n)) / denominator;
            var halfWidth = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
            return new PercentInterval(
                100 * Math.Max(0, centre - halfWidth),
                100 * Math.Min(1, centre + halfWidth));
        }
    }
}
