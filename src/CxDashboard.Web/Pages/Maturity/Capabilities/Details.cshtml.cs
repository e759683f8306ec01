using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Maturity.Capabilities;

[Authorize(Policy = Policies.ViewMaturity)]
public class DetailsModel(MaturityPageQueries queries, IAuthorizationService authorization) : PageModel
{
    public MaturityCapabilityPage View { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var view = await queries.CapabilityAsync(key, User, ct);
        if (view is null) return NotFound();
        View = view;
        CanManage = (await authorization.AuthorizeAsync(User, Policies.RateMaturity)).Succeeded;
        return Page();
    }
}
