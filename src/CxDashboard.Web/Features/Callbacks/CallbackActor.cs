using System.Security.Claims;
using CxDashboard.Web.Features.Accounts;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>
/// Who works a case, and what they may see: callback staff and administrators see every case; a manager sees the
/// cases of their teams (all teams when none are set). Managers and administrators may assign and reassign.
/// </summary>
public sealed record CallbackActor(string UserId, string Name, bool CanManage, IReadOnlySet<int>? TeamIds)
{
    public bool SeesEverything => TeamIds is null;

    public bool MaySee(int? caseTeamId) => TeamIds is null || (caseTeamId is { } team && TeamIds.Contains(team));
}

public sealed class CallbackActorFactory(UserScopeService scopes)
{
    public async Task<CallbackActor> ForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
        var canManage = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager);
        IReadOnlySet<int>? teams = null;
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Callback))
        {
            var scope = await scopes.ScopeForAsync(user, ct);
            teams = scope.IsUnrestricted ? null : scope.TeamIds ?? new HashSet<int>();
        }
        return new CallbackActor(userId, user.DisplayName(), canManage, teams);
    }
}
