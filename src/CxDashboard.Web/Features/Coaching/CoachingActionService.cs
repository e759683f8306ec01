using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Coaching;

public sealed record CoachingActionForm
{
    public string? Title { get; init; }
    public string? Notes { get; init; }
    public KpiKind? FocusKpi { get; init; }
    public int? ReasonId { get; init; }
    public DateOnly? DueDate { get; init; }
    public CoachingActionStatus Status { get; init; } = CoachingActionStatus.Open;
}

public sealed record CoachingFormResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Coaching actions: what an agent works on with their manager, listed on the scorecard, in packs and on the overview.</summary>
public sealed class CoachingActionService(CxDbContext db, OrganisationSettingsService organisation, IStringLocalizer<CoachingActionService> text, TimeProvider clock)
{
    /// <summary>The KPIs an action can aim at.</summary>
    public static readonly IReadOnlyList<KpiKind> FocusChoices =
        [KpiKind.CsatPercent, KpiKind.SurveyFcrPercent, KpiKind.ContactFcrPercent, KpiKind.RepeatContactRate, KpiKind.Nps];

    public async Task<IReadOnlyList<(int Id, string Name)>> ReasonChoicesAsync(CancellationToken ct = default) =>
        (await db.ContactReasons.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name, r.Code }).ToListAsync(ct))
            .Select(r => (r.Id, $"{r.Name} ({r.Code})")).ToList();

    public async Task<DateOnly> TodayAsync(CancellationToken ct = default) => (await organisation.GetTimeAsync(ct)).Today(clock);

    /// <summary>Actions of some agents (all of them when null), open ones first by due date, then the rest newest first.</summary>
    public async Task<IReadOnlyList<CoachingActionView>> ListAsync(IReadOnlyCollection<int>? agentIds, bool activeOnly = false, CancellationToken ct = default)
    {
        var today = await TodayAsync(ct);
        var query = db.CoachingActions.AsNoTracking();
        if (agentIds is not null) query = query.Where(a => agentIds.Contains(a.AgentId));
        if (activeOnly) query = query.Where(a => a.Status == CoachingActionStatus.Open || a.Status == CoachingActionStatus.InProgress);
        var rows = await query.Select(a => new
        {
            Action = a,
            AgentName = a.Agent!.Name,
            ReasonName = a.Reason == null ? null : a.Reason.Name,
            CreatedBy = a.CreatedBy!.DisplayName,
        }).ToListAsync(ct);
        var views = rows
            .Select(r => new CoachingActionView(r.Action.Id, r.Action.AgentId, r.AgentName, r.Action.Title, r.Action.Notes, r.Action.FocusKpi, r.Action.ReasonId,
                r.ReasonName, r.Action.DueDate, r.Action.Status, r.CreatedBy, r.Action.CreatedAtUtc, r.Action.CompletedOn,
                IsOverdue(r.Action.Status, r.Action.DueDate, today)))
            .ToList();
        return views.Where(a => a.IsActive).OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .Concat(views.Where(a => !a.IsActive).OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id))
            .ToList();
    }

    public async Task<CoachingActionView?> GetAsync(int id, CancellationToken ct = default)
    {
        var agentId = await db.CoachingActions.Where(a => a.Id == id).Select(a => (int?)a.AgentId).FirstOrDefaultAsync(ct);
        return agentId is { } agent ? (await ListAsync([agent], ct: ct)).FirstOrDefault(a => a.Id == id) : null;
    }

    public async Task<CoachingFormResult> CreateAsync(int agentId, CoachingActionForm form, string createdByUserId, CancellationToken ct = default)
    {
        var today = await TodayAsync(ct);
        var errors = await ValidateAsync(form, ct);
        if (form.DueDate is { } due && due < today) errors.TryAdd(nameof(form.DueDate), text["The due date has passed; choose today or later."]);
        if (errors.Count > 0) return new(null, errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var action = new CoachingAction { AgentId = agentId, Title = "", CreatedByUserId = createdByUserId, CreatedAtUtc = now };
        Apply(action, form, now, today);
        db.CoachingActions.Add(action);
        await db.SaveChangesAsync(ct);
        return new(action.Id, new Dictionary<string, string>());
    }

    public async Task<CoachingFormResult> UpdateAsync(int id, CoachingActionForm form, CancellationToken ct = default)
    {
        var action = await db.CoachingActions.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return new(null, new Dictionary<string, string> { [""] = text["No such coaching action."] });
        var errors = await ValidateAsync(form, ct);
        if (errors.Count > 0) return new(null, errors);
        Apply(action, form, clock.GetUtcNow().UtcDateTime, await TodayAsync(ct));
        await db.SaveChangesAsync(ct);
        return new(action.Id, new Dictionary<string, string>());
    }

    public static bool IsOverdue(CoachingActionStatus status, DateOnly dueDate, DateOnly today) =>
        status is CoachingActionStatus.Open or CoachingActionStatus.InProgress && dueDate < today;

    private static void Apply(CoachingAction action, CoachingActionForm form, DateTime now, DateOnly today)
    {
        action.Title = form.Title!.Trim();
        action.Notes = string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes.Trim();
        action.FocusKpi = form.FocusKpi;
        action.ReasonId = form.ReasonId;
        action.DueDate = form.DueDate!.Value;
        if (form.Status == CoachingActionStatus.Done && action.Status != CoachingActionStatus.Done) action.CompletedOn = today;
        if (form.Status != CoachingActionStatus.Done) action.CompletedOn = null;
        action.Status = form.Status;
        action.UpdatedAtUtc = now;
    }

    private async Task<Dictionary<string, string>> ValidateAsync(CoachingActionForm form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.Title)) errors[nameof(form.Title)] = text["Say what the agent will work on."];
        else if (form.Title.Trim().Length > 300) errors[nameof(form.Title)] = text["Keep it to 300 characters; put details in the notes."];
        if (form.Notes is { Length: > 2000 }) errors[nameof(form.Notes)] = text["Notes can be at most 2,000 characters."];
        if (form.DueDate is null) errors[nameof(form.DueDate)] = text["Choose a due date."];
        if (form.FocusKpi is { } kpi && !FocusChoices.Contains(kpi)) errors[nameof(form.FocusKpi)] = text["Choose one of the listed KPIs."];
        if (form.ReasonId is { } reason && !await db.ContactReasons.AnyAsync(r => r.Id == reason, ct)) errors[nameof(form.ReasonId)] = text["No such contact reason."];
        if (!Enum.IsDefined(form.Status)) errors[nameof(form.Status)] = text["Choose a status."];
        return errors;
    }
}
