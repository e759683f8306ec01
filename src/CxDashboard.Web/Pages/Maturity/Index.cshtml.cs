using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Maturity;

[Authorize(Policy = Policies.ViewMaturity)]
public class IndexModel(MaturityPageQueries queries) : PageModel
{
    public MaturityOverview View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => View = await queries.OverviewAsync(User, ct);
}
