using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Coaching;

/// <summary>The alert check over a set of agents: each agent's shifts, the alerts, and how many could not be judged.</summary>
public sealed record CoachingAlertReport(
    DatePeriod Recent,
    DatePeriod Baseline,
    IReadOnlyDictionary<int, IReadOnlyList<MetricShift>> Shifts,
    IReadOnlyList<CoachingAlert> Alerts)
{
    public int AgentsChecked => Shifts.Count;
    public int AgentsTooFewToJudge => Shifts.Values.Count(s => s.All(x => x.Verdict == ShiftVerdict.TooFewToJudge));
}

/// <summary>
/// Just-in-time coaching alerts (see <see cref="CoachingAlertRules"/>), with the evidence a manager needs to open the
/// conversation: the agent's low-scored or unresolved responses in the recent window and the contact reasons the
/// change comes from.
/// </summary>
public sealed class CoachingAlertService(
    CxDbContext db,
    KpiQueryService queries,
    CoachingQueries responses,
    OrganisationSettingsService organisation,
    IOptions<CoachingOptions> options,
    TimeProvider clock)
{
    private const int EvidenceResponses = 5;
    private const int EvidenceReasons = 3;

    public async Task<CoachingAlertReport> CheckAsync(IReadOnlyList<AgentRef> agents, DataScope scope, bool withEvidence = true, CancellationToken ct = default)
    {
        var settings = await organisation.GetAsync(ct);
        var today = (await organisation.GetTimeAsync(ct)).Today(clock);
        var (recent, baseline) = CoachingAlertRules.Windows(today, options.Value.Alerts);
        var recentQuery = Query(recent, settings.RepeatWindowDays);
        var baselineQuery = Query(baseline, settings.RepeatWindowDays);
        var byAgentNow = await queries.ByAgentAsync(recentQuery, scope, ct);
        var byAgentBefore = await queries.ByAgentAsync(baselineQuery, scope, ct);
        var byTeamNow = await queries.ByTeamAsync(recentQuery, scope, ct);
        var byTeamBefore = await queries.ByTeamAsync(baselineQuery, scope, ct);

        var shifts = new Dictionary<int, IReadOnlyList<MetricShift>>();
        var alerts = new List<CoachingAlert>();
        foreach (var agent in agents)
        {
            var now = byAgentNow.GetValueOrDefault(agent.Id, KpiCounts.Empty);
            var before = byAgentBefore.GetValueOrDefault(agent.Id, KpiCounts.Empty);
            // The rest of the agent's team over the same weeks: the team's contacts without the agent's.
            var restNow = agent.TeamId is { } team ? byTeamNow.GetValueOrDefault(team, KpiCounts.Empty).Without(now) : null;
            var restBefore = agent.TeamId is { } t ? byTeamBefore.GetValueOrDefault(t, KpiCounts.Empty).Without(before) : null;
            var agentShifts = CoachingAlertRules.Assess(now, before, restNow, restBefore, options.Value.Alerts);
            shifts[agent.Id] = agentShifts;
            foreach (var shift in agentShifts.Where(s => s.Verdict == ShiftVerdict.SignificantlyWorse))
            {
                alerts.Add(withEvidence
                    ? await WithEvidenceAsync(agent, shift, recentQuery, baselineQuery, scope, ct)
                    : new CoachingAlert(agent, shift, recent, baseline, [], []));
            }
        }
        // The largest changes first.
        var ordered = alerts.OrderByDescending(a => Math.Abs(a.Shift.ChangePoints ?? 0)).ToList();
        return new CoachingAlertReport(recent, baseline, shifts, ordered);
    }

    private async Task<CoachingAlert> WithEvidenceAsync(AgentRef agent, MetricShift shift, MetricQuery recentQuery, MetricQuery baselineQuery,
        DataScope scope, CancellationToken ct)
    {
        var recent = new DatePeriod(recentQuery.From, recentQuery.To);
        var evidence = shift.Metric == CoachingMetric.Csat
            ? await responses.LowestRatedAsync(agent.Id, recent, scope, EvidenceResponses, maxCsat: 3, ct: ct)
            : await responses.LowestRatedAsync(agent.Id, recent, scope, EvidenceResponses, followedWithinDays: recentQuery.WindowDays, ct: ct);

        var now = await queries.ByReasonAsync(recentQuery with { AgentId = agent.Id }, scope, ct);
        var before = await queries.ByReasonAsync(baselineQuery with { AgentId = agent.Id }, scope, ct);
        var reasons = await db.ContactReasons.AsNoTracking().ToDictionaryAsync(r => r.Id, r => (r.Code, r.Name), ct);
        var measure = shift.Info.Measure;
        var worseSign = shift.Info.HigherIsBetter ? -1 : 1;
        var reasonShifts = now
            .Select(kv => (kv.Key, Recent: measure(kv.Value), Baseline: measure(before.GetValueOrDefault(kv.Key, KpiCounts.Empty))))
            .Where(r => r.Recent.N > 0)
            // How much of the change this reason carries: its change in points, weighted by how often it came up now.
            .OrderByDescending(r => ((r.Recent.Percent ?? 0) - (r.Baseline.Percent ?? r.Recent.Percent ?? 0)) * r.Recent.N * worseSign)
            .Take(EvidenceReasons)
            .Select(r => new ReasonShift(reasons.GetValueOrDefault(r.Key).Code ?? "?", reasons.GetValueOrDefault(r.Key).Name ?? $"Reason {r.Key}", r.Recent, r.Baseline))
            .ToList();
        return new CoachingAlert(agent, shift, recent, new DatePeriod(baselineQuery.From, baselineQuery.To), evidence, reasonShifts);
    }

    private MetricQuery Query(DatePeriod period, int windowDays) => new()
    {
        From = period.From,
        To = period.To,
        WindowDays = windowDays,
        AsOfUtc = clock.GetUtcNow().UtcDateTime,
    };
}
