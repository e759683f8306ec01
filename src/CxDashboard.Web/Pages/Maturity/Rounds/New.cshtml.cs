using System.Security.Claims;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Rounds;
using CxDashboard.Web.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Maturity.Rounds;

[Authorize(Policy = Policies.RateMaturity)]
public class NewModel(MaturityRoundService rounds, MaturityModelService models, OrganisationSettingsService organisation, IStringLocalizer<NewModel> text, TimeProvider clock)
    : RoundFormPageModel(rounds)
{
    private const string SubmitLabel = "Open the round";

    public int ModelVersion { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var model = await models.GetCurrentAsync(ct);
        AssessedOn = (await organisation.GetTimeAsync(ct)).Today(clock);
        Targets = (await Rounds.SuggestedTargetsAsync(model.Definition, ct)).ToDictionary(t => t.Key, t => (int?)t.Value);
        await ShowAsync(new Dictionary<string, string>(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await Rounds.OpenAsync(Posted, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (!result.Succeeded)
        {
            await ShowAsync(result.Errors, ct);
            return Page();
        }
        Message = text["The round is open. The {0} raters find it on the Maturity page.", Raters.Distinct().Count()];
        return Redirect($"/Maturity/Rounds/{result.Id}");
    }

    private async Task ShowAsync(IReadOnlyDictionary<string, string> errors, CancellationToken ct)
    {
        var model = await models.GetCurrentAsync(ct);
        ModelVersion = model.Version;
        await ShowFormAsync(model.Definition, new HashSet<string>(), errors, SubmitLabel, ct);
    }
}
