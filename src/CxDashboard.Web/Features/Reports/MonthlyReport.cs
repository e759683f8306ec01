using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Maturity.Results;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// Everything the monthly leadership report shows, as plain data (no EF, no HTTP): the PDF and its web version are
/// both composed from this, so they always agree. Counts stay unrounded; the composition formats them.
/// </summary>
public sealed record MonthlyReport
{
    /// <summary>The first day of the month reported on.</summary>
    public required DateOnly Month { get; init; }
    public DateOnly LastDay => Month.AddMonths(1).AddDays(-1);
    public DateOnly PreviousMonth => Month.AddMonths(-1);
    public DateOnly SameMonthLastYear => Month.AddYears(-1);

    public required string OrganisationName { get; init; }

    /// <summary>The teams a team-limited report covers, by name; null for the whole organisation.</summary>
    public IReadOnlyList<string>? ScopeTeams { get; init; }

    /// <summary>Number and date format (e.g. sv-SE); the report's words are Swedish.</summary>
    public required string CultureName { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>When the figures were read: contact-based FCR is decided as of this instant.</summary>
    public required DateTime AsOfUtc { get; init; }
    public required int WindowDays { get; init; }

    /// <summary>This month, the month before and the same month last year.</summary>
    public required KpiCounts Current { get; init; }
    public required KpiCounts Previous { get; init; }
    public required KpiCounts LastYear { get; init; }

    /// <summary>The organisation-wide targets (green and amber thresholds) by KPI.</summary>
    public required IReadOnlyDictionary<KpiKind, TargetThresholds> Targets { get; init; }

    /// <summary>Twelve months ending with this one, oldest first.</summary>
    public required IReadOnlyList<MonthCounts> Trend { get; init; }

    /// <summary>Every channel with contacts this month or last, in the product's channel order.</summary>
    public required IReadOnlyList<ChannelMonth> Channels { get; init; }

    /// <summary>Contact reasons with the most dissatisfied customers (CSAT 1–2) this month.</summary>
    public required IReadOnlyList<ReasonHighlight> ReasonsByDissatisfaction { get; init; }

    /// <summary>Contact reasons with the most repeat contacts this month.</summary>
    public required IReadOnlyList<ReasonHighlight> ReasonsByRepeats { get; init; }

    /// <summary>Callback of dissatisfied customers: this month and the month before.</summary>
    public required CallbackMonth Callbacks { get; init; }

    public required EngagementMonth Engagement { get; init; }

    /// <summary>The latest maturity round assessed by the end of the month, if any round has been closed.</summary>
    public MaturityLeadershipSummary? Maturity { get; init; }

    /// <summary>Open coaching actions aimed at each headline KPI, with who owns them (the managers who planned them).</summary>
    public IReadOnlyList<KpiOpenActions> OpenActions { get; init; } = [];

    /// <summary>The auto-written summary, a sentence per item, in Swedish.</summary>
    public IReadOnlyList<string> Summary { get; init; } = [];

    public TargetThresholds? TargetFor(KpiKind kind) => Targets.TryGetValue(kind, out var target) ? target : null;
}

public sealed record MonthCounts(DateOnly Month, KpiCounts Counts);

/// <summary>Open coaching actions aimed at one KPI: how many, how many overdue, and per owner.</summary>
public sealed record KpiOpenActions(KpiKind Kind, int Open, int Overdue, IReadOnlyList<ActionOwner> Owners);

public sealed record ActionOwner(string Name, int Actions);

public sealed record ChannelMonth(Channel Channel, KpiCounts Current, KpiCounts Previous);

/// <summary>A contact reason's month beside the month before, with real customer comments that show why.</summary>
public sealed record ReasonHighlight(string Code, string Name, KpiCounts Current, KpiCounts Previous, IReadOnlyList<CustomerComment> Comments);

/// <summary>A customer's own words from a survey response of the month (plain text, shortened when long).</summary>
public sealed record CustomerComment(string Text, int Csat, DateOnly Date, Channel Channel);

/// <summary>The callback worklist's month beside the month before (cases, SLA, outcomes, recovery).</summary>
public sealed record CallbackMonth(CallbackKpis Current, CallbackKpis Previous);

/// <summary>Engagement per team in the month beside the team's customer results (anonymity threshold applied).</summary>
public sealed record EngagementMonth(DateOnly Month, IReadOnlyList<TeamEngagementMonth> Teams, CombinedEngagement Total, bool AnyAnswers);

public sealed record TeamEngagementMonth(string Team, EngagementResult Engagement, KpiCounts Cx);
