using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Coaching;

public sealed record AgentRef(int Id, string ExternalId, string Name, int? TeamId, string? TeamName);

/// <summary>One KPI of a scorecard: the agent's value with n and interval, the team's, the target and how the agent compares.</summary>
public sealed record ScorecardKpi(
    KpiKind Kind,
    string Name,
    KpiUnit Unit,
    double? AgentValue,
    long AgentN,
    PercentInterval? AgentInterval,
    double? TeamValue,
    long TeamN,
    TargetThresholds? Target,
    TargetStatus Status,
    ProportionComparison? VersusRestOfTeam)
{
    public bool SmallSample => AgentN is > 0 and < Proportion.SmallSampleThreshold;
    public bool HigherIsBetter => KpiDefinitions.Get(Kind).HigherIsBetter;

    /// <summary>"better than the rest of the team", "worse than …", or null when the difference is not significant (p &lt; 0.05).</summary>
    public string? Comparison => IsBetter switch
    {
        true => Presentation.Vocabulary.Current["Coaching.BetterThanTeam"],
        false => Presentation.Vocabulary.Current["Coaching.WorseThanTeam"],
        null => null,
    };

    /// <summary>Whether the agent is significantly (p &lt; 0.05) better or worse than the rest of the team; null when neither.</summary>
    public bool? IsBetter => VersusRestOfTeam is not { } t ? null
        : t.IsHigher(0.05) ? HigherIsBetter
        : t.IsLower(0.05) ? !HigherIsBetter
        : null;

    /// <summary>
    /// The one-sided p-value that the agent is worse than the rest of the team, read the same way for every KPI: lower
    /// for CSAT and FCR, higher for the repeat rate. Small when the agent is clearly worse, near 1 when clearly better.
    /// </summary>
    public double? WorsePValue => VersusRestOfTeam is { } t ? (HigherIsBetter ? t.PLower : t.PHigher) : null;
}

/// <summary>One week of the agent's and the team's trend.</summary>
public sealed record TrendWeek(DateOnly From, DateOnly To, KpiCounts Agent, KpiCounts Team)
{
    public string Label => $"{From:MM-dd}";
}

/// <summary>A contact reason where the agent's customers coming back, or handle time, differ from the rest of the team's.</summary>
public sealed record ReasonPattern(string Code, string Name, KpiCounts Agent, KpiCounts Team, RepeatPattern Pattern)
{
    /// <summary>Customers who came back after the agent's contacts beyond what the rest of the team's rate gives for as many contacts.</summary>
    public double ExtraCameBack => Pattern.AgentCameBack.Hits - Pattern.AgentCameBack.N * (Pattern.RestCameBack.Percent ?? 0) / 100;
}

public sealed record RatedResponse(
    string ResponseId, DateTime ReceivedAtLocal, string ContactId, DateOnly ContactDate, string Reason, string Channel,
    int Csat, bool? Resolved, int? Nps, string? Comment);

public sealed record CoachingActionView(
    int Id, int AgentId, string AgentName, string Title, string? Notes, KpiKind? FocusKpi, int? ReasonId, string? ReasonName,
    DateOnly DueDate, CoachingActionStatus Status, string CreatedBy, DateTime CreatedAtUtc, DateOnly? CompletedOn, bool IsOverdue)
{
    public bool IsActive => Status is CoachingActionStatus.Open or CoachingActionStatus.InProgress;
}

/// <summary>A significant change for the worse, with the responses or repeat contacts that show why.</summary>
public sealed record CoachingAlert(AgentRef Agent, MetricShift Shift, DatePeriod Recent, DatePeriod Baseline, IReadOnlyList<RatedResponse> Evidence,
    IReadOnlyList<ReasonShift> ReasonShifts);

/// <summary>A contact reason's share of the agent's repeats (or low scores) now and before: where the change comes from.</summary>
public sealed record ReasonShift(string Code, string Name, Proportion Recent, Proportion Baseline);

/// <summary>Everything the scorecard page and a pack show for one agent and period.</summary>
public sealed record AgentScorecard
{
    public required AgentRef Agent { get; init; }
    public required DatePeriod Period { get; init; }
    public required int WindowDays { get; init; }
    public required KpiCounts AgentCounts { get; init; }
    public required KpiCounts TeamCounts { get; init; }
    public required IReadOnlyList<ScorecardKpi> Kpis { get; init; }
    public required IReadOnlyList<TrendWeek> Trend { get; init; }
    public required RepeatPattern Pattern { get; init; }
    public required IReadOnlyList<ReasonPattern> Reasons { get; init; }
    public required IReadOnlyList<RatedResponse> LowestRated { get; init; }
    public required IReadOnlyList<CoachingActionView> Actions { get; init; }
    public required IReadOnlyList<CoachingAlert> Alerts { get; init; }
    public required IReadOnlyList<MetricShift> Shifts { get; init; }
    public required (DatePeriod Recent, DatePeriod Baseline) AlertWindows { get; init; }

    /// <summary>The "short calls, many repeats" rule in words, with the settings in force.</summary>
    public required string PatternRule { get; init; }
}

public static class CoachingActionStatusText
{
    public static readonly IReadOnlyList<CoachingActionStatus> All = Enum.GetValues<CoachingActionStatus>();

    public static string Describe(CoachingActionStatus status) => Presentation.Vocabulary.Current.CoachingActionStatus(status);
}
