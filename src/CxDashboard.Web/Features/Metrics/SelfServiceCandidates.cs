namespace CxDashboard.Web.Features.Metrics;

/// <summary>Frequency × complexity: a frequent, simple contact reason suits self-service or a bot.</summary>
public static class SelfServiceCandidates
{
    /// <summary>Reasons with at least this share of the contacts (percent) …</summary>
    public const double MinSharePercent = 5.0;

    /// <summary>… and at most this complexity (1–5) are marked as self-service candidates.</summary>
    public const int MaxComplexity = 2;

    public static bool IsCandidate(double sharePercent, int complexity) => sharePercent >= MinSharePercent && complexity <= MaxComplexity;
}
