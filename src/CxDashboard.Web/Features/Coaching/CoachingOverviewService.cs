using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Dashboard;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Coaching;

public sealed record TeamOverviewRow(int TeamId, string Name, int Agents, KpiCounts Counts, int Alerts, int OpenActions, int OverdueActions);

/// <summary>The coaching start page: alerts across the viewer's agents, their teams, and the open coaching actions.</summary>
public sealed record CoachingOverview(
    string ScopeDescription,
    DatePeriod Period,
    CoachingAlertReport Alerts,
    IReadOnlyList<TeamOverviewRow> Teams,
    IReadOnlyList<CoachingActionView> OpenActions,
    KpiTargets Targets,
    string AlertRule);

public sealed record TeamAgentRow(AgentRef Agent, KpiCounts Counts, RepeatPattern Pattern, IReadOnlyList<MetricShift> Shifts, int OpenActions, int OverdueActions)
{
    public bool HasAlert => Shifts.Any(s => s.Verdict == ShiftVerdict.SignificantlyWorse);
}

/// <summary>One team's agents for a period, each against the rest of the team, with alerts and open actions.</summary>
public sealed record TeamCoachingView(
    int TeamId,
    string TeamName,
    DatePeriod Period,
    int WindowDays,
    KpiCounts Team,
    IReadOnlyList<TeamAgentRow> Agents,
    CoachingAlertReport Alerts,
    KpiTargets Targets,
    string PatternRule);

public sealed class CoachingOverviewService(
    CxDbContext db,
    CoachingAccess access,
    KpiQueryService queries,
    KpiTargetService targets,
    CoachingAlertService alerts,
    CoachingActionService actions,
    OrganisationSettingsService organisation,
    IOptions<CoachingOptions> options,
    TimeProvider clock)
{
    public async Task<CoachingOverview> OverviewAsync(CoachingViewer viewer, DatePeriod period, CancellationToken ct = default)
    {
        var agents = await access.AgentsAsync(viewer, ct: ct);
        var report = await alerts.CheckAsync(agents, viewer.Scope, withEvidence: true, ct);
        var open = await actions.ListAsync(agents.Select(a => a.Id).ToList(), activeOnly: true, ct);
        var byTeam = await queries.ByTeamAsync(await QueryAsync(period, ct), viewer.Scope, ct);
        var teams = (await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).ToListAsync(ct))
            .Where(t => viewer.MayViewTeam(t.Id)).ToList();

        var rows = teams.Select(team =>
        {
            var members = agents.Where(a => a.TeamId == team.Id).Select(a => a.Id).ToHashSet();
            var teamActions = open.Where(a => members.Contains(a.AgentId)).ToList();
            return new TeamOverviewRow(team.Id, team.Name, members.Count, byTeam.GetValueOrDefault(team.Id, KpiCounts.Empty),
                report.Alerts.Count(a => members.Contains(a.Agent.Id)), teamActions.Count, teamActions.Count(a => a.IsOverdue));
        }).ToList();
        return new CoachingOverview(DashboardService.DescribeScope(viewer.Scope, teams, viewer.OwnAgentId is not null), period, report, rows, open,
            await targets.LoadAsync(ct), CoachingAlertRules.DescribeRule(options.Value.Alerts));
    }

    /// <summary>The team's page; null when the team does not exist.</summary>
    public async Task<TeamCoachingView?> TeamAsync(int teamId, CoachingViewer viewer, DatePeriod period, CancellationToken ct = default)
    {
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return null;
        var query = (await QueryAsync(period, ct)) with { TeamId = teamId };
        var byAgent = await queries.ByAgentAsync(query, viewer.Scope, ct);
        var teamCounts = KpiCounts.Sum(byAgent.Values);
        var members = await access.AgentsAsync(viewer, teamId, ct);
        // Agents who left the team but handled its contacts in the period are listed too.
        var former = byAgent.Keys.Where(id => id != 0 && members.All(m => m.Id != id)).ToList();
        foreach (var id in former)
            if (await access.FindAgentAsync(id, ct) is { } agent) members = [.. members, agent];

        var report = await alerts.CheckAsync(members, viewer.Scope, withEvidence: false, ct);
        var open = await actions.ListAsync(members.Select(m => m.Id).ToList(), activeOnly: true, ct);
        var rows = members
            .Select(agent =>
            {
                var counts = byAgent.GetValueOrDefault(agent.Id, KpiCounts.Empty);
                var agentActions = open.Where(a => a.AgentId == agent.Id).ToList();
                return new TeamAgentRow(agent, counts, RepeatPatternRules.Assess(counts, teamCounts.Without(counts), options.Value.Patterns),
                    report.Shifts.GetValueOrDefault(agent.Id, []), agentActions.Count, agentActions.Count(a => a.IsOverdue));
            })
            .OrderByDescending(r => r.HasAlert).ThenByDescending(r => r.Counts.Contacts)
            .ToList();
        return new TeamCoachingView(team.Id, team.Name, period, query.WindowDays, teamCounts, rows, report, await targets.LoadAsync(ct),
            RepeatPatternRules.DescribeRule(options.Value.Patterns, query.WindowDays));
    }

    private async Task<MetricQuery> QueryAsync(DatePeriod period, CancellationToken ct) => new()
    {
        From = period.From,
        To = period.To,
        WindowDays = (await organisation.GetAsync(ct)).RepeatWindowDays,
        AsOfUtc = clock.GetUtcNow().UtcDateTime,
    };
}
