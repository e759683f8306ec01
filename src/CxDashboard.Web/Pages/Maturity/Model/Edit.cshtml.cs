using System.Security.Claims;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Maturity.Model;

/// <summary>Edits one capability's names, definition, level texts, statements and KPI links; saving creates a new model version.</summary>
[Authorize(Policy = Policies.Admin)]
public class EditModel(MaturityModelService models, IStringLocalizer<EditModel> text) : PageModel
{
    /// <summary>Blank statement rows offered for adding statements.</summary>
    public const int BlankRows = 2;

    [BindProperty] public CapabilityEditInput Input { get; set; } = new();
    [BindProperty] public string? ChangeNote { get; set; }
    [TempData] public string? Message { get; set; }

    public MaturityModelSnapshot Current { get; private set; } = null!;
    public MaturityCapability Capability { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        Input = CapabilityEditInput.From(Capability);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        var edited = MaturityModelEdits.Apply(Current.Definition, key, Input);
        var result = await models.SaveCapabilityAsync(edited, ChangeNote ?? $"Edited {edited.Name.En}", User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }
        Message = result.Unchanged ? text["Nothing changed: the model stays at its current version."] : text["Saved as model version {0}. Rounds already opened keep their version.", result.Saved!.Version];
        return Redirect("/Maturity/Model");
    }

    private async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        Current = await models.GetCurrentAsync(ct);
        var capability = Current.Definition.Capability(key);
        if (capability is null) return false;
        Capability = capability;
        return true;
    }
}
