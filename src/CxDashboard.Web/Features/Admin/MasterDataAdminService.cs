using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Admin;

/// <summary>The outcome of an admin change: done, or the reason it was refused (shown to the admin as is).</summary>
public sealed record AdminResult(bool Succeeded, string Message)
{
    public static AdminResult Done(string message) => new(true, message);
    public static AdminResult Refused(string message) => new(false, message);
}

/// <summary>Teams, contact reasons and KPI targets as the Admin pages change them, with the validation they need.</summary>
public sealed class MasterDataAdminService(CxDbContext db, IStringLocalizer<MasterDataAdminService> text)
{
    public async Task<AdminResult> AddTeamAsync(string name, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200) return AdminResult.Refused(text["A team needs a name of at most 200 characters."]);
        if (await db.Teams.AnyAsync(t => t.Name == name, ct)) return AdminResult.Refused(text["There is a team named {0} already.", name]);
        db.Teams.Add(new Team { Name = name });
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(text["Team {0} added.", name]);
    }

    public async Task<AdminResult> UpdateTeamAsync(int id, string name, bool isActive, CancellationToken ct = default)
    {
        var team = await db.Teams.FindAsync([id], ct);
        if (team is null) return AdminResult.Refused(text["No such team."]);
        name = name.Trim();
        if (name.Length is 0 or > 200) return AdminResult.Refused(text["A team needs a name of at most 200 characters."]);
        if (await db.Teams.AnyAsync(t => t.Name == name && t.Id != id, ct)) return AdminResult.Refused(text["There is a team named {0} already.", name]);
        team.Name = name;
        team.IsActive = isActive;
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(text["Team {0} saved.", name]);
    }

    public async Task<AdminResult> UpdateReasonAsync(int id, string name, int complexity, bool needsReview, CancellationToken ct = default)
    {
        var reason = await db.ContactReasons.FindAsync([id], ct);
        if (reason is null) return AdminResult.Refused(text["No such contact reason."]);
        name = name.Trim();
        if (name.Length is 0 or > 200) return AdminResult.Refused(text["A contact reason needs a name of at most 200 characters."]);
        if (complexity is < 1 or > 5) return AdminResult.Refused(text["Complexity is 1 (simple) to 5 (complex or emotional)."]);
        reason.Name = name;
        reason.Complexity = complexity;
        reason.NeedsReview = needsReview;
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(text["Contact reason {0} saved.", reason.Code]);
    }

    /// <summary>Sets the organisation's target (teamId null) or a team's override for one KPI.</summary>
    public async Task<AdminResult> SetTargetAsync(KpiKind kpi, int? teamId, double green, double amber, CancellationToken ct = default)
    {
        var definition = KpiDefinitions.Get(kpi);
        if (!double.IsFinite(green) || !double.IsFinite(amber)) return AdminResult.Refused(text["Thresholds must be numbers."]);
        if (definition.HigherIsBetter ? amber > green : amber < green)
            return AdminResult.Refused(definition.HigherIsBetter
                ? text["{0}: the amber threshold must be at or below the green one (higher is better).", definition.Name]
                : text["{0}: the amber threshold must be at or above the green one (lower is better).", definition.Name]);
        var (min, max) = definition.Unit switch
        {
            KpiUnit.Percent or KpiUnit.Index => (0.0, 100.0),
            KpiUnit.Points => (-100.0, 100.0),
            _ => (1.0, 5.0),
        };
        if (green < min || green > max || amber < min || amber > max)
            return AdminResult.Refused(text["{0}: thresholds must be between {1} and {2}.", definition.Name, min, max]);

        var target = await db.KpiTargets.SingleOrDefaultAsync(t => t.Kpi == kpi && t.TeamId == teamId, ct);
        if (target is null) db.KpiTargets.Add(target = new KpiTarget { Kpi = kpi, TeamId = teamId });
        target.Green = green;
        target.Amber = amber;
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(text["{0} target saved.", definition.Name]);
    }

    public async Task<AdminResult> RemoveTeamTargetAsync(KpiKind kpi, int teamId, CancellationToken ct = default)
    {
        var removed = await db.KpiTargets.Where(t => t.Kpi == kpi && t.TeamId == teamId).ExecuteDeleteAsync(ct);
        return removed > 0 ? AdminResult.Done(text["The team now follows the organisation's target."]) : AdminResult.Refused(text["No such team target."]);
    }
}
