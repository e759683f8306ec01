using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Dashboard;

[Authorize]
public class IndexModel(DashboardService dashboard, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? Team { get; set; }
    [BindProperty(SupportsGet = true)] public int? Agent { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public int? Reason { get; set; }

    public DashboardView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ViewKpis)).Succeeded)
        {
            // Callback staff start on their worklist; anyone else without KPI access is told why.
            return User.IsInRole(Roles.Callback) ? Redirect("/Callbacks") : RedirectToPage("/Account/AccessDenied");
        }
        View = await dashboard.BuildAsync(new DashboardFilter
        {
            Period = Period, From = From, To = To, Team = Team, Agent = Agent, Channel = Channel, Reason = Reason,
        }, User, ct);
        return Page();
    }
}
