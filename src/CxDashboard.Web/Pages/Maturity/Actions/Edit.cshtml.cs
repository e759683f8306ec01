using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Actions;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Rounds;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Maturity.Actions;

/// <summary>Adds an action (/Maturity/Actions/Edit?capability=…&amp;round=…) or edits one (/Maturity/Actions/{id}).</summary>
[Authorize(Policy = Policies.RateMaturity)]
public class EditModel(ImprovementActionService actions, MaturityModelService models, MaturityRoundService rounds, IStringLocalizer<EditModel> text) : PageModel
{
    [BindProperty] public string? CapabilityKey { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? OwnerUserId { get; set; }
    [BindProperty] public DateOnly? DueDate { get; set; }
    [BindProperty] public ImprovementActionStatus Status { get; set; } = ImprovementActionStatus.Open;
    [BindProperty] public int? RoundId { get; set; }
    [TempData] public string? Message { get; set; }

    public int? Id { get; private set; }
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public MaturityModelDefinition Model { get; private set; } = null!;
    public IReadOnlyList<RaterChoice> Owners { get; private set; } = [];
    public IReadOnlyList<MaturityRoundSummary> Rounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, string? capability, int? round, CancellationToken ct)
    {
        Id = id;
        if (id is { } existingId)
        {
            var action = await actions.GetAsync(existingId, ct);
            if (action is null) return NotFound();
            (CapabilityKey, Title, Notes, OwnerUserId, DueDate, Status, RoundId) =
                (action.CapabilityKey, action.Title, action.Notes, action.OwnerUserId, action.DueDate, action.Status, action.RoundId);
        }
        else
        {
            (CapabilityKey, RoundId) = (capability, round);
            DueDate = (await actions.TodayAsync(ct)).AddMonths(3);
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var form = new ImprovementActionForm
        {
            CapabilityKey = CapabilityKey, Title = Title, Notes = Notes, OwnerUserId = OwnerUserId, DueDate = DueDate, Status = Status, RoundId = RoundId,
        };
        var result = id is { } existingId ? await actions.UpdateAsync(existingId, form, ct) : await actions.CreateAsync(form, ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            await LoadChoicesAsync(ct);
            return Page();
        }
        Message = id is null ? text["The action is added."] : text["The action is saved."];
        return Redirect($"/Maturity/Capabilities/{CapabilityKey}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Model = (await models.GetCurrentAsync(ct)).Definition;
        Owners = await actions.OwnerChoicesAsync(ct);
        Rounds = await rounds.ListAsync(ct);
    }
}
