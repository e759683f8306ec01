using System.Globalization;
using System.Security.Claims;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Presentation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Dashboard;

/// <summary>Builds the manager dashboard for a filter and a user: tiles, trends and breakdowns, all inside the user's scope.</summary>
public sealed class DashboardService(
    CxDbContext db,
    KpiQueryService queries,
    KpiTargetService targetService,
    UserScopeService scopes,
    ScopedFilters scopedFilters,
    OrganisationSettingsService organisation,
    IStringLocalizer<DashboardService> text,
    DashboardCache cache,
    KeptCharts charts,
    TimeProvider clock)
{
    public async Task<DashboardView> BuildAsync(DashboardFilter filter, ClaimsPrincipal user, CancellationToken ct = default)
    {
        // The page and its callback section run a score of statements on the request's context: one connection open for
        // all of them (closed with the context) instead of an open and a close each, which take the pool's lock every time.
        await db.Database.OpenConnectionAsync(ct);
        var (query, scope, period, presetKey) = await ResolveAsync(filter, user, ct);
        // Links keep what is on screen: a preset stays a preset (and follows today), custom dates stay dates.
        filter = filter with
        {
            Period = presetKey,
            From = presetKey == PeriodPresets.Custom ? period.From : null,
            To = presetKey == PeriodPresets.Custom ? period.To : null,
        };
        if (!cache.Enabled) return await ComputeAsync(filter, query, scope, period, presetKey, ct);

        // The version is read before the data, so figures computed now are never kept under a newer version.
        var key = new DashboardCacheKey(await DataVersions.CurrentAsync(db, ct), scope.Fingerprint, presetKey,
            period.From, period.To, filter.Team, filter.Agent, filter.Channel, filter.Reason, query.WindowDays,
            CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name);
        var cutoff = ContactRules.DecidableCutoff(query.WindowDays, query.AsOfUtc);
        if (cache.Find(key, query.AsOfUtc) is { } kept) return kept with { DecidableCutoffUtc = cutoff };
        var view = await ComputeAsync(filter, query, scope, period, presetKey, ct);
        cache.Keep(key, view, await queries.NextDecidabilityChangeAsync(query.WindowDays, query.AsOfUtc, ct));
        return view;
    }

    private async Task<DashboardView> ComputeAsync(DashboardFilter filter, MetricQuery query, DataScope scope, DatePeriod period, string presetKey, CancellationToken ct)
    {
        var time = await organisation.GetTimeAsync(ct);
        Channel? channel = query.Channel;
        var isAgentView = scope.AgentId is not null;
        var previousQuery = query.PreviousPeriod();

        var byDay = await queries.ByDayAsync(query, scope, ct);
        var totals = KpiCounts.Sum(byDay.Values);
        var previous = await queries.TotalsAsync(previousQuery, scope, ct);
        var byReason = await queries.ByReasonAsync(query, scope, ct);
        var byChannel = await queries.ByChannelAsync(query, scope, ct);
        var byTeam = isAgentView ? [] : await queries.ByTeamAsync(query, scope, ct);
        var byAgent = isAgentView ? [] : await queries.ByAgentAsync(query, scope, ct);
        var targets = await targetService.LoadAsync(ct);

        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        teams = teams.Where(t => scope.IsUnrestricted || scope.AllowsTeam(t.Id)).ToList();
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name, a.TeamId }).ToListAsync(ct);
        var reasons = await db.ContactReasons.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        var visibleAgents = agents.Where(a => scope.IsUnrestricted || (a.TeamId is { } t && scope.AllowsTeam(t)))
            .Where(a => filter.Team is null || a.TeamId == filter.Team).ToList();

        var teamForTargets = isAgentView ? null : filter.Team;
        var cutoff = ContactRules.DecidableCutoff(query.WindowDays, query.AsOfUtc);
        var (bucketName, bucketHeading, buckets) = Buckets(period);

        return new DashboardView
        {
            SummariesCatchingUp = await queries.HasPendingDayAsync(query.From, query.To, ct),
            Period = period,
            PreviousPeriod = query.Comparison,
            PresetKey = presetKey,
            Filter = filter,
            ScopeDescription = DescribeScope(scope, teams, isAgentView),
            TrendHeading = bucketHeading,
            IsAgentView = isAgentView,
            WindowDays = query.WindowDays,
            DecidableCutoffUtc = cutoff,
            TimeZone = time.TimeZone,
            Totals = totals,
            Tiles = Tiles(totals, previous, targets, teamForTargets, query.WindowDays),
            Trends = Trends(byDay, buckets, targets, teamForTargets),
            TrendBucketName = bucketName,
            Reasons = ReasonRows(byReason, reasons, totals.Contacts, filter),
            Channels = Channels.All.Where(byChannel.ContainsKey)
                .Select(c => new BreakdownRow(c.DisplayName(), byChannel[c], Link(filter, f => f with { Channel = c.Code() })))
                .ToList(),
            ChannelChartSvg = ChannelChart(byChannel, totals.Contacts),
            Teams = byTeam.OrderByDescending(kv => kv.Value.Contacts)
                .Select(kv => new BreakdownRow(
                    kv.Key == 0 ? text["No team (self-service)"] : teams.FirstOrDefault(t => t.Id == kv.Key)?.Name ?? text["Team #{0}", kv.Key],
                    kv.Value, kv.Key == 0 ? null : Link(filter, f => f with { Team = kv.Key, Agent = null }), kv.Key == 0 ? null : kv.Key))
                .ToList(),
            Agents = byAgent.Where(kv => kv.Key != 0).OrderByDescending(kv => kv.Value.Contacts)
                .Select(kv =>
                {
                    var agent = agents.FirstOrDefault(a => a.Id == kv.Key);
                    return new BreakdownRow(agent?.Name ?? text["Agent #{0}", kv.Key], kv.Value, Link(filter, f => f with { Agent = kv.Key }),
                        agent?.TeamId, teams.FirstOrDefault(t => t.Id == agent?.TeamId)?.Name, kv.Key);
                })
                .ToList(),
            Targets = targets,
            TeamChoices = teams.Select(t => new Choice(t.Id.ToString(CultureInfo.InvariantCulture), t.Name)).ToList(),
            AgentChoices = visibleAgents.Select(a => new Choice(a.Id.ToString(CultureInfo.InvariantCulture), a.Name)).ToList(),
            ReasonChoices = reasons.Select(r => new Choice(r.Id.ToString(CultureInfo.InvariantCulture), $"{r.Name} ({r.Code})")).ToList(),
            ChannelChoices = ChannelChoices.All,
            ActiveFilters = ActiveFilters(filter, teams, agents.Select(a => (a.Id, a.Name)).ToList(), reasons, channel, isAgentView),
        };
    }

    /// <summary>
    /// The metric query a dashboard filter stands for, within the user's scope: the period preset or custom dates
    /// resolved against today (and checked by <see cref="PeriodRule"/>), the team and agent filters refused when they lie
    /// outside the user's teams, and dropped for an agent (who only sees their own contacts). The dashboard and its
    /// Excel export both start here, so the workbook holds what the page shows.
    /// </summary>
    public async Task<DashboardQuery> ResolveAsync(DashboardFilter filter, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var scope = await scopes.ScopeForAsync(user, ct);
        var settings = await organisation.GetAsync(ct);
        var today = (await organisation.GetTimeAsync(ct)).Today(clock);

        var (period, presetKey) = PeriodPresets.Choose(filter.Period, filter.From, filter.To, today);

        var channel = Channels.TryParse(filter.Channel, out var parsedChannel) ? parsedChannel : (Channel?)null;
        var isAgentView = scope.AgentId is not null;
        if (!isAgentView)
        {
            await scopedFilters.CheckTeamAsync(filter.Team, scope, ct);
            await scopedFilters.CheckAgentAsync(filter.Agent, scope, ct);
        }
        var query = new MetricQuery
        {
            From = period.From,
            To = period.To,
            TeamId = isAgentView ? null : filter.Team,
            AgentId = isAgentView ? null : filter.Agent,
            Channel = channel,
            ReasonId = filter.Reason,
            WindowDays = settings.RepeatWindowDays,
            AsOfUtc = clock.GetUtcNow().UtcDateTime,
        };
        return new DashboardQuery(query, scope, period, presetKey);
    }

    private IReadOnlyList<KpiTile> Tiles(KpiCounts now, KpiCounts before, KpiTargets targets, int? teamId, int windowDays)
    {
        KpiTile Proportional(KpiKind kind, Proportion current, Proportion previous, string nLabel, string? note = null)
        {
            var definition = KpiDefinitions.Get(kind);
            var target = targets.For(kind, teamId);
            return new KpiTile
            {
                Kind = kind,
                Name = definition.Name,
                Value = Display.Percent(current.Percent),
                Definition = WithWindow(definition.Definition, windowDays),
                Target = Display.Target(definition, target),
                Status = TargetEvaluator.Evaluate(current.Percent, target, definition.HigherIsBetter),
                Change = Display.Change(current.Percent, previous.Percent, KpiUnit.Percent),
                PreviousValue = Display.Percent(previous.Percent),
                N = current.N,
                NLabel = nLabel,
                SmallSample = current.N is > 0 and < Proportion.SmallSampleThreshold,
                Interval = Display.Interval(current.Interval),
                Note = note,
            };
        }

        KpiTile Scored(KpiKind kind, double? current, double? previous, long n, string nLabel)
        {
            var definition = KpiDefinitions.Get(kind);
            var target = targets.For(kind, teamId);
            return new KpiTile
            {
                Kind = kind,
                Name = definition.Name,
                Value = Display.Value(current, definition.Unit),
                Definition = definition.Definition,
                Target = target is null ? null : $"≥ {Display.Value(target.Green, definition.Unit)}",
                Status = TargetEvaluator.Evaluate(current, target, definition.HigherIsBetter),
                Change = Display.Change(current, previous, definition.Unit),
                PreviousValue = Display.Value(previous, definition.Unit),
                N = n,
                NLabel = nLabel,
                SmallSample = n is > 0 and < Proportion.SmallSampleThreshold,
            };
        }

        return
        [
            new KpiTile
            {
                Name = text["Contacts"],
                Value = Display.Count(now.Contacts),
                Definition = text["All contacts started in the period (organisation time zone)."],
                Change = ContactChange(now.Contacts, before.Contacts),
                PreviousValue = Display.Count(before.Contacts),
                N = now.Contacts,
                NLabel = Vocabulary.Current["Sample.Contacts"],
                Note = text["{0} self-service · {1} bot→human", Display.Percent(now.SelfServiceShare.Percent), Display.Count(now.BotEscalations)],
            },
            Proportional(KpiKind.RepeatContactRate, now.RepeatRate, before.RepeatRate, Vocabulary.Current["Sample.Contacts"]),
            Proportional(KpiKind.ContactFcrPercent, now.ContactFcr, before.ContactFcr, Vocabulary.Current["Sample.Decidable"],
                now.FcrNotYetDecidable > 0 ? text["{0} contacts of the last {1} days are not yet decidable and left out.", Display.Count(now.FcrNotYetDecidable), windowDays].Value : null),
            Proportional(KpiKind.CsatPercent, now.Csat, before.Csat, Vocabulary.Current["Sample.Responses"]),
            Scored(KpiKind.CsatMean, now.CsatMean, before.CsatMean, now.Responses, Vocabulary.Current["Sample.Responses"]),
            Proportional(KpiKind.SurveyFcrPercent, now.SurveyFcr, before.SurveyFcr, Vocabulary.Current["Sample.Answered"]),
            Scored(KpiKind.Nps, now.Nps, before.Nps, now.NpsAnswered, Vocabulary.Current["Sample.Answered"]),
            new KpiTile
            {
                Name = text["Average handle time"],
                Value = Display.Duration(now.AverageHandleSeconds),
                Definition = text["Mean handling time of contacts that report one. Shown for context only: it is never a target, because short calls that make customers call back cost more."],
                Change = Vocabulary.Current.Minutes(Display.Change(now.AverageHandleSeconds / 60, before.AverageHandleSeconds / 60, KpiUnit.Score)),
                PreviousValue = Display.Duration(before.AverageHandleSeconds),
                N = now.ContactsWithHandleTime,
                NLabel = Vocabulary.Current["Sample.Contacts"],
                Note = text["Context, not a target."],
            },
        ];
    }

    /// <summary>A KPI definition with the repeat window's length in place of "W days" ("W dagar").</summary>
    private static string WithWindow(string definition, int windowDays) =>
        System.Text.RegularExpressions.Regex.Replace(definition, @"\bW(?= (days|dagar))", windowDays.ToString(CultureInfo.CurrentCulture));

    private static string ContactChange(long now, long before)
    {
        if (before == 0) return Display.NoValue;
        var percent = 100.0 * (now - before) / before;
        return (percent >= 0 ? "▲ " : "▼ ") + Math.Abs(percent).ToString("0.0", CultureInfo.CurrentCulture) + "\u00a0%";
    }

    /// <summary>Daily buckets up to a month, weekly (Monday–Sunday) up to half a year, monthly beyond.</summary>
    private (string Name, string Heading, IReadOnlyList<(string Label, DateOnly From, DateOnly To)> Buckets) Buckets(DatePeriod period)
    {
        var buckets = new List<(string, DateOnly, DateOnly)>();
        if (period.Days <= 31)
        {
            for (var d = period.From; d <= period.To; d = d.AddDays(1)) buckets.Add((d.ToString("MM-dd", CultureInfo.InvariantCulture), d, d));
            return (text["day"], text["Trends by day"], buckets);
        }
        if (period.Days <= 183)
        {
            var start = period.From;
            while (start <= period.To)
            {
                var end = start.AddDays(6 - ((int)start.DayOfWeek + 6) % 7);
                if (end > period.To) end = period.To;
                buckets.Add((text["w{0}", ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)).ToString("00", CultureInfo.InvariantCulture)], start, end));
                start = end.AddDays(1);
            }
            return (text["week"], text["Trends by week"], buckets);
        }
        for (var month = new DateOnly(period.From.Year, period.From.Month, 1); month <= period.To; month = month.AddMonths(1))
        {
            var from = month < period.From ? period.From : month;
            var to = month.AddMonths(1).AddDays(-1) > period.To ? period.To : month.AddMonths(1).AddDays(-1);
            buckets.Add((month.ToString("yyyy-MM", CultureInfo.InvariantCulture), from, to));
        }
        return (text["month"], text["Trends by month"], buckets);
    }

    private IReadOnlyList<TrendChart> Trends(
        IReadOnlyDictionary<DateOnly, KpiCounts> byDay, IReadOnlyList<(string Label, DateOnly From, DateOnly To)> buckets,
        KpiTargets targets, int? teamId)
    {
        var counts = buckets.Select(b => KpiCounts.Sum(byDay.Where(kv => kv.Key >= b.From && kv.Key <= b.To).Select(kv => kv.Value))).ToList();
        var labels = buckets.Select(b => b.Label).ToList();

        // Each series is drawn with its own KPI's target.
        TrendChart Chart(string title, string yLabel, params (KpiTrendSeries Series, KpiKind Kind)[] series)
        {
            var withTargets = series.Select(s => s.Series with { Target = targets.For(s.Kind, teamId)?.Green }).ToList();
            var percent = series.All(s => KpiDefinitions.Get(s.Kind).Unit == KpiUnit.Percent);
            var trend = KpiTrendCharts.Build(title, yLabel, labels, counts, withTargets, null, TrendWords.Current, percent);
            var svg = charts.Svg(KeptCharts.Fingerprint([trend.Fingerprint, TrendChartWidth, TrendChartHeight, trend.Description]),
                () => Charts.ToSvg(trend.CreatePlot(), TrendChartWidth, TrendChartHeight, trend.Description));
            return new TrendChart(title, svg, trend.Columns, trend.Rows);
        }

        return
        [
            Chart(text["CSAT and FCR"], "%", (KpiTrendSeries.Csat(text["CSAT %"]), KpiKind.CsatPercent),
                (KpiTrendSeries.SurveyFcr(text["Survey FCR %"]), KpiKind.SurveyFcrPercent), (KpiTrendSeries.ContactFcr(text["Contact-based FCR %"]), KpiKind.ContactFcrPercent)),
            Chart(text["Repeat-contact rate"], text["% of contacts"], (KpiTrendSeries.RepeatRate(text["Repeat-contact rate %"]), KpiKind.RepeatContactRate)),
            Chart(text["NPS"], text["NPS (−100 to 100)"], (KpiTrendSeries.Nps(text["NPS"]), KpiKind.Nps)),
        ];
    }

    /// <summary>The trend charts' drawn size; the page lays them out in columns at least this wide (<c>.chart-grid</c>), so they show at full scale.</summary>
    public const int TrendChartWidth = 560, TrendChartHeight = 300;

    private IReadOnlyList<ReasonRow> ReasonRows(IReadOnlyDictionary<int, KpiCounts> byReason, IReadOnlyList<ContactReason> reasons, long totalContacts, DashboardFilter filter) =>
        byReason.Select(kv =>
            {
                var reason = reasons.FirstOrDefault(r => r.Id == kv.Key);
                var share = totalContacts == 0 ? 0 : 100.0 * kv.Value.Contacts / totalContacts;
                var complexity = reason?.Complexity ?? 3;
                return new ReasonRow(kv.Key, reason?.Code ?? "?", reason?.Name ?? text["Reason #{0}", kv.Key], complexity, reason?.NeedsReview ?? false,
                    kv.Value, share, SelfServiceCandidates.IsCandidate(share, complexity),
                    Link(filter, f => f with { Reason = kv.Key }));
            })
            .OrderByDescending(r => r.Counts.Contacts)
            .ToList();

    private string ChannelChart(IReadOnlyDictionary<Channel, KpiCounts> byChannel, long total)
    {
        var bars = Channels.All.Select(c => (c.DisplayName(), total == 0 ? 0 : 100.0 * (byChannel.TryGetValue(c, out var k) ? k.Contacts : 0) / total)).ToList();
        var (title, valueLabel) = (text["Channel mix"].Value, text["% of contacts"].Value);
        var aria = text["Channel mix: {0}", string.Join(", ", bars.Select(b => $"{b.Item1} {b.Item2.ToString("0.0", CultureInfo.CurrentCulture)} %"))];
        return charts.Svg(KeptCharts.Fingerprint([title, valueLabel, aria, .. bars.SelectMany(b => new object[] { b.Item1, b.Item2 })]),
            () => Charts.ToSvg(Charts.BarPlot(title, valueLabel, bars), 480, 260, aria));
    }

    private static string Link(DashboardFilter filter, Func<DashboardFilter, DashboardFilter> change)
    {
        var f = change(filter);
        var parts = new List<string>();
        void Add(string key, object? value) { if (value is not null) parts.Add($"{key}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!)}"); }
        Add("period", f.Period);
        Add("from", f.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", f.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("team", f.Team);
        Add("agent", f.Agent);
        Add("channel", f.Channel);
        Add("reason", f.Reason);
        return "/?" + string.Join("&", parts);
    }

    public static string DescribeScope(DataScope scope, IReadOnlyList<Team> visibleTeams, bool isAgentView) =>
        Vocabulary.Current.Scope(isAgentView, scope.TeamIds is not null ? visibleTeams.Select(t => t.Name).ToList() : null);

    private IReadOnlyList<string> ActiveFilters(DashboardFilter filter, IReadOnlyList<Team> teams, IReadOnlyList<(int Id, string Name)> agents,
        IReadOnlyList<ContactReason> reasons, Channel? channel, bool isAgentView)
    {
        var active = new List<string>();
        if (!isAgentView && filter.Team is { } team) active.Add(text["team {0}", teams.FirstOrDefault(t => t.Id == team)?.Name ?? team.ToString(CultureInfo.InvariantCulture)]);
        if (!isAgentView && filter.Agent is { } agent) active.Add(text["agent {0}", agents.FirstOrDefault(a => a.Id == agent).Name ?? agent.ToString(CultureInfo.InvariantCulture)]);
        if (channel is { } c) active.Add(text["channel {0}", c.DisplayName()]);
        if (filter.Reason is { } reason) active.Add(text["reason {0}", reasons.FirstOrDefault(r => r.Id == reason)?.Name ?? reason.ToString(CultureInfo.InvariantCulture)]);
        return active;
    }

}
