using CxDashboard.Web.Features.Presentation;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Coaching;
using CxDashboard.Web.Features.Coaching.Packs;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Coaching;

/// <summary>An agent's scorecard: KPIs against team and target, trend, repeat patterns, lowest-rated responses, alerts and coaching actions.</summary>
[Authorize(Policy = Policies.Coach)]
public class AgentModel(
    CoachingAccess access,
    AgentScorecardService scorecards,
    CoachingActionService actions,
    CoachingPackService packs,
    ExportGate exports,
    OrganisationSettingsService organisation,
    IStringLocalizer<AgentModel> text,
    TimeProvider clock) : CoachingPageModel(access, organisation, clock)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty(SupportsGet = true)] public KpiKind? Focus { get; set; }
    [BindProperty] public int? ReasonId { get; set; }
    [BindProperty] public DateOnly? DueDate { get; set; }
    [TempData] public string? Message { get; set; }

    public AgentScorecard Card { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> ReasonChoices { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (agent, denied) = await AllowedAgentAsync(id, ct);
        if (agent is null) return denied!;
        DueDate = (await actions.TodayAsync(ct)).AddDays(14);
        await LoadAsync(agent, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddActionAsync(int id, CancellationToken ct)
    {
        var (agent, denied) = await AllowedAgentAsync(id, ct);
        if (agent is null) return denied!;
        if (!Viewer.MayCoach(agent)) return Forbid();
        var result = await actions.CreateAsync(agent.Id, new CoachingActionForm
        {
            Title = Title, Notes = Notes, FocusKpi = Focus, ReasonId = ReasonId, DueDate = DueDate, Status = CoachingActionStatus.Open,
        }, Viewer.UserId, ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(agent, ct);
            return Page();
        }
        Message = text["The coaching action \"{0}\" is added for {1}.", Title!.Trim(), agent.Name];
        return Redirect($"/Coaching/Agent/{agent.Id}?{PeriodQuery()}#actions");
    }

    /// <summary>The agent's coaching pack for the period on screen, as PDF or Excel.</summary>
    public async Task<IActionResult> OnGetPackAsync(int id, string? format, CancellationToken ct)
    {
        var (agent, denied) = await AllowedAgentAsync(id, ct);
        if (agent is null) return denied!;
        using var slot = exports.Enter(User);
        var file = await packs.AgentPackAsync(agent, Viewer, SelectedPeriod, CoachingPackService.ParseFormat(format), DocumentLanguage.OfRequest(), ct);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The agent when the viewer may see them; otherwise 404 (no such agent) or 403 (someone else's agent).</summary>
    private async Task<(AgentRef? Agent, IActionResult? Denied)> AllowedAgentAsync(int id, CancellationToken ct)
    {
        await LoadViewerAndPeriodAsync(ct);
        var agent = await Access.FindAgentAsync(id, ct);
        if (agent is null) return (null, NotFound());
        return Viewer.MayView(agent) ? (agent, null) : (null, Forbid());
    }

    private async Task LoadAsync(AgentRef agent, CancellationToken ct)
    {
        Card = await scorecards.BuildAsync(agent, SelectedPeriod, Viewer, ct);
        ReasonChoices = await actions.ReasonChoicesAsync(ct);
    }
}
