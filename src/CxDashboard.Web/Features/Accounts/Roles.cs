namespace CxDashboard.Web.Features.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Manager = "Manager";
    public const string Callback = "Callback";
    public const string Leadership = "Leadership";
    public const string Agent = "Agent";

    public static readonly IReadOnlyList<string> All = [Admin, Manager, Callback, Leadership, Agent];

    /// <summary>What the role may do, in the current language (the vocabulary).</summary>
    public static string Describe(string role) => All.Contains(role) ? Presentation.Vocabulary.Current.RoleDescription(role) : "";

    /// <summary>The role's name in the current language; the stored name is its code.</summary>
    public static string DisplayName(string role) => All.Contains(role) ? Presentation.Vocabulary.Current.Role(role) : role;
}

/// <summary>Authorization policies by what a page does, so a page names its purpose rather than a list of roles.</summary>
public static class Policies
{
    public const string ViewKpis = nameof(ViewKpis);

    /// <summary>Team engagement results: managers and leadership, never agents (even anonymous, they are about colleagues).</summary>
    public const string ViewEngagement = nameof(ViewEngagement);
    public const string Admin = nameof(Admin);
    public const string ManageData = nameof(ManageData);
    public const string WorkCallbacks = nameof(WorkCallbacks);
    public const string ManageCallbacks = nameof(ManageCallbacks);
    public const string ReadReports = nameof(ReadReports);
    public const string RateMaturity = nameof(RateMaturity);
    public const string ViewMaturity = nameof(ViewMaturity);
    public const string Coach = nameof(Coach);
    public const string ApiRead = nameof(ApiRead);
    public const string ApiWrite = nameof(ApiWrite);

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [ViewKpis] = [Roles.Admin, Roles.Manager, Roles.Leadership, Roles.Agent],
        [ViewEngagement] = [Roles.Admin, Roles.Manager, Roles.Leadership],
        [Admin] = [Roles.Admin],
        [ManageData] = [Roles.Admin, Roles.Manager],
        [WorkCallbacks] = [Roles.Admin, Roles.Manager, Roles.Callback],
        [ManageCallbacks] = [Roles.Admin, Roles.Manager],
        [ReadReports] = [Roles.Admin, Roles.Manager, Roles.Leadership],
        // Managers run rounds, rate and own improvement actions; leadership reads the results.
        [RateMaturity] = [Roles.Admin, Roles.Manager],
        [ViewMaturity] = [Roles.Admin, Roles.Manager, Roles.Leadership],
        [Coach] = [Roles.Admin, Roles.Manager, Roles.Agent],
    };
}
