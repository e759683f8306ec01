using CxDashboard.Web.Features.Accounts;
using Hangfire.Dashboard;

namespace CxDashboard.Web.Hosting;

/// <summary>The Hangfire dashboard shows job arguments and can trigger jobs: administrators only.</summary>
public sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(Roles.Admin);
}
