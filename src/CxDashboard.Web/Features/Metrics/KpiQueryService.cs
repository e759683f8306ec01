using System.Linq.Expressions;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics.Rollups;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>
/// Computes <see cref="KpiCounts"/> for a <see cref="MetricQuery"/> within a <see cref="DataScope"/>, as totals or
/// broken down by one dimension. Filters and scope choose the contacts measured; the repeat and FCR rules look at
/// all of a customer's contacts through the gaps stored on each contact (see <see cref="ContactTimeline"/>).
/// </summary>
public sealed class KpiQueryService(CxDbContext db, OrganisationSettingsService organisation, KeptKpiCounts kept)
{
    public async Task<KpiCounts> TotalsAsync(MetricQuery query, DataScope scope, CancellationToken ct = default)
    {
        var byConstant = await AggregateAsync(query, scope, KeyDimension.None, c => 1, r => 1, ct);
        return byConstant.TryGetValue(1, out var counts) ? counts : KpiCounts.Empty;
    }

    /// <summary>Breakdowns by one dimension. Team and agent id 0 means "none" (e.g. self-service contacts).</summary>
    public Task<Dictionary<int, KpiCounts>> ByTeamAsync(MetricQuery q, DataScope s, CancellationToken ct = default) =>
        AggregateAsync(q, s, KeyDimension.Team, c => c.TeamId ?? 0, r => r.TeamId ?? 0, ct);

    public Task<Dictionary<int, KpiCounts>> ByAgentAsync(MetricQuery q, DataScope s, CancellationToken ct = default) =>
        AggregateAsync(q, s, KeyDimension.Agent, c => c.AgentId ?? 0, r => r.AgentId ?? 0, ct);

    public Task<Dictionary<Channel, KpiCounts>> ByChannelAsync(MetricQuery q, DataScope s, CancellationToken ct = default) =>
        AggregateAsync(q, s, KeyDimension.Channel, c => c.Channel, r => r.Channel!.Value, ct);

    public Task<Dictionary<int, KpiCounts>> ByReasonAsync(MetricQuery q, DataScope s, CancellationToken ct = default) =>
        AggregateAsync(q, s, KeyDimension.Reason, c => c.ReasonId, r => r.ReasonId ?? 0, ct);

    public Task<Dictionary<DateOnly, KpiCounts>> ByDayAsync(MetricQuery q, DataScope s, CancellationToken ct = default) =>
        AggregateAsync(q, s, KeyDimension.Day, c => c.LocalDate, r => r.LocalDate, ct);

    /// <summary>Off: every query reads the raw rows. Tests compare both ways; the benchmark measures both.</summary>
    public bool UseRollups { get; set; } = true;

    /// <summary>
    /// Counts at the query's as-of time. Only contact-based FCR changes with the clock alone, and only through the
    /// contacts of the one local day that is partly decidable (the day the decidable cutoff falls in). So the counts are
    /// computed, and kept per data version, as of the moment that day began, and that day's contacts decidable since
    /// then are added from memory: a figure asked again moments later costs no query, and is still exact to the tick.
    /// Inside a transaction nothing is kept (its version may yet be rolled back).
    /// </summary>
    private async Task<Dictionary<TKey, KpiCounts>> AggregateAsync<TKey>(MetricQuery query, DataScope scope, KeyDimension key,
        Expression<Func<Contact, TKey>> contactKey, Expression<Func<KpiRollup, TKey>> rollupKey, CancellationToken ct) where TKey : notnull
    {
        if (scope.SeesNothing || query.To < query.From) return [];
        if (!kept.Enabled || db.Database.CurrentTransaction is not null) return await ComputeAsync(query, scope, key, contactKey, rollupKey, ct);

        var time = await organisation.GetTimeAsync(ct);
        var windowTicks = ContactRules.WindowTicks(query.WindowDays);
        var cutoff = ContactRules.DecidableCutoff(query.WindowDays, query.AsOfUtc);
        var partlyDecidableDay = time.LocalDateOf(cutoff);
        var dayStartUtc = time.StartOfDayUtc(partlyDecidableDay);
        // As of the day's start, its cutoff is the day's first instant: every earlier day is wholly decidable, this one not yet.
        var atDayStart = query with { AsOfUtc = new DateTime(dayStartUtc.Ticks + windowTicks, DateTimeKind.Utc) };

        var version = await DataVersions.CurrentAsync(db, ct);
        // What this scope read before a newer version (pending days, stale months) may be older than it: read again, so
        // counts kept under a version are never computed from anything older.
        if (_readAtVersion != version) (_readAtVersion, _pendingDates, _staleMonths, _rollupWindow) = (version, null, null, null);
        var keptKey = new KeptKpiKey(version, UseRollups, atDayStart, scope.Fingerprint, key, typeof(TKey));
        var entry = kept.Find<TKey>(keptKey) ?? kept.Keep(keptKey, await ComputeAsync(atDayStart, scope, key, contactKey, rollupKey, ct));
        var result = new Dictionary<TKey, KpiCounts>(entry.Counts);
        if (partlyDecidableDay < query.From || partlyDecidableDay > query.To || cutoff <= dayStartUtc) return result;

        var dayContacts = await kept.DayContactsAsync(version, partlyDecidableDay, () => db.Contacts.AsNoTracking()
            .Where(c => c.LocalDate == partlyDecidableDay)
            .Select(c => new Contact
            {
                ExternalId = "", StartedAtUtc = c.StartedAtUtc, LocalDate = c.LocalDate, TeamId = c.TeamId, AgentId = c.AgentId,
                Channel = c.Channel, ReasonId = c.ReasonId, NextGapTicks = c.NextGapTicks, NextSameReasonGapTicks = c.NextSameReasonGapTicks,
            }).ToListAsync(ct));
        var (measures, keyOf) = entry.Compiled(MeasuredContacts(query, scope), contactKey);
        foreach (var contact in dayContacts)
        {
            if (contact.StartedAtUtc <= dayStartUtc || !ContactRules.IsDecidable(contact.StartedAtUtc, query.WindowDays, query.AsOfUtc) || !measures(contact)) continue;
            var resolved = ContactRules.IsResolved(query.SameReasonOnly ? contact.NextSameReasonGapTicks : contact.NextGapTicks, query.WindowDays);
            var fcr = new KpiCounts { FcrDecidable = 1, FcrResolved = resolved ? 1 : 0 };
            var rowKey = keyOf(contact);
            result[rowKey] = result.TryGetValue(rowKey, out var earlier) ? earlier + fcr : fcr;
        }
        return result;
    }

    private async Task<Dictionary<TKey, KpiCounts>> ComputeAsync<TKey>(MetricQuery query, DataScope scope, KeyDimension key,
        Expression<Func<Contact, TKey>> contactKey, Expression<Func<KpiRollup, TKey>> rollupKey, CancellationToken ct) where TKey : notnull
    {
        var grain = RollupPlanner.ChooseGrain(query, scope, key);
        _rollupWindow ??= await db.UsableRollupWindowAsync(ct) ?? 0;
        if (!UseRollups || grain is not { } g || _rollupWindow != query.WindowDays) return await RawAggregateAsync(query, scope, contactKey, ct);

        // Days still waiting for their rollups after a large import are read from the raw rows, the rest from the
        // rollups: the counts add up across days, so the numbers are never behind the data and only those days cost more.
        // A month-only grain answers whole months; the days around them are read from the raw rows too.
        var parts = new List<(DateOnly From, DateOnly To, bool FromRollups)>();
        foreach (var (from, to, pending) in await SplitByPendingDaysAsync(query.From, query.To, ct))
        {
            if (pending || !g.MonthOnly) parts.Add((from, to, !pending));
            else parts.AddRange(RollupPlanner.MonthOnlyStretches(from, to, await LastWhollyDecidableDayAsync(query, ct), await StaleMonthsAsync(ct)));
        }

        var result = new Dictionary<TKey, KpiCounts>();
        foreach (var (from, to, fromRollups) in parts)
        {
            var part = query.ForPeriod(from, to);
            var counts = fromRollups
                ? await RollupAggregateAsync(part, scope, g.Grain, key, contactKey, rollupKey, ct)
                : await RawAggregateAsync(part, scope, contactKey, ct);
            if (result.Count == 0) result = counts;
            else foreach (var (rowKey, c) in counts) result[rowKey] = result.TryGetValue(rowKey, out var earlier) ? earlier + c : c;
        }
        return result;
    }

    /// <summary>The last local day whose every contact is decidable at the query's as-of time (see <see cref="ContactRules"/>).</summary>
    private async Task<DateOnly> LastWhollyDecidableDayAsync(MetricQuery query, CancellationToken ct) =>
        (await organisation.GetTimeAsync(ct)).LocalDateOf(ContactRules.DecidableCutoff(query.WindowDays, query.AsOfUtc)).AddDays(-1);

    private HashSet<DateOnly>? _staleMonths;

    private async Task<HashSet<DateOnly>> StaleMonthsAsync(CancellationToken ct) =>
        // Read once per request, as the pending days: a few rows at most.
        _staleMonths ??= [.. await db.KpiRollupStaleMonths.AsNoTracking().Select(m => m.Month).ToListAsync(ct)];

    private int? _rollupWindow;
    private SortedSet<DateOnly>? _pendingDates;
    private long? _readAtVersion;

    /// <summary>Above this many alternating stretches, a period with pending days is read from the raw rows in one query.</summary>
    private const int MaxStretches = 5;

    /// <summary>
    /// The period cut into stretches of days that wait for their rollups (pending) and days that do not, in order; the
    /// whole period as one pending stretch when the pending days are scattered over it.
    /// </summary>
    private async Task<List<(DateOnly From, DateOnly To, bool Pending)>> SplitByPendingDaysAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (!await HasPendingDayAsync(from, to, ct)) return [(from, to, false)];
        var pending = await PendingDatesAsync(ct);
        var stretches = new List<(DateOnly From, DateOnly To, bool Pending)>();
        var start = from;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var isPending = pending.Contains(day);
            var next = day.AddDays(1);
            if (next <= to && pending.Contains(next) == isPending) continue;
            stretches.Add((start, day, isPending));
            start = next;
        }
        return stretches.Count <= MaxStretches ? stretches : [(from, to, true)];
    }

    private async Task<SortedSet<DateOnly>> PendingDatesAsync(CancellationToken ct) =>
        // Read once per request (KpiQueryService is scoped): none at all outside the seconds after a large import.
        _pendingDates ??= [.. await db.KpiRollupPendingDates.AsNoTracking().Select(d => d.LocalDate).ToListAsync(ct)];

    /// <summary>
    /// The first as-of time at which contact-based FCR may change with the clock alone: when the next contact after the
    /// current cutoff becomes decidable (W days after it started). Only the cutoff's local day and the next are read;
    /// with no contact there, half a day on, which no contact of a later day can come before.
    /// </summary>
    public async Task<DateTime> NextDecidabilityChangeAsync(int windowDays, DateTime asOfUtc, CancellationToken ct = default)
    {
        var time = await organisation.GetTimeAsync(ct);
        var cutoff = ContactRules.DecidableCutoff(windowDays, asOfUtc);
        var day = time.LocalDateOf(cutoff);
        var nextDay = day.AddDays(1);
        var next = await db.Contacts.Where(c => c.LocalDate >= day && c.LocalDate <= nextDay && c.StartedAtUtc > cutoff)
            .MinAsync(c => (DateTime?)c.StartedAtUtc, ct);
        var horizon = cutoff.AddHours(12);
        var nextStart = next is { } found && found < horizon ? found : horizon;
        return new DateTime(nextStart.Ticks + ContactRules.WindowTicks(windowDays), DateTimeKind.Utc);
    }

    /// <summary>Whether a day of the period waits for its rollups after a large import (its figures are then read from the raw rows).</summary>
    public async Task<bool> HasPendingDayAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        from <= to && (await PendingDatesAsync(ct)).GetViewBetween(from, to).Count > 0;

    /// <summary>
    /// Sums rollup rows; contact-based FCR counts only days whose every contact is decidable, and the one day that
    /// is partly decidable at the as-of time is read from the raw contacts.
    /// </summary>
    private async Task<Dictionary<TKey, KpiCounts>> RollupAggregateAsync<TKey>(MetricQuery query, DataScope scope, RollupGrain grain,
        KeyDimension key, Expression<Func<Contact, TKey>> contactKey, Expression<Func<KpiRollup, TKey>> rollupKey, CancellationToken ct) where TKey : notnull
    {
        var cutoff = ContactRules.DecidableCutoff(query.WindowDays, query.AsOfUtc);
        var lastWhollyDecidableDay = await LastWhollyDecidableDayAsync(query, ct);
        var partlyDecidableDay = lastWhollyDecidableDay.AddDays(1);

        var result = new Dictionary<TKey, KpiCounts>();
        foreach (var segment in RollupPlanner.Segments(query, scope, grain, key, lastWhollyDecidableDay))
        {
            foreach (var (rowKey, counts) in await SumRollupsAsync(segment, rollupKey, query.SameReasonOnly, lastWhollyDecidableDay, ct))
                result[rowKey] = result.TryGetValue(rowKey, out var earlier) ? earlier + counts : counts;
        }

        if (partlyDecidableDay >= query.From && partlyDecidableDay <= query.To)
        {
            var windowTicks = ContactRules.WindowTicks(query.WindowDays);
            var partDay = query.ForPeriod(partlyDecidableDay, partlyDecidableDay);
            var partial = await db.Contacts.Where(MeasuredContacts(partDay, scope)).Where(c => c.StartedAtUtc <= cutoff)
                .GroupBy(contactKey)
                    .Select(g => new
                {
                    g.Key,
                    Decidable = g.Count(),
                    Resolved = g.Sum(c => c.NextGapTicks == null || c.NextGapTicks > windowTicks ? 1 : 0),
                    SameReasonResolved = g.Sum(c => c.NextSameReasonGapTicks == null || c.NextSameReasonGapTicks > windowTicks ? 1 : 0),
                }).ToListAsync(ct);
            foreach (var row in partial)
            {
                var fcr = new KpiCounts { FcrDecidable = row.Decidable, FcrResolved = query.SameReasonOnly ? row.SameReasonResolved : row.Resolved };
                result[row.Key] = result.TryGetValue(row.Key, out var existing) ? existing + fcr : fcr;
            }
        }
        return result;
    }

    private async Task<Dictionary<TKey, KpiCounts>> SumRollupsAsync<TKey>(Expression<Func<KpiRollup, bool>> rows,
        Expression<Func<KpiRollup, TKey>> rollupKey, bool sameReasonOnly, DateOnly lastWhollyDecidableDay, CancellationToken ct) where TKey : notnull
    {
        var sums = await db.KpiRollups.AsNoTracking().Where(rows).GroupBy(rollupKey).Select(g => new
        {
            g.Key,
            Contacts = g.Sum(r => r.Contacts),
            Repeats = g.Sum(r => r.Repeats),
            SameReasonRepeats = g.Sum(r => r.SameReasonRepeats),
            Decidable = g.Sum(r => r.LocalDate <= lastWhollyDecidableDay ? r.Contacts : 0),
            Resolved = g.Sum(r => r.LocalDate <= lastWhollyDecidableDay ? r.NotFollowed : 0),
            SameReasonResolved = g.Sum(r => r.LocalDate <= lastWhollyDecidableDay ? r.SameReasonNotFollowed : 0),
            WithHandleTime = g.Sum(r => r.WithHandleTime),
            HandleSeconds = g.Sum(r => r.HandleSeconds),
            BotEscalations = g.Sum(r => r.BotEscalations),
            SelfService = g.Sum(r => r.SelfService),
            Responses = g.Sum(r => r.Responses),
            CsatPositive = g.Sum(r => r.CsatPositive),
            CsatNegative = g.Sum(r => r.CsatNegative),
            CsatTotal = g.Sum(r => r.CsatTotal),
            FcrAnswered = g.Sum(r => r.FcrAnswered),
            FcrYes = g.Sum(r => r.FcrYes),
            NpsAnswered = g.Sum(r => r.NpsAnswered),
            Promoters = g.Sum(r => r.Promoters),
            Detractors = g.Sum(r => r.Detractors),
            WithComment = g.Sum(r => r.WithComment),
        }).ToListAsync(ct);

        return sums.ToDictionary(row => row.Key, row => new KpiCounts
        {
            Contacts = row.Contacts,
            RepeatContacts = sameReasonOnly ? row.SameReasonRepeats : row.Repeats,
            FcrDecidable = row.Decidable,
            FcrResolved = sameReasonOnly ? row.SameReasonResolved : row.Resolved,
            ContactsWithHandleTime = row.WithHandleTime,
            HandleSecondsTotal = row.HandleSeconds,
            BotEscalations = row.BotEscalations,
            SelfServiceContacts = row.SelfService,
            Responses = row.Responses,
            CsatPositive = row.CsatPositive,
            CsatNegative = row.CsatNegative,
            CsatScoreTotal = row.CsatTotal,
            SurveyFcrAnswered = row.FcrAnswered,
            SurveyFcrYes = row.FcrYes,
            NpsAnswered = row.NpsAnswered,
            NpsPromoters = row.Promoters,
            NpsDetractors = row.Detractors,
            ResponsesWithComment = row.WithComment,
        });
    }

    /// <summary>Counts straight from the contacts and responses: any window W, any filter combination.</summary>
    private async Task<Dictionary<TKey, KpiCounts>> RawAggregateAsync<TKey>(
        MetricQuery query, DataScope scope, Expression<Func<Contact, TKey>> key, CancellationToken ct) where TKey : notnull
    {
        var result = new Dictionary<TKey, KpiCounts>();
        if (scope.SeesNothing || query.To < query.From) return result;

        var measured = MeasuredContacts(query, scope);
        var windowTicks = ContactRules.WindowTicks(query.WindowDays);
        var decidableCutoff = ContactRules.DecidableCutoff(query.WindowDays, query.AsOfUtc);

        // The same comparisons as ContactRules.IsRepeat / IsDecidable / IsResolved, applied in SQL; "same reason only"
        // compares the same-reason gaps instead, for repeats and FCR alike.
        var contactRows = await db.Contacts.Where(measured).GroupBy(key).Select(g => new
        {
            g.Key,
            Contacts = g.Count(),
            Repeats = g.Sum(c => c.PrevGapTicks <= windowTicks ? 1 : 0),
            SameReasonRepeats = g.Sum(c => c.PrevSameReasonGapTicks <= windowTicks ? 1 : 0),
            Decidable = g.Sum(c => c.StartedAtUtc <= decidableCutoff ? 1 : 0),
            Resolved = g.Sum(c => c.StartedAtUtc <= decidableCutoff && (c.NextGapTicks == null || c.NextGapTicks > windowTicks) ? 1 : 0),
            SameReasonResolved = g.Sum(c => c.StartedAtUtc <= decidableCutoff && (c.NextSameReasonGapTicks == null || c.NextSameReasonGapTicks > windowTicks) ? 1 : 0),
            WithHandleTime = g.Sum(c => c.HandleSeconds != null ? 1 : 0),
            HandleSeconds = g.Sum(c => (long)(c.HandleSeconds ?? 0)),
            BotEscalations = g.Sum(c => c.EscalatedFromBot ? 1 : 0),
            SelfService = g.Sum(c => c.Channel == Channel.SelfService ? 1 : 0),
        }).ToListAsync(ct);

        foreach (var row in contactRows)
        {
            result[row.Key] = new KpiCounts
            {
                Contacts = row.Contacts,
                RepeatContacts = query.SameReasonOnly ? row.SameReasonRepeats : row.Repeats,
                FcrDecidable = row.Decidable,
                FcrResolved = query.SameReasonOnly ? row.SameReasonResolved : row.Resolved,
                ContactsWithHandleTime = row.WithHandleTime,
                HandleSecondsTotal = row.HandleSeconds,
                BotEscalations = row.BotEscalations,
                SelfServiceContacts = row.SelfService,
            };
        }

        var responseRows = await db.SurveyResponses
            .Where(r => r.Kind == SurveyResponseKind.PostContact)
            .Where(OnContact(measured))
            .GroupBy(OnContact(key))
            .Select(g => new
            {
                g.Key,
                Responses = g.Count(),
                CsatPositive = g.Sum(r => r.Csat >= 4 ? 1 : 0),
                CsatNegative = g.Sum(r => r.Csat <= 2 ? 1 : 0),
                CsatTotal = g.Sum(r => (long)r.Csat),
                FcrAnswered = g.Sum(r => r.Resolved != null ? 1 : 0),
                FcrYes = g.Sum(r => r.Resolved == true ? 1 : 0),
                NpsAnswered = g.Sum(r => r.Nps != null ? 1 : 0),
                Promoters = g.Sum(r => r.Nps >= 9 ? 1 : 0),
                Detractors = g.Sum(r => r.Nps <= 6 ? 1 : 0),
                WithComment = g.Sum(r => r.Comment != null && r.Comment != "" ? 1 : 0),
            }).ToListAsync(ct);

        foreach (var row in responseRows)
        {
            var responses = new KpiCounts
            {
                Responses = row.Responses,
                CsatPositive = row.CsatPositive,
                CsatNegative = row.CsatNegative,
                CsatScoreTotal = row.CsatTotal,
                SurveyFcrAnswered = row.FcrAnswered,
                SurveyFcrYes = row.FcrYes,
                NpsAnswered = row.NpsAnswered,
                NpsPromoters = row.Promoters,
                NpsDetractors = row.Detractors,
                ResponsesWithComment = row.WithComment,
            };
            result[row.Key] = result.TryGetValue(row.Key, out var contacts) ? contacts + responses : responses;
        }
        return result;
    }

    /// <summary>
    /// The contacts a query measures: its period, its filters and the user's scope. Every filter combination has one
    /// shape, its values parameters (a filter not set is a null parameter, which EF drops from the SQL it sends, so the
    /// statement is the one a shape of its own would give): EF compiles the query once, not once per combination.
    /// </summary>
    public static Expression<Func<Contact, bool>> MeasuredContacts(MetricQuery query, DataScope scope)
    {
        var (from, to, teamId, agentId, channel, reasonId) = (query.From, query.To, query.TeamId, query.AgentId, query.Channel, query.ReasonId);
        var ownAgentId = scope.AgentId;
        Expression<Func<Contact, bool>> predicate = c => c.LocalDate >= from && c.LocalDate <= to
            && (EF.Parameter(teamId) == null || c.TeamId == teamId)
            && (EF.Parameter(agentId) == null || c.AgentId == agentId)
            && (EF.Parameter(channel) == null || c.Channel == channel)
            && (EF.Parameter(reasonId) == null || c.ReasonId == reasonId)
            && (EF.Parameter(ownAgentId) == null || c.AgentId == ownAgentId);

        if (scope.SeesNothing) predicate = predicate.And(c => false);
        if (scope.TeamIds is { } teamIds)
        {
            var allowed = teamIds.ToList();
            predicate = predicate.And(c => c.TeamId != null && allowed.Contains(c.TeamId.Value));
        }
        return predicate;
    }

    /// <summary>Rewrites an expression over a contact into one over the response that rates it (r => f(r.Contact)).</summary>
    private static Expression<Func<SurveyResponse, TResult>> OnContact<TResult>(Expression<Func<Contact, TResult>> expression)
    {
        var response = Expression.Parameter(typeof(SurveyResponse), "r");
        var contact = Expression.Property(response, nameof(SurveyResponse.Contact));
        var body = new ParameterReplacer(expression.Parameters[0], contact).Visit(expression.Body);
        return Expression.Lambda<Func<SurveyResponse, TResult>>(body, response);
    }
}

public static class PredicateComposition
{
    public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var body = new ParameterReplacer(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, body), left.Parameters[0]);
    }
}

internal sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
}
