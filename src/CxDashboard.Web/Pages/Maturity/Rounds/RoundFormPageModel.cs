using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Maturity.Rounds;

/// <summary>What the open-a-round and edit-a-round pages share: the posted fields and the form they show.</summary>
public abstract class RoundFormPageModel(MaturityRoundService rounds) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public DateOnly? AssessedOn { get; set; }
    [BindProperty] public List<string> Raters { get; set; } = [];
    [BindProperty] public Dictionary<string, int?> Targets { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public MaturityRoundFormView Form { get; private set; } = null!;

    protected MaturityRoundService Rounds { get; } = rounds;

    protected MaturityRoundForm Posted => new() { Name = Name, AssessedOn = AssessedOn, RaterUserIds = Raters, Targets = Targets };

    protected async Task ShowFormAsync(MaturityModelDefinition model, IReadOnlySet<string> submittedRaters,
        IReadOnlyDictionary<string, string> errors, string submitLabel, CancellationToken ct) =>
        Form = new MaturityRoundFormView(Name, AssessedOn, await Rounds.RaterChoicesAsync(ct), Raters.ToHashSet(), submittedRaters,
            model, Targets, errors, submitLabel);
}
