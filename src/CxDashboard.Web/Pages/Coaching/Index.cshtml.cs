using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Coaching;
using CxDashboard.Web.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CxDashboard.Web.Pages.Coaching;

/// <summary>Coaching alerts, teams and open coaching actions for a manager; an agent goes straight to their own scorecard.</summary>
[Authorize(Policy = Policies.Coach)]
public class IndexModel(CoachingAccess access, CoachingOverviewService overview, OrganisationSettingsService organisation, TimeProvider clock)
    : CoachingPageModel(access, organisation, clock)
{
    public CoachingOverview View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadViewerAndPeriodAsync(ct);
        if (!Viewer.CanManage)
        {
            return Viewer.OwnAgentId is { } own ? Redirect($"/Coaching/Agent/{own}") : Page();
        }
        View = await overview.OverviewAsync(Viewer, SelectedPeriod, ct);
        return Page();
    }
}
