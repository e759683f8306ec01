using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Accounts;

public sealed record UserAdminResult(bool Succeeded, IReadOnlyList<string> Errors, AppUser? User = null)
{
    public static UserAdminResult Failed(params string[] errors) => new(false, errors);
    public static UserAdminResult From(IdentityResult result, AppUser? user = null) =>
        new(result.Succeeded, result.Errors.Select(e => e.Description).ToList(), user);
}

/// <summary>Creating users, giving roles and team scopes, disabling: shared by the Admin pages and the CLI.</summary>
public sealed class UserAdminService(UserManager<AppUser> users, RoleManager<IdentityRole> roles, CxDbContext db, IStringLocalizer<UserAdminService> text)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    public async Task<UserAdminResult> CreateAsync(string email, string password, string displayName, IEnumerable<string> userRoles, IEnumerable<int> teamIds)
    {
        var roleList = userRoles.ToList();
        var unknown = roleList.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0) return UserAdminResult.Failed(text["Unknown role(s): {0}. Roles: {1}.", string.Join(", ", unknown), string.Join(", ", Roles.All)]);
        if (await users.FindByEmailAsync(email) is not null) return UserAdminResult.Failed(text["A user with e-mail {0} exists already.", email]);
        var teams = teamIds.Distinct().ToList();
        var knownTeams = await db.Teams.Where(t => teams.Contains(t.Id)).Select(t => t.Id).ToListAsync();
        if (knownTeams.Count != teams.Count) return UserAdminResult.Failed(text["Unknown team in the team scope."]);

        await EnsureRolesAsync();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return UserAdminResult.From(created);
        var added = await users.AddToRolesAsync(user, roleList);
        if (!added.Succeeded) return UserAdminResult.From(added);
        await SetTeamScopeAsync(user, teams);
        await LinkAgentAsync(user);
        return new UserAdminResult(true, [], user);
    }

    public async Task<UserAdminResult> UpdateAsync(string userId, string displayName, IEnumerable<string> userRoles, IEnumerable<int> teamIds, bool disabled)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return UserAdminResult.Failed(text["No such user."]);
        var wanted = userRoles.Where(Roles.All.Contains).ToHashSet();
        var current = (await users.GetRolesAsync(user)).ToHashSet();
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));

        var wasDisabled = user.IsDisabled;
        user.DisplayName = displayName;
        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        await SetTeamScopeAsync(user, teamIds.Distinct().ToList());
        // A new security stamp signs the user out everywhere when they are disabled or their roles change.
        if (disabled != wasDisabled || !wanted.SetEquals(current)) await users.UpdateSecurityStampAsync(user);
        return new UserAdminResult(true, [], user);
    }

    public async Task<UserAdminResult> ResetPasswordAsync(string userId, string newPassword)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return UserAdminResult.Failed(text["No such user."]);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return UserAdminResult.From(await users.ResetPasswordAsync(user, token, newPassword), user);
    }

    private async Task SetTeamScopeAsync(AppUser user, List<int> teamIds)
    {
        var existing = await db.UserTeamScopes.Where(s => s.UserId == user.Id).ToListAsync();
        db.UserTeamScopes.RemoveRange(existing.Where(s => !teamIds.Contains(s.TeamId)));
        foreach (var teamId in teamIds.Where(t => existing.All(s => s.TeamId != t)))
            db.UserTeamScopes.Add(new UserTeamScope { UserId = user.Id, TeamId = teamId });
        await db.SaveChangesAsync();
    }

    /// <summary>An agent whose e-mail matches the new user's becomes that user's scorecard.</summary>
    private async Task LinkAgentAsync(AppUser user)
    {
        var email = user.Email!.ToUpperInvariant();
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.UserId == null && a.Email != null && a.Email.ToUpper() == email);
        if (agent is null) return;
        agent.UserId = user.Id;
        await db.SaveChangesAsync();
    }
}
