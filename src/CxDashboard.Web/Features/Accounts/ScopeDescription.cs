namespace CxDashboard.Web.Features.Accounts;

/// <summary>
/// What a user sees, in words, by the same rules as <see cref="UserScopeService"/> and the callback worklist: the broadest
/// role wins; the team scope limits managers only.
/// </summary>
public static class ScopeDescription
{
    public static string For(IReadOnlyCollection<string> roles, IReadOnlyList<string> teams, string? agent)
    {
        var words = Presentation.Vocabulary.Current;
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Leadership)) return words["Scope.AllTeams"];
        if (roles.Contains(Roles.Manager)) return teams.Count == 0 ? words["Scope.AllTeams"] : string.Join(", ", teams);
        if (roles.Contains(Roles.Agent)) return agent is null ? words["Scope.NoAgentLinked"] : words.Format("Scope.OwnScorecard", agent);
        if (roles.Contains(Roles.Callback)) return words["Scope.AllCallbackCases"];
        return words["Scope.Nothing"];
    }
}
