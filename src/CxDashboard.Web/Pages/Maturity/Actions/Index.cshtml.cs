using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Actions;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Rounds;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Maturity.Actions;

[Authorize(Policy = Policies.ViewMaturity)]
public class IndexModel(ImprovementActionService actions, MaturityModelService models, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Capability { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<ImprovementActionView> Actions { get; private set; } = [];
    public MaturityModelDefinition Model { get; private set; } = null!;
    public IReadOnlyList<RaterChoice> Owners { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Model = (await models.GetCurrentAsync(ct)).Definition;
        var status = ImprovementActionStatusText.All.Cast<ImprovementActionStatus?>().FirstOrDefault(s => ImprovementActionStatusText.Code(s!.Value) == Status);
        Actions = await actions.ListAsync(new ImprovementActionFilter
        {
            CapabilityKey = string.IsNullOrEmpty(Capability) ? null : Capability,
            Status = status,
            OwnerUserId = string.IsNullOrEmpty(Owner) ? null : Owner,
            ActiveOnly = Status == "active",
            OverdueOnly = Overdue,
        }, ct);
        Owners = await actions.OwnerChoicesAsync(ct);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.RateMaturity)).Succeeded;
    }
}
