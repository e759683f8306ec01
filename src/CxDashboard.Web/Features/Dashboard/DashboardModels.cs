using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Dashboard;

/// <summary>The dashboard's filter bar, as it lives in the query string.</summary>
public sealed record DashboardFilter
{
    public string? Period { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? Team { get; init; }
    public int? Agent { get; init; }
    public string? Channel { get; init; }
    public int? Reason { get; init; }
}

public sealed record Choice(string Value, string Label);

/// <summary>One KPI tile: value, target status, change against the previous period, n and the interval.</summary>
public sealed record KpiTile
{
    public required string Name { get; init; }
    public required string Value { get; init; }
    public required string Definition { get; init; }
    public KpiKind? Kind { get; init; }
    public string? Target { get; init; }
    public TargetStatus Status { get; init; }
    public required string Change { get; init; }
    public string? PreviousValue { get; init; }
    public long N { get; init; }
    public string NLabel { get; init; } = "n";
    public bool SmallSample { get; init; }
    public string? Interval { get; init; }
    public string? Note { get; init; }
}

/// <param name="AgentId">For an agent's row: the agent, whose scorecard the row links to for those who coach.</param>
public sealed record BreakdownRow(string Label, KpiCounts Counts, string? Link = null, int? TeamIdForTargets = null, string? Detail = null, int? AgentId = null);

public sealed record TrendChart(string Title, string Svg, IReadOnlyList<string> Columns, IReadOnlyList<(string Bucket, IReadOnlyList<string> Values)> Rows);

public sealed record ReasonRow(int ReasonId, string Code, string Name, int Complexity, bool NeedsReview, KpiCounts Counts, double Share, bool SelfServiceCandidate, string Link);

public sealed record DashboardView
{
    public required DatePeriod Period { get; init; }
    /// <summary>The period the tiles' changes compare with, and which rule chose it.</summary>
    public required ComparisonPeriod PreviousPeriod { get; init; }
    public required string PresetKey { get; init; }
    public required DashboardFilter Filter { get; init; }
    public required string ScopeDescription { get; init; }
    public required bool IsAgentView { get; init; }
    public required int WindowDays { get; init; }
    public required DateTime DecidableCutoffUtc { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }
    public required KpiCounts Totals { get; init; }
    public required IReadOnlyList<KpiTile> Tiles { get; init; }
    public required IReadOnlyList<TrendChart> Trends { get; init; }
    /// <summary>"Trends by week": the trend section's heading in the bucket the period is drawn in.</summary>
    public required string TrendHeading { get; init; }
    public required string TrendBucketName { get; init; }
    public required IReadOnlyList<ReasonRow> Reasons { get; init; }
    public required IReadOnlyList<BreakdownRow> Channels { get; init; }
    public required string ChannelChartSvg { get; init; }
    public required IReadOnlyList<BreakdownRow> Teams { get; init; }
    public required IReadOnlyList<BreakdownRow> Agents { get; init; }
    public required KpiTargets Targets { get; init; }
    public required IReadOnlyList<Choice> TeamChoices { get; init; }
    public required IReadOnlyList<Choice> AgentChoices { get; init; }
    public required IReadOnlyList<Choice> ReasonChoices { get; init; }
    public required IReadOnlyList<Choice> ChannelChoices { get; init; }
    public required IReadOnlyList<string> ActiveFilters { get; init; }

    /// <summary>A day of the period waits for its rollups after a large import: the figures are complete, only slower to compute.</summary>
    public bool SummariesCatchingUp { get; init; }
}

public static class ChannelChoices
{
    /// <summary>Built on each read: the names follow the current language.</summary>
    public static IReadOnlyList<Choice> All => Channels.All.Select(c => new Choice(c.Code(), c.DisplayName())).ToList();
}

/// <summary>What a dashboard filter asks for: the metric query, the user's scope, the period and its preset.</summary>
public sealed record DashboardQuery(MetricQuery Query, DataScope Scope, DatePeriod Period, string PresetKey);
