using System.Linq.Expressions;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Metrics.Rollups;

/// <summary>The dimension a query groups by; None for totals.</summary>
public enum KeyDimension
{
    None,
    Team,
    Agent,
    Channel,
    Reason,
    Day,
}

/// <summary>
/// Chooses the smallest rollup grain that holds every dimension a query filters, groups or is scoped by, and says
/// which rollup rows a query reads.
/// </summary>
public static class RollupPlanner
{
    /// <summary>
    /// The smallest stored grain holding these dimensions: a day grain when one does (the grains are listed smallest
    /// first), else a month-only grain, except for a breakdown by day, which month rows cannot answer; null when none
    /// does (the raw rows answer).
    /// </summary>
    internal static StoredGrain? ChooseGrain(MetricQuery query, DataScope scope, KeyDimension key)
    {
        var needed = new List<string>();
        if (query.TeamId is not null || scope.TeamIds is not null || key == KeyDimension.Team) needed.Add("TeamId");
        if (query.AgentId is not null || scope.AgentId is not null || key == KeyDimension.Agent) needed.Add("AgentId");
        if (query.Channel is not null || key == KeyDimension.Channel) needed.Add("Channel");
        if (query.ReasonId is not null || key == KeyDimension.Reason) needed.Add("ReasonId");
        var candidates = key == KeyDimension.Day ? KpiRollupWriter.DayGrains : KpiRollupWriter.DayGrains.Concat(KpiRollupWriter.MonthOnlyGrains);
        return candidates.FirstOrDefault(grain => needed.All(grain.Keeps));
    }

    /// <summary>
    /// For a month-only grain: a stretch of days cut into the whole calendar months its month rows answer (wholly
    /// decidable, so their FCR counts are final, and not stale) and the days before, between and after them, which the
    /// raw rows answer. Adjacent parts of one kind are joined.
    /// </summary>
    public static List<(DateOnly From, DateOnly To, bool FromRollups)> MonthOnlyStretches(DateOnly from, DateOnly to,
        DateOnly lastWhollyDecidableDay, IReadOnlySet<DateOnly> staleMonths)
    {
        var parts = new List<(DateOnly From, DateOnly To, bool FromRollups)>();
        void Add(DateOnly partFrom, DateOnly partTo, bool fromRollups)
        {
            if (parts.Count > 0 && parts[^1].FromRollups == fromRollups && parts[^1].To.AddDays(1) == partFrom) parts[^1] = (parts[^1].From, partTo, fromRollups);
            else parts.Add((partFrom, partTo, fromRollups));
        }
        var day = from;
        while (day <= to)
        {
            var monthStart = new DateOnly(day.Year, day.Month, 1);
            var monthEnd = monthStart.AddMonths(1).AddDays(-1);
            var partTo = monthEnd < to ? monthEnd : to;
            var whole = day == monthStart && partTo == monthEnd && monthEnd <= lastWhollyDecidableDay && !staleMonths.Contains(monthStart);
            Add(day, partTo, whole);
            day = partTo.AddDays(1);
        }
        return parts;
    }

    /// <summary>
    /// The rollup rows of one grain for a query's period, filters and scope, as up to three index-friendly
    /// segments: month rows for the calendar months that lie wholly inside the period and are wholly decidable (so
    /// their FCR counts are final), and day rows before and after them. A breakdown by day reads day rows only.
    /// </summary>
    internal static IReadOnlyList<Expression<Func<KpiRollup, bool>>> Segments(MetricQuery query, DataScope scope, RollupGrain grain, KeyDimension key, DateOnly lastWhollyDecidableDay)
    {
        var (from, to) = (query.From, query.To);
        var firstMonth = new DateOnly(from.Year, from.Month, 1) == from ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var lastDayOfMonths = to < lastWhollyDecidableDay ? to : lastWhollyDecidableDay;
        var afterMonths = new DateOnly(lastDayOfMonths.Year, lastDayOfMonths.Month, 1).AddMonths(1) == lastDayOfMonths.AddDays(1)
            ? lastDayOfMonths.AddDays(1)
            : new DateOnly(lastDayOfMonths.Year, lastDayOfMonths.Month, 1);

        var segments = new List<Expression<Func<KpiRollup, bool>>>();
        if (key == KeyDimension.Day || firstMonth >= afterMonths)
        {
            segments.Add(Rows(query, scope, grain, isMonth: false, from, to));
        }
        else
        {
            segments.Add(Rows(query, scope, grain, isMonth: true, firstMonth, afterMonths.AddMonths(-1)));
            if (from < firstMonth) segments.Add(Rows(query, scope, grain, isMonth: false, from, firstMonth.AddDays(-1)));
            if (afterMonths <= to) segments.Add(Rows(query, scope, grain, isMonth: false, afterMonths, to));
        }
        return segments;
    }

    /// <summary>
    /// Rows of one kind (day or month) in a date range, written so SQLite can seek the (grain, kind, date) indexes. One
    /// shape for every filter combination, as <see cref="KpiQueryService.MeasuredContacts"/>: EF compiles it once.
    /// </summary>
    private static Expression<Func<KpiRollup, bool>> Rows(MetricQuery query, DataScope scope, RollupGrain grain, bool isMonth, DateOnly from, DateOnly to)
    {
        var (teamId, agentId, channel, reasonId, ownAgentId) = (query.TeamId, query.AgentId, query.Channel, query.ReasonId, scope.AgentId);
        Expression<Func<KpiRollup, bool>> predicate = r => r.Grain == grain && r.IsMonth == isMonth && r.LocalDate >= from && r.LocalDate <= to
            && (EF.Parameter(teamId) == null || r.TeamId == teamId)
            && (EF.Parameter(agentId) == null || r.AgentId == agentId)
            && (EF.Parameter(channel) == null || r.Channel == channel)
            && (EF.Parameter(reasonId) == null || r.ReasonId == reasonId)
            && (EF.Parameter(ownAgentId) == null || r.AgentId == ownAgentId);
        if (scope.TeamIds is { } teamIds)
        {
            var allowed = teamIds.ToList();
            predicate = predicate.And(r => r.TeamId != null && allowed.Contains(r.TeamId.Value));
        }
        return predicate;
    }
}
