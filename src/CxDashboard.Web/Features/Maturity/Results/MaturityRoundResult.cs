using CxDashboard.Web.Features.Maturity.Actions;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Rounds;
using CxDashboard.Web.Features.Maturity.Scoring;

namespace CxDashboard.Web.Features.Maturity.Results;

/// <summary>A capability's place in a round: its text (from the round's model version) and its score.</summary>
public sealed record CapabilityResult(int Number, MaturityCapability Capability, CapabilityScore Score)
{
    public string Key => Capability.Key;
}

/// <summary>
/// A round's results as plain data (no EF, no HTTP): pages, the Excel export, the CLI and the monthly leadership PDF
/// all read this. Unrounded numbers; the round's own model version supplies every text.
/// </summary>
public sealed record MaturityRoundResult
{
    public required MaturityRoundSummary Round { get; init; }
    public required MaturityModelDefinition Model { get; init; }

    /// <summary>The closed round compared with (the one before this by date), if any.</summary>
    public MaturityRoundSummary? Previous { get; init; }

    /// <summary>In the model's order (the radar's order).</summary>
    public required IReadOnlyList<CapabilityResult> Capabilities { get; init; }
    public int RatersAsked { get; init; }

    /// <summary>Raters whose answers count: only submitted sheets are scored.</summary>
    public int RatersSubmitted { get; init; }

    /// <summary>Largest gap to target first.</summary>
    public IReadOnlyList<CapabilityResult> RankedByGap =>
        MaturityScoring.RankByGap(Capabilities.Select(c => c.Score)).Select(s => Capabilities.First(c => c.Key == s.Key)).ToList();

    public double? OverallMean => MaturityScoring.OverallMean(Capabilities.Select(c => c.Score));

    public double? OverallTarget => MaturityScoring.Mean(Capabilities.Where(c => c.Score.TargetLevel is not null).Select(c => (double)c.Score.TargetLevel!.Value).ToList());

    public double? OverallPreviousMean => MaturityScoring.Mean(Capabilities.Where(c => c.Score.PreviousMean is not null).Select(c => c.Score.PreviousMean!.Value).ToList());

    /// <summary>The overall level's change since the previous round, unrounded.</summary>
    public double? OverallChange => MaturityScoring.Difference(OverallMean, OverallPreviousMean);

    public int DisagreementCount => Capabilities.Count(c => c.Score.Disagreement);

    public CapabilityResult? Capability(string key) => Capabilities.FirstOrDefault(c => c.Key == key);
}

/// <summary>
/// The maturity section of the monthly leadership report: the latest closed round, the one before it, and the
/// improvement actions (open and in progress ones on any capability, and every action of the round).
/// </summary>
public sealed record MaturityLeadershipSummary(MaturityRoundResult Current, MaturityRoundResult? Previous, IReadOnlyList<ImprovementActionView> Actions)
{
    /// <summary>The capabilities furthest below target, each with its actions.</summary>
    public IReadOnlyList<(CapabilityResult Capability, IReadOnlyList<ImprovementActionView> Actions)> TopGaps(int count = 3) =>
        Current.RankedByGap.Where(c => c.Score.Gap > 0).Take(count)
            .Select(c => (c, (IReadOnlyList<ImprovementActionView>)Actions.Where(a => a.CapabilityKey == c.Key).ToList()))
            .ToList();
}
