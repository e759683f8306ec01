namespace CxDashboard.Web.Features.Accounts;

/// <summary>
/// What a user sees, in words, by the same rules as <see cref="UserScopeService"/> and the callback worklist: the broadest
/// role wins; the team scope limits managers only.
/// </summary>
public static class ScopeDescription
{
    public const string AllTeams = "All teams";
    public const string OwnScorecard = "Own scorecard only ({0})";
    public const string NoAgentLinked = "Nothing yet: no agent with this e-mail address";
    public const string AllCallbackCases = "Every callback case (no KPIs)";
    public const string Nothing = "Nothing (no role)";

    public static string For(IReadOnlyCollection<string> roles, IReadOnlyList<string> teams, string? agent)
    {
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Leadership)) return AllTeams;
        if (roles.Contains(Roles.Manager)) return teams.Count == 0 ? AllTeams : string.Join(", ", teams);
        if (roles.Contains(Roles.Agent)) return agent is null ? NoAgentLinked : string.Format(System.Globalization.CultureInfo.CurrentCulture, OwnScorecard, agent);
        if (roles.Contains(Roles.Callback)) return AllCallbackCases;
        return Nothing;
    }
}
