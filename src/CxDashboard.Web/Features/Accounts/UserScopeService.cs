using System.Security.Claims;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Accounts;

/// <summary>
/// Turns the signed-in user into the <see cref="DataScope"/> every metric query is limited to: admins and
/// leadership see everything, a manager their scoped teams (all when none are set), an agent only their own
/// contacts. The broadest of a user's roles wins.
/// </summary>
public sealed class UserScopeService(CxDbContext db)
{
    public async Task<DataScope> ScopeForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return DataScope.Nothing;
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Leadership)) return DataScope.Everything;

        if (user.IsInRole(Roles.Manager))
        {
            var teams = await db.UserTeamScopes.Where(s => s.UserId == userId).Select(s => s.TeamId).ToListAsync(ct);
            return teams.Count == 0 ? DataScope.Everything : DataScope.Teams(teams);
        }
        if (user.IsInRole(Roles.Agent))
        {
            var agentId = await db.Agents.Where(a => a.UserId == userId).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            return agentId is { } id ? DataScope.Agent(id) : DataScope.Nothing;
        }
        return DataScope.Nothing;
    }
}
