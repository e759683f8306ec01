using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Rounds;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Maturity.Rounds;

/// <summary>Changes an open round: name, date, raters (not those who submitted) and targets.</summary>
[Authorize(Policy = Policies.RateMaturity)]
public class EditModel(MaturityRoundService rounds, MaturityModelService models, IStringLocalizer<EditModel> text) : RoundFormPageModel(rounds)
{
    private const string SubmitLabel = "Save the round";

    public MaturityRoundSummary Round { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var round = await Rounds.GetSummaryAsync(id, ct);
        if (round is null) return NotFound();
        if (!round.IsOpen) return Redirect($"/Maturity/Rounds/{id}");
        Name = round.Name;
        AssessedOn = round.AssessedOn;
        Raters = (await Rounds.RaterProgressAsync(id, 0, ct)).Select(r => r.UserId).ToList();
        Targets = (await Rounds.TargetsAsync(id, ct)).ToDictionary(t => t.Key, t => (int?)t.Value);
        await ShowAsync(round, new Dictionary<string, string>(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var round = await Rounds.GetSummaryAsync(id, ct);
        if (round is null) return NotFound();
        var result = await Rounds.UpdateAsync(id, Posted, ct);
        if (!result.Succeeded)
        {
            await ShowAsync(round, result.Errors, ct);
            return Page();
        }
        Message = text["The round is saved."];
        return Redirect($"/Maturity/Rounds/{id}");
    }

    private async Task ShowAsync(MaturityRoundSummary round, IReadOnlyDictionary<string, string> errors, CancellationToken ct)
    {
        Round = round;
        var model = (await models.GetVersionAsync(round.ModelVersionId, ct))!;
        var submitted = (await Rounds.RaterProgressAsync(round.Id, 0, ct)).Where(r => r.Submitted).Select(r => r.UserId).ToHashSet();
        await ShowFormAsync(model.Definition, submitted, errors, SubmitLabel, ct);
    }
}
