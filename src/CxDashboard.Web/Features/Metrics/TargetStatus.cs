namespace CxDashboard.Web.Features.Metrics;

public enum TargetStatus
{
    None,
    Green,
    Amber,
    Red,
}

public sealed record TargetThresholds(double Green, double Amber);

public static class TargetEvaluator
{
    /// <summary>Green when the value reaches the green threshold, amber when it reaches amber, else red.</summary>
    public static TargetStatus Evaluate(double? value, TargetThresholds? target, bool higherIsBetter)
    {
        if (value is not { } v || target is null) return TargetStatus.None;
        bool Reaches(double threshold) => higherIsBetter ? v >= threshold : v <= threshold;
        if (Reaches(target.Green)) return TargetStatus.Green;
        return Reaches(target.Amber) ? TargetStatus.Amber : TargetStatus.Red;
    }

}
