using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>The targets in force: a team's override where it has one, else the organisation's.</summary>
public sealed class KpiTargets(IReadOnlyDictionary<(KpiKind Kpi, int? TeamId), TargetThresholds> targets)
{
    public TargetThresholds? For(KpiKind kpi, int? teamId = null) =>
        teamId is { } team && targets.TryGetValue((kpi, team), out var teamTarget) ? teamTarget
        : targets.TryGetValue((kpi, null), out var organisationTarget) ? organisationTarget
        : null;

    public TargetStatus Evaluate(KpiKind kpi, double? value, int? teamId = null) =>
        TargetEvaluator.Evaluate(value, For(kpi, teamId), KpiDefinitions.Get(kpi).HigherIsBetter);
}

public sealed class KpiTargetService(CxDbContext db)
{
    public async Task<KpiTargets> LoadAsync(CancellationToken ct = default)
    {
        var rows = await db.KpiTargets.AsNoTracking().ToListAsync(ct);
        return new KpiTargets(rows.ToDictionary(t => (t.Kpi, t.TeamId), t => new TargetThresholds(t.Green, t.Amber)));
    }
}
