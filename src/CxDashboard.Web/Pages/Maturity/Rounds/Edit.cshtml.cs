using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Rounds;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Maturity.Rounds;

/// <summary>Changes an open round: name, date, raters (not those who submitted) and targets.</summary>
[Authorize(Policy = Policies.RateMaturity)]
public class EditModel(MaturityRoundService rounds, MaturityModelService models) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public DateOnly? AssessedOn { get; set; }
    [BindProperty] public List<string> Raters { get; set; } = [];
    [BindProperty] public Dictionary<string, int?> Targets { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public MaturityRoundFormView Form { get; private set; } = null!;
    public MaturityRoundSummary Round { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var round = await rounds.GetSummaryAsync(id, ct);
        if (round is null) return NotFound();
        if (!round.IsOpen) return Redirect($"/Maturity/Rounds/{id}");
        Name = round.Name;
        AssessedOn = round.AssessedOn;
        Raters = (await rounds.RaterProgressAsync(id, 0, ct)).Select(r => r.UserId).ToList();
        Targets = (await rounds.TargetsAsync(id, ct)).ToDictionary(t => t.Key, t => (int?)t.Value);
        await BuildFormAsync(round, new Dictionary<string, string>(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var round = await rounds.GetSummaryAsync(id, ct);
        if (round is null) return NotFound();
        var result = await rounds.UpdateAsync(id, new MaturityRoundForm { Name = Name, AssessedOn = AssessedOn, RaterUserIds = Raters, Targets = Targets }, ct);
        if (!result.Succeeded)
        {
            await BuildFormAsync(round, result.Errors, ct);
            return Page();
        }
        Message = "The round is saved.";
        return Redirect($"/Maturity/Rounds/{id}");
    }

    private async Task BuildFormAsync(MaturityRoundSummary round, IReadOnlyDictionary<string, string> errors, CancellationToken ct)
    {
        Round = round;
        var model = (await models.GetVersionAsync(round.ModelVersionId, ct))!;
        var submitted = (await rounds.RaterProgressAsync(round.Id, 0, ct)).Where(r => r.Submitted).Select(r => r.UserId).ToHashSet();
        Form = new MaturityRoundFormView(Name, AssessedOn, await rounds.RaterChoicesAsync(ct), Raters.ToHashSet(), submitted,
            model.Definition, Targets, errors, "Save the round");
    }
}
