using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Accounts;

/// <summary>A filter (typed into an address or sent by a form) that names a team or person outside the user's scope.</summary>
public sealed class OutOfScopeException(string message) : RequestRefusedException(message, StatusCodes.Status403Forbidden);

/// <summary>
/// Checks the team and agent filters a request names against the user's scope before anything is measured: a team
/// outside the user's teams is refused naming the team, an agent outside them is refused without naming the person,
/// and an id that does not exist is refused as such. Every page, export and list that takes these filters starts here,
/// so nothing shows zeros labelled with a team the user may not see.
/// </summary>
public sealed class ScopedFilters(CxDbContext db)
{
    private static class Words
    {
        public const string NoSuchTeam = "There is no team with id {0}.";
        public const string NoSuchAgent = "There is no agent with id {0}.";
        public const string TeamOutside = "Team {0} is outside your teams.";
        /// <summary>For a team whose name already says "Team …" (e.g. "Team Sundsvall").</summary>
        public const string NamedTeamOutside = "{0} is outside your teams.";
        public const string AgentOutside = "This agent is outside your teams.";
    }

    /// <summary>Refuses a team filter the scope does not allow; no filter passes.</summary>
    public Task CheckTeamAsync(int? teamId, DataScope scope, CancellationToken ct = default) =>
        CheckTeamAsync(teamId, id => Allows(scope, id), ct);

    /// <summary>Refuses a team filter outside <paramref name="allowedTeams"/> (null: every team).</summary>
    public Task CheckTeamAsync(int? teamId, IReadOnlySet<int>? allowedTeams, CancellationToken ct = default) =>
        CheckTeamAsync(teamId, id => allowedTeams is null || allowedTeams.Contains(id), ct);

    private async Task CheckTeamAsync(int? teamId, Func<int, bool> allows, CancellationToken ct)
    {
        if (teamId is not { } id) return;
        var name = await db.Teams.AsNoTracking().Where(t => t.Id == id).Select(t => t.Name).FirstOrDefaultAsync(ct)
                   ?? throw new RequestRefusedException(Format(Words.NoSuchTeam, id));
        if (!allows(id))
            throw new OutOfScopeException(Format(name.StartsWith("Team ", StringComparison.OrdinalIgnoreCase) ? Words.NamedTeamOutside : Words.TeamOutside, name));
    }

    /// <summary>Refuses an agent filter outside the scope (an agent in no team is outside every team scope).</summary>
    public async Task CheckAgentAsync(int? agentId, DataScope scope, CancellationToken ct = default)
    {
        if (agentId is not { } id) return;
        var agent = await db.Agents.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.TeamId }).FirstOrDefaultAsync(ct)
                    ?? throw new RequestRefusedException(Format(Words.NoSuchAgent, id));
        var allowed = scope.IsUnrestricted || scope.AgentId == id || agent.TeamId is { } team && Allows(scope, team);
        if (!allowed) throw new OutOfScopeException(Words.AgentOutside);
    }

    private static bool Allows(DataScope scope, int teamId) => scope.IsUnrestricted || scope.AllowsTeam(teamId);

    private static string Format(string format, object arg) => string.Format(CultureInfo.InvariantCulture, format, arg);
}
