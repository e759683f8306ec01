namespace CxDashboard.Web.Data.Entities;

/// <summary>Which dimensions a rollup row keeps; the others are summed over.</summary>
public enum RollupGrain
{
    /// <summary>Day × channel × reason: organisation-wide views.</summary>
    ChannelReason = 1,

    /// <summary>Day × team × agent: agent and team tables, agent filters.</summary>
    TeamAgent = 2,

    /// <summary>Month × team × channel × reason (months only since format 5): team views with both a channel and a reason.</summary>
    TeamChannelReason = 3,

    /// <summary>Day × team: team tables and team totals.</summary>
    Team = 4,

    // 5 was day × team × agent × channel × reason, no longer stored (about a row per contact); format 4 rebuilt without it.

    /// <summary>Day × team × channel: team-scoped views by or filtered by channel.</summary>
    TeamChannel = 6,

    /// <summary>Day × team × reason: team-scoped views by or filtered by reason.</summary>
    TeamReason = 7,

    /// <summary>Month × team × agent × channel (months only): agent tables filtered by channel over whole months.</summary>
    TeamAgentChannel = 8,

    /// <summary>Month × team × agent × reason (months only): agent tables filtered by reason over whole months.</summary>
    TeamAgentReason = 9,
}

/// <summary>
/// Pre-aggregated KPI counts for one local day and one combination of the grain's dimensions, kept current by
/// every write (imports, API, hosted surveys) so dashboard queries read a few thousand rows instead of millions.
/// Repeat and "not followed" counts are for the window <see cref="WindowDays"/> they were built with.
/// </summary>
public class KpiRollup
{
    public long Id { get; set; }
    public RollupGrain Grain { get; set; }

    /// <summary>The day, or for a month row (<see cref="IsMonth"/>) the first day of the month it sums.</summary>
    public DateOnly LocalDate { get; set; }

    /// <summary>A whole calendar month summed, so long periods read a twelfth of the rows.</summary>
    public bool IsMonth { get; set; }
    public int? TeamId { get; set; }
    public int? AgentId { get; set; }
    public Channel? Channel { get; set; }
    public int? ReasonId { get; set; }
    public int WindowDays { get; set; }

    public long Contacts { get; set; }
    public long Repeats { get; set; }
    public long SameReasonRepeats { get; set; }

    /// <summary>Contacts with no later contact of the customer within W: resolved, once decidable.</summary>
    public long NotFollowed { get; set; }

    /// <summary>As <see cref="NotFollowed"/>, for the "same reason only" option: no later contact of the customer with the same reason within W.</summary>
    public long SameReasonNotFollowed { get; set; }
    public long WithHandleTime { get; set; }
    public long HandleSeconds { get; set; }
    public long BotEscalations { get; set; }
    public long SelfService { get; set; }
    public long Responses { get; set; }
    public long CsatPositive { get; set; }
    public long CsatNegative { get; set; }
    public long CsatTotal { get; set; }
    public long FcrAnswered { get; set; }
    public long FcrYes { get; set; }
    public long NpsAnswered { get; set; }
    public long Promoters { get; set; }
    public long Detractors { get; set; }
    public long WithComment { get; set; }
}

/// <summary>The single row saying whether the rollups are complete and for which W (Id is always 1).</summary>
public class KpiRollupState
{
    public int Id { get; set; } = 1;
    public int WindowDays { get; set; }
    public bool IsComplete { get; set; }
    public DateTime? BuiltAtUtc { get; set; }

    /// <summary>The layout of the rollups (grains, measures) they were built with; a newer app rebuilds older ones.</summary>
    public int FormatVersion { get; set; }
}

/// <summary>
/// A local day whose rollup rows are behind its raw rows: a large import commits its rows first and the rollups of
/// its days are rebuilt right after, in the background. Until then, queries over such a day read the raw rows.
/// </summary>
public class KpiRollupPendingDate
{
    public DateOnly LocalDate { get; set; }
}

/// <summary>
/// A calendar month whose month-only rollup rows (the grains kept per month, not per day) are missing: a change touched
/// some of its days, and those rows can only be summed from all of the month's contacts. Queries read such a month's
/// contacts for those grains until the rebuild of pending rollups sums the month again (once it has ended).
/// </summary>
public class KpiRollupStaleMonth
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
}
