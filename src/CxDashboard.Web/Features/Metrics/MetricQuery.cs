using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>
/// What to measure: a period of calendar dates (both included, organisation time zone), optional filters that
/// choose the contacts measured, the window W, the "same reason only" option and the as-of time for FCR.
/// </summary>
public sealed record MetricQuery
{
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public int? TeamId { get; init; }
    public int? AgentId { get; init; }
    public Channel? Channel { get; init; }
    public int? ReasonId { get; init; }
    public required int WindowDays { get; init; }
    public bool SameReasonOnly { get; init; }
    public required DateTime AsOfUtc { get; init; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period this one is compared with, by <see cref="ComparisonPeriod"/>'s one rule.</summary>
    public ComparisonPeriod Comparison => ComparisonPeriod.Before(From, To);

    /// <summary>This query for the period it is compared with (<see cref="ComparisonPeriod"/>).</summary>
    public MetricQuery PreviousPeriod() => ForPeriod(Comparison.Period.From, Comparison.Period.To);

    public MetricQuery ForPeriod(DateOnly from, DateOnly to) => this with { From = from, To = to };
}

/// <summary>
/// Which contacts a user may see, enforced inside every metric query (not only in menus).
/// </summary>
public sealed record DataScope
{
    public static readonly DataScope Everything = new();
    public static readonly DataScope Nothing = new() { SeesNothing = true };

    /// <summary>When set, only contacts of these teams.</summary>
    public IReadOnlySet<int>? TeamIds { get; init; }

    /// <summary>When set, only this agent's contacts (an agent's own scorecard).</summary>
    public int? AgentId { get; init; }

    /// <summary>A user with no data role, or an agent login not linked to an agent.</summary>
    public bool SeesNothing { get; init; }

    public bool IsUnrestricted => !SeesNothing && TeamIds is null && AgentId is null;

    public static DataScope Teams(IEnumerable<int> teamIds) => new() { TeamIds = teamIds.ToHashSet() };
    public static DataScope Agent(int agentId) => new() { AgentId = agentId };

    /// <summary>The scope in a few characters, equal for equal scopes: part of the keys figures are kept under.</summary>
    public string Fingerprint =>
        SeesNothing ? "nothing"
        : AgentId is { } agent ? $"agent {agent.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : TeamIds is { } teams ? "teams " + string.Join(",", teams.Order().Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        : "everything";

    public bool AllowsTeam(int teamId) => !SeesNothing && AgentId is null && (TeamIds is null || TeamIds.Contains(teamId));
}
