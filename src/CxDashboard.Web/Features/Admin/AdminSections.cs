namespace CxDashboard.Web.Features.Admin;

public sealed record AdminSection(string Title, string Path, string Description);

/// <summary>The cards of the Admin start page. Each feature adds its own settings page here.</summary>
public static class AdminSections
{
    public static readonly IReadOnlyList<AdminSection> All =
    [
        new("Users and roles", "/Admin/Users", "Create logins, give roles, limit managers to teams, disable accounts, reset passwords."),
        new("Teams", "/Admin/Teams", "Add, rename and retire teams."),
        new("Contact reasons", "/Admin/Reasons", "Name reasons, rate their complexity, review codes that imports created."),
        new("KPI targets", "/Admin/Targets", "Green and amber thresholds for the organisation, with overrides per team."),
        new("Organisation settings", "/Admin/Settings", "Name, time zone and the repeat window W."),
        new("Callback rules and calendar", "/Callbacks/Settings", "Which dissatisfied customers are flagged, working hours, holidays and the SLA."),
        new("Maturity model", "/Maturity/Model", "The nine capabilities, their levels and statements; each edit is a new version."),
        new("Background jobs", "/hangfire", "The scheduled jobs (flagging, escalation, monthly report, imports): runs, failures, retries."),
        new("API keys", "/Admin/ApiKeys", "Keys for systems that push records or read KPIs over /api/v1; revoke them here."),
        new("Engagement pulse links", "/Admin/Pulse", "Each team's anonymous pulse link, to share with the team or renew."),
    ];
}
