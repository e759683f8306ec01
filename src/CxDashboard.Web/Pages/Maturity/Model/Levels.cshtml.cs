using System.Security.Claims;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Maturity.Model;

/// <summary>Edits the level names and the rating scale's explanation; saving creates a new model version.</summary>
[Authorize(Policy = Policies.Admin)]
public class LevelsModel(MaturityModelService models, IStringLocalizer<LevelsModel> text) : PageModel
{
    [BindProperty] public List<string?> NamesSv { get; set; } = [];
    [BindProperty] public List<string?> NamesEn { get; set; } = [];
    [BindProperty] public string? ScaleSv { get; set; }
    [BindProperty] public string? ScaleEn { get; set; }
    [BindProperty] public string? ChangeNote { get; set; }
    [TempData] public string? Message { get; set; }

    public MaturityModelSnapshot Current { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await models.GetCurrentAsync(ct);
        NamesSv = Current.Definition.Levels.Select(l => (string?)l.Name.Sv).ToList();
        NamesEn = Current.Definition.Levels.Select(l => (string?)l.Name.En).ToList();
        (ScaleSv, ScaleEn) = (Current.Definition.Scale.Sv, Current.Definition.Scale.En);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Current = await models.GetCurrentAsync(ct);
        var edited = MaturityModelEdits.WithLevelNames(Current.Definition, NamesSv, NamesEn, ScaleSv, ScaleEn);
        var result = await models.SaveAsync(edited, ChangeNote ?? "Edited level names", User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }
        Message = result.Unchanged ? text["Nothing changed: the model stays at its current version."] : text["Saved as model version {0}.", result.Saved!.Version];
        return Redirect("/Maturity/Model");
    }
}
