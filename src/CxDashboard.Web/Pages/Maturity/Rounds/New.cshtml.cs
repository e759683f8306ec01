using System.Security.Claims;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Rounds;
using CxDashboard.Web.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Maturity.Rounds;

[Authorize(Policy = Policies.RateMaturity)]
public class NewModel(MaturityRoundService rounds, MaturityModelService models, OrganisationSettingsService organisation, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public DateOnly? AssessedOn { get; set; }
    [BindProperty] public List<string> Raters { get; set; } = [];
    [BindProperty] public Dictionary<string, int?> Targets { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public MaturityRoundFormView Form { get; private set; } = null!;
    public int ModelVersion { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var model = await models.GetCurrentAsync(ct);
        AssessedOn = (await organisation.GetTimeAsync(ct)).Today(clock);
        Targets = (await rounds.SuggestedTargetsAsync(model.Definition, ct)).ToDictionary(t => t.Key, t => (int?)t.Value);
        await BuildFormAsync(new Dictionary<string, string>(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await rounds.OpenAsync(new MaturityRoundForm { Name = Name, AssessedOn = AssessedOn, RaterUserIds = Raters, Targets = Targets },
            User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (!result.Succeeded)
        {
            await BuildFormAsync(result.Errors, ct);
            return Page();
        }
        Message = $"The round is open. The {Raters.Distinct().Count()} raters find it on the Maturity page.";
        return Redirect($"/Maturity/Rounds/{result.Id}");
    }

    private async Task BuildFormAsync(IReadOnlyDictionary<string, string> errors, CancellationToken ct)
    {
        var model = await models.GetCurrentAsync(ct);
        ModelVersion = model.Version;
        Form = new MaturityRoundFormView(Name, AssessedOn, await rounds.RaterChoicesAsync(ct), Raters.ToHashSet(), new HashSet<string>(),
            model.Definition, Targets, errors, "Open the round");
    }
}
