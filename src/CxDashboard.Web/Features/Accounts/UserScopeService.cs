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
    // A request asks several times (the page, its filters, the callback section): the scope is read once per user and
    // roles in this scope (a request, or one job run).
    private readonly Dictionary<(string UserId, string Roles), DataScope> _read = [];

    public async Task<DataScope> ScopeForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return DataScope.Nothing;
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Leadership)) return DataScope.Everything;

        var key = (userId, string.Join(",", user.FindAll(ClaimTypes.Role).Select(r => r.Value).Order(StringComparer.Ordinal)));
        if (_read.TryGetValue(key, out var known)) return known;
        return _read[key] = await ReadAsync(user, userId, ct);
    }

    private async Task<DataScope> ReadAsync(ClaimsPrincipal user, string userId, CancellationToken ct)
    {
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
