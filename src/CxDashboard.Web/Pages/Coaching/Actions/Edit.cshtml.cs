using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Coaching;
using CxDashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Coaching.Actions;

/// <summary>Edits a coaching action (status, what, due date); only a manager of the agent's team or an administrator.</summary>
[Authorize(Policy = Policies.Coach)]
public class EditModel(CoachingAccess access, CoachingActionService actions, IStringLocalizer<EditModel> text) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public KpiKind? Focus { get; set; }
    [BindProperty] public int? ReasonId { get; set; }
    [BindProperty] public DateOnly? DueDate { get; set; }
    [BindProperty] public CoachingActionStatus Status { get; set; }
    [TempData] public string? Message { get; set; }

    public CoachingActionView Action { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> ReasonChoices { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        (Title, Notes, Focus, ReasonId, DueDate, Status) = (Action.Title, Action.Notes, Action.FocusKpi, Action.ReasonId, Action.DueDate, Action.Status);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        var result = await actions.UpdateAsync(id, new CoachingActionForm
        {
            Title = Title, Notes = Notes, FocusKpi = Focus, ReasonId = ReasonId, DueDate = DueDate, Status = Status,
        }, ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Message = text["The coaching action \"{0}\" is saved ({1}).", Title!.Trim(), CoachingActionStatusText.Describe(Status).ToLower(System.Globalization.CultureInfo.CurrentCulture)];
        return Redirect($"/Coaching/Agent/{Action.AgentId}#actions");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await actions.GetAsync(id, ct) is not { } action) return NotFound();
        var agent = await access.FindAgentAsync(action.AgentId, ct);
        if (agent is null || !(await access.ViewerAsync(User, ct)).MayCoach(agent)) return Forbid();
        Action = action;
        ReasonChoices = await actions.ReasonChoicesAsync(ct);
        return null;
    }
}
