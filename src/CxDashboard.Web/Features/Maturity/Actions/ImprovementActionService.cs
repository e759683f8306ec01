using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Rounds;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Maturity.Actions;

/// <summary>Improvement actions on capabilities: listing (with overdue marked in the organisation's calendar), creating, updating.</summary>
public sealed class ImprovementActionService(CxDbContext db, MaturityModelService models, OrganisationSettingsService organisation, IStringLocalizer<ImprovementActionService> text, TimeProvider clock)
{
    public async Task<DateOnly> TodayAsync(CancellationToken ct = default) => (await organisation.GetTimeAsync(ct)).Today(clock);

    public async Task<IReadOnlyList<ImprovementActionView>> ListAsync(ImprovementActionFilter filter, CancellationToken ct = default)
    {
        var today = await TodayAsync(ct);
        var query = db.ImprovementActions.AsNoTracking();
        if (filter.CapabilityKey is { } key) query = query.Where(a => a.CapabilityKey == key);
        if (filter.RoundId is { } roundId) query = query.Where(a => a.RoundId == roundId);
        if (filter.Status is { } status) query = query.Where(a => a.Status == status);
        if (filter.OwnerUserId is { } owner) query = query.Where(a => a.OwnerUserId == owner);
        if (filter.ActiveOnly || filter.OverdueOnly)
            query = query.Where(a => a.Status == ImprovementActionStatus.Open || a.Status == ImprovementActionStatus.InProgress);
        if (filter.OverdueOnly) query = query.Where(a => a.DueDate < today);

        var rows = await query.OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => new { Action = a, OwnerName = a.Owner!.DisplayName, RoundName = a.Round == null ? null : a.Round.Name })
            .ToListAsync(ct);
        var names = (await models.GetCurrentAsync(ct)).Definition.Capabilities.ToDictionary(c => c.Key, c => c.Name.Current);
        return rows.Select(r => ToView(r.Action, r.OwnerName, r.RoundName, names, today)).ToList();
    }

    /// <summary>What a round's summary lists: the actions opened from the round, and every open or in-progress action.</summary>
    public async Task<IReadOnlyList<ImprovementActionView>> ForRoundSummaryAsync(int roundId, CancellationToken ct = default)
    {
        var ofRound = await ListAsync(new ImprovementActionFilter { RoundId = roundId }, ct);
        var active = await ListAsync(new ImprovementActionFilter { ActiveOnly = true }, ct);
        return ofRound.Concat(active).DistinctBy(a => a.Id).OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToList();
    }

    public async Task<ImprovementActionView?> GetAsync(int id, CancellationToken ct = default) =>
        (await ListAsync(new ImprovementActionFilter(), ct)).FirstOrDefault(a => a.Id == id);

    public async Task<MaturityFormResult> CreateAsync(ImprovementActionForm form, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(form, ct);
        if (errors.Count > 0) return new(null, errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var action = new ImprovementAction
        {
            CapabilityKey = form.CapabilityKey!,
            Title = form.Title!.Trim(),
            OwnerUserId = form.OwnerUserId!,
            CreatedAtUtc = now,
        };
        await ApplyAsync(action, form, now, ct);
        db.ImprovementActions.Add(action);
        await db.SaveChangesAsync(ct);
        return MaturityFormResult.Ok(action.Id);
    }

    public async Task<MaturityFormResult> UpdateAsync(int id, ImprovementActionForm form, CancellationToken ct = default)
    {
        var action = await db.ImprovementActions.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return MaturityFormResult.Failed("", text["No such action."]);
        var errors = await ValidateAsync(form, ct);
        if (errors.Count > 0) return new(null, errors);
        await ApplyAsync(action, form, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return MaturityFormResult.Ok(action.Id);
    }

    /// <summary>Who may own an action: any active user.</summary>
    public async Task<IReadOnlyList<RaterChoice>> OwnerChoicesAsync(CancellationToken ct = default) =>
        RaterChoice.Sorted((await db.Users.AsNoTracking().Where(u => !u.IsDisabled).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .Select(u => RaterChoice.From(u.Id, u.DisplayName, u.Email)));

    public static bool IsOverdue(ImprovementActionStatus status, DateOnly dueDate, DateOnly today) =>
        status is ImprovementActionStatus.Open or ImprovementActionStatus.InProgress && dueDate < today;

    private async Task ApplyAsync(ImprovementAction action, ImprovementActionForm form, DateTime now, CancellationToken ct)
    {
        action.CapabilityKey = form.CapabilityKey!;
        action.Title = form.Title!.Trim();
        action.Notes = string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes.Trim();
        action.OwnerUserId = form.OwnerUserId!;
        action.DueDate = form.DueDate!.Value;
        action.RoundId = form.RoundId;
        // "Done on time" compares the day it was marked done with its due date.
        if (form.Status == ImprovementActionStatus.Done && action.Status != ImprovementActionStatus.Done) action.CompletedOn = await TodayAsync(ct);
        if (form.Status != ImprovementActionStatus.Done) action.CompletedOn = null;
        action.Status = form.Status;
        action.UpdatedAtUtc = now;
    }

    private async Task<Dictionary<string, string>> ValidateAsync(ImprovementActionForm form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var model = (await models.GetCurrentAsync(ct)).Definition;
        if (string.IsNullOrWhiteSpace(form.Title)) errors["Title"] = text["Say what will be done."];
        else if (form.Title.Trim().Length > 300) errors["Title"] = text["The title is at most 300 characters."];
        if (form.Notes?.Trim().Length > 2000) errors["Notes"] = text["Notes are at most 2000 characters."];
        if (form.CapabilityKey is null || model.Capability(form.CapabilityKey) is null) errors["CapabilityKey"] = text["Choose the capability the action improves."];
        if (form.OwnerUserId is null || !await db.Users.AnyAsync(u => u.Id == form.OwnerUserId && !u.IsDisabled, ct)) errors["OwnerUserId"] = text["Choose an owner."];
        if (form.DueDate is null) errors["DueDate"] = text["Give a due date."];
        if (!Enum.IsDefined(form.Status)) errors["Status"] = text["Choose a status."];
        if (form.RoundId is { } roundId && !await db.MaturityRounds.AnyAsync(r => r.Id == roundId, ct)) errors["RoundId"] = text["No such round."];
        return errors;
    }

    private static ImprovementActionView ToView(ImprovementAction a, string ownerName, string? roundName, IReadOnlyDictionary<string, string> names, DateOnly today) =>
        new(a.Id, a.CapabilityKey, names.GetValueOrDefault(a.CapabilityKey, a.CapabilityKey), a.Title, a.Notes, a.OwnerUserId, ownerName,
            a.DueDate, a.Status, a.RoundId, roundName, a.CompletedOn, IsOverdue(a.Status, a.DueDate, today));
}
