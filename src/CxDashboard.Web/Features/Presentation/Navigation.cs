using CxDashboard.Web.Features.Accounts;

namespace CxDashboard.Web.Features.Presentation;

public sealed record NavigationSection(string Label, string Path, string Policy);

/// <summary>The top bar's sections; each is shown only to roles that may use it.</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavigationSection> Sections =
    [
        new("Dashboard", "/", Policies.ViewKpis),
        new("Callbacks", "/Callbacks", Policies.WorkCallbacks),
        new("Coaching", "/Coaching", Policies.Coach),
        new("Maturity", "/Maturity", Policies.ViewMaturity),
        new("Engagement", "/Engagement", Policies.ViewEngagement),
        new("Import", "/Import", Policies.ManageData),
        new("Admin", "/Admin", Policies.Admin),
    ];
}
