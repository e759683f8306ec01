using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Coaching;

/// <summary>
/// An agent's scorecard for a period: their KPIs against the team and the target with n, a 12-week trend beside the
/// team's, repeat-contact patterns by reason, their lowest-rated responses, coaching actions and alerts. Every query
/// runs inside the viewer's scope.
/// </summary>
public sealed class AgentScorecardService(
    CxDbContext db,
    KpiQueryService queries,
    KpiTargetService targetService,
    CoachingQueries responses,
    CoachingActionService actions,
    CoachingAlertService alerts,
    OrganisationSettingsService organisation,
    IOptions<CoachingOptions> options,
    TimeProvider clock)
{
    public const int TrendWeeks = 12;

    /// <summary>"Lowest-rated" lists dissatisfied and neutral answers only (CSAT 1–3), never a 4 or 5.</summary>
    public const int LowestRatedMaxCsat = 3;

    public static readonly IReadOnlyList<KpiKind> ScorecardKpis =
        [KpiKind.CsatPercent, KpiKind.CsatMean, KpiKind.SurveyFcrPercent, KpiKind.ContactFcrPercent, KpiKind.RepeatContactRate, KpiKind.Nps];

    public async Task<AgentScorecard> BuildAsync(AgentRef agent, DatePeriod period, CoachingViewer viewer, CancellationToken ct = default)
    {
        var scope = viewer.Scope;
        var settings = await organisation.GetAsync(ct);
        var query = new MetricQuery
        {
            From = period.From,
            To = period.To,
            AgentId = agent.Id,
            WindowDays = settings.RepeatWindowDays,
            AsOfUtc = clock.GetUtcNow().UtcDateTime,
        };
        var teamQuery = query with { AgentId = null, TeamId = agent.TeamId };
        var agentCounts = await queries.TotalsAsync(query, scope, ct);
        var (teamCounts, agentInTeam) = agent.TeamId is null
            ? (KpiCounts.Empty, KpiCounts.Empty)
            : (await queries.TotalsAsync(teamQuery, scope, ct), await queries.TotalsAsync(query with { TeamId = agent.TeamId }, scope, ct));
        var restOfTeam = teamCounts.Without(agentInTeam);
        var targets = await targetService.LoadAsync(ct);

        var kpis = ScorecardKpis.Select(kind => Kpi(kind, agentCounts, teamCounts, restOfTeam, targets, agent.TeamId)).ToList();
        var alertReport = await alerts.CheckAsync([agent], scope, withEvidence: true, ct);

        return new AgentScorecard
        {
            Agent = agent,
            Period = period,
            WindowDays = query.WindowDays,
            AgentCounts = agentCounts,
            TeamCounts = teamCounts,
            Kpis = kpis,
            Trend = await TrendAsync(query, teamQuery, agent.TeamId is not null, scope, ct),
            Pattern = RepeatPatternRules.Assess(agentInTeam, restOfTeam, options.Value.Patterns),
            Reasons = agent.TeamId is null ? [] : await ReasonPatternsAsync(query with { TeamId = agent.TeamId }, teamQuery, scope, ct),
            LowestRated = await responses.LowestRatedAsync(agent.Id, period, scope, options.Value.LowestRatedResponses, maxCsat: LowestRatedMaxCsat, ct: ct),
            Actions = await actions.ListAsync([agent.Id], ct: ct),
            Alerts = alertReport.Alerts,
            Shifts = alertReport.Shifts.GetValueOrDefault(agent.Id, []),
            AlertWindows = (alertReport.Recent, alertReport.Baseline),
            PatternRule = RepeatPatternRules.DescribeRule(options.Value.Patterns, query.WindowDays),
        };
    }

    public static ScorecardKpi Kpi(KpiKind kind, KpiCounts agent, KpiCounts team, KpiCounts restOfTeam, KpiTargets targets, int? teamId)
    {
        var definition = KpiDefinitions.Get(kind);
        var value = agent.ValueOf(kind);
        Proportion? Proportional(KpiCounts c) => kind switch
        {
            KpiKind.CsatPercent => c.Csat,
            KpiKind.SurveyFcrPercent => c.SurveyFcr,
            KpiKind.ContactFcrPercent => c.ContactFcr,
            KpiKind.RepeatContactRate => c.RepeatRate,
            _ => null,
        };
        var proportion = Proportional(agent);
        return new ScorecardKpi(kind, definition.Name, definition.Unit, value, agent.SampleOf(kind), proportion?.Interval,
            team.ValueOf(kind), team.SampleOf(kind), targets.For(kind, teamId), targets.Evaluate(kind, value, teamId),
            proportion is { } p && Proportional(restOfTeam) is { } rest ? ProportionTest.Compare(p, rest) : null);
    }

    /// <summary>Weekly buckets ending on the period's last day, agent and team side by side.</summary>
    private async Task<IReadOnlyList<TrendWeek>> TrendAsync(MetricQuery agentQuery, MetricQuery teamQuery, bool hasTeam, Metrics.DataScope scope, CancellationToken ct)
    {
        var to = agentQuery.To;
        var from = to.AddDays(-(7 * TrendWeeks - 1));
        var agentDays = await queries.ByDayAsync(agentQuery.ForPeriod(from, to), scope, ct);
        var teamDays = hasTeam ? await queries.ByDayAsync(teamQuery.ForPeriod(from, to), scope, ct) : [];
        return Enumerable.Range(0, TrendWeeks).Select(week =>
        {
            var start = from.AddDays(7 * week);
            var end = start.AddDays(6);
            KpiCounts Sum(Dictionary<DateOnly, KpiCounts> days) => KpiCounts.Sum(days.Where(d => d.Key >= start && d.Key <= end).Select(d => d.Value));
            return new TrendWeek(start, end, Sum(agentDays), Sum(teamDays));
        }).ToList();
    }

    /// <summary>Per contact reason: the agent's repeats and handle time against the rest of the team's, most excess repeats first.</summary>
    private async Task<IReadOnlyList<ReasonPattern>> ReasonPatternsAsync(MetricQuery agentInTeamQuery, MetricQuery teamQuery, Metrics.DataScope scope, CancellationToken ct)
    {
        var agent = await queries.ByReasonAsync(agentInTeamQuery, scope, ct);
        var team = await queries.ByReasonAsync(teamQuery, scope, ct);
        var reasons = await db.ContactReasons.AsNoTracking().ToDictionaryAsync(r => r.Id, r => (r.Code, r.Name), ct);
        return agent.Where(kv => kv.Value.Contacts > 0)
            .Select(kv =>
            {
                var teamCounts = team.GetValueOrDefault(kv.Key, KpiCounts.Empty);
                var (code, name) = reasons.GetValueOrDefault(kv.Key, ("?", $"Reason {kv.Key}"));
                return new ReasonPattern(code, name, kv.Value, teamCounts, RepeatPatternRules.Assess(kv.Value, teamCounts.Without(kv.Value), options.Value.Patterns));
            })
            .OrderByDescending(r => r.ExtraCameBack)
            .ToList();
    }
}
