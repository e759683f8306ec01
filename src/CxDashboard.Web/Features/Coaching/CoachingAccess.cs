using System.Security.Claims;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Coaching;

/// <summary>
/// Who may see and coach whom: managers their scoped teams' agents (every agent when they have no team scope),
/// administrators everyone, an agent only themselves. Checked on every page, handler and download, not only in links.
/// </summary>
public sealed record CoachingViewer(DataScope Scope, bool CanManage, string UserId)
{
    public int? OwnAgentId => Scope.AgentId;

    public bool MayView(AgentRef agent) =>
        !Scope.SeesNothing && (Scope.AgentId is { } own ? own == agent.Id : Scope.TeamIds is null || agent.TeamId is { } team && Scope.TeamIds.Contains(team));

    /// <summary>Team pages and team packs: managers and administrators of that team, never agents.</summary>
    public bool MayViewTeam(int teamId) => CanManage && Scope.AllowsTeam(teamId);

    public bool MayCoach(AgentRef agent) => CanManage && Scope.AgentId is null && MayView(agent);
}

public sealed class CoachingAccess(CxDbContext db, UserScopeService scopes)
{
    public async Task<CoachingViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken ct = default) => new(
        await scopes.ScopeForAsync(user, ct),
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager),
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");

    public Task<AgentRef?> FindAgentAsync(int agentId, CancellationToken ct = default) =>
        db.Agents.AsNoTracking().Where(a => a.Id == agentId)
            .Select(a => new AgentRef(a.Id, a.ExternalId, a.Name, a.TeamId, a.Team == null ? null : a.Team.Name))
            .FirstOrDefaultAsync(ct);

    /// <summary>Every agent the viewer may see, optionally of one team, active ones first by name.</summary>
    public async Task<IReadOnlyList<AgentRef>> AgentsAsync(CoachingViewer viewer, int? teamId = null, CancellationToken ct = default)
    {
        var query = db.Agents.AsNoTracking().Where(a => a.IsActive);
        if (teamId is { } team) query = query.Where(a => a.TeamId == team);
        var agents = await query.OrderBy(a => a.Name)
            .Select(a => new AgentRef(a.Id, a.ExternalId, a.Name, a.TeamId, a.Team == null ? null : a.Team.Name))
            .ToListAsync(ct);
        return agents.Where(viewer.MayView).ToList();
    }
}
