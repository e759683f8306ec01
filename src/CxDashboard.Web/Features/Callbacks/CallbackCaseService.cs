using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Surveys;
using System.Globalization;
using CxDashboard.Web.Features.Presentation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Callbacks;

public sealed record FieldError(string Field, string Message);

/// <summary>What a command did: a message for the user, or why it could not (with the fields to fix).</summary>
public sealed record CaseCommandResult(bool Succeeded, string Message, IReadOnlyList<FieldError> Errors)
{
    /// <summary>The path of a follow-up survey link the command made: shown to the user this once (only its hash is kept).</summary>
    public string? NewLinkPath { get; init; }

    public static CaseCommandResult Done(string message) => new(true, message, []);
    public static CaseCommandResult Refused(string message) => new(false, message, []);
    public static CaseCommandResult Invalid(IReadOnlyList<FieldError> errors, string message) => new(false, message, errors);
}

public sealed record AttemptInput(DateTime? AttemptedAtLocal, CallbackChannel? Channel, CallbackAttemptResult? Result, string? Note);

public sealed record CloseInput(CallbackOutcome? Outcome, int? RootCauseReasonId, string? Note, bool SendFollowUp);

/// <summary>
/// Everything people do to a case: claim, assign, release, log attempts, close, create a follow-up survey. Each
/// change bumps the case's concurrency token and writes an audit event in the same save. When two people change a
/// case at once, the second save fails on the token; the command then re-reads the case and decides again, so of
/// two claims exactly one wins and the other is told who has the case.
/// </summary>
public sealed class CallbackCaseService(
    CxDbContext db,
    CallbackSettingsService settingsService,
    SurveyInvitationService invitations,
    IStringLocalizer<CallbackCaseService> text,
    TimeProvider clock)
{
    /// <summary>The audit trail is stored once, in the product's neutral language, whoever reads it later.</summary>
    private static readonly Vocabulary AuditWords = Vocabulary.For(CultureInfo.InvariantCulture);

    private const int MaxTries = 3;
    public const int NoteMaxLength = 2000;

    public async Task<CaseCommandResult> ClaimAsync(long caseId, CallbackActor actor, CancellationToken ct = default) =>
        await ChangeAsync(caseId, actor, (c, now, assigneeName) =>
        {
            if (c.Status == CallbackCaseStatus.Closed) return CaseCommandResult.Refused(text["This case is closed already."]);
            if (c.AssignedToUserId == actor.UserId) return CaseCommandResult.Done(text["You have this case already."]);
            if (c.AssignedToUserId is not null)
                return CaseCommandResult.Refused(actor.CanManage
                    ? text["{0} claimed this case first; reassign it under \"Assign to\" if it should be yours.", assigneeName!]
                    : text["{0} claimed this case first; ask a manager if it should be yours.", assigneeName!]);
            Assign(c, actor.UserId, now);
            CallbackAudit.Add(c, CallbackEventKind.Claimed, actor.UserId, now, $"Claimed by {actor.Name}");
            return CaseCommandResult.Done(text["The case is yours: call the customer before the due time."]);
        }, ct);

    public async Task<CaseCommandResult> AssignAsync(long caseId, string? assigneeUserId, CallbackActor actor, CancellationToken ct = default)
    {
        if (!actor.CanManage) return CaseCommandResult.Refused(text["Only managers assign cases to others."]);
        string? assigneeName = null;
        if (assigneeUserId is not null)
        {
            var assignees = await AssignableUsersAsync(ct);
            var assignee = assignees.FirstOrDefault(u => u.UserId == assigneeUserId);
            if (assignee is null) return CaseCommandResult.Invalid([new FieldError("AssigneeId", text["Choose someone who works callbacks ({0}, {1} or {2} role).", Vocabulary.Current.Role(Roles.Callback), Vocabulary.Current.Role(Roles.Manager), Vocabulary.Current.Role(Roles.Admin)])], text["Please correct the marked fields."]);
            assigneeName = assignee.Name;
        }
        return await ChangeAsync(caseId, actor, (c, now, previous) =>
        {
            if (c.Status == CallbackCaseStatus.Closed) return CaseCommandResult.Refused(text["This case is closed already."]);
            if (c.AssignedToUserId == assigneeUserId) return CaseCommandResult.Done(assigneeName is null ? text["The case is unassigned already."] : text["{0} has this case already.", assigneeName]);
            if (assigneeUserId is null)
            {
                Unassign(c);
                CallbackAudit.Add(c, CallbackEventKind.Released, actor.UserId, now, $"Unassigned by {actor.Name} (was {previous})");
                return CaseCommandResult.Done(text["The case is unassigned and back on the list for anyone to claim."]);
            }
            Assign(c, assigneeUserId, now);
            CallbackAudit.Add(c, CallbackEventKind.Assigned, actor.UserId, now,
                previous is null ? $"Assigned to {assigneeName} by {actor.Name}" : $"Reassigned from {previous} to {assigneeName} by {actor.Name}");
            return CaseCommandResult.Done(text["Assigned to {0}.", assigneeName!]);
        }, ct);
    }

    public async Task<CaseCommandResult> ReleaseAsync(long caseId, CallbackActor actor, CancellationToken ct = default) =>
        await ChangeAsync(caseId, actor, (c, now, previous) =>
        {
            if (c.Status == CallbackCaseStatus.Closed) return CaseCommandResult.Refused(text["This case is closed already."]);
            if (c.AssignedToUserId is null) return CaseCommandResult.Done(text["Nobody has this case."]);
            if (c.AssignedToUserId != actor.UserId && !actor.CanManage) return CaseCommandResult.Refused(text["Only the assignee or a manager can release a case."]);
            Unassign(c);
            CallbackAudit.Add(c, CallbackEventKind.Released, actor.UserId, now, $"Released by {actor.Name}{(previous is not null && previous != actor.Name ? $" (was {previous})" : "")}");
            return CaseCommandResult.Done(text["Released: the case is back on the list for anyone to claim."]);
        }, ct);

    public async Task<CaseCommandResult> LogAttemptAsync(long caseId, AttemptInput input, CallbackActor actor, CancellationToken ct = default)
    {
        var configuration = await settingsService.GetAsync(ct);
        return await ChangeAsync(caseId, actor, (c, now, assigneeName) =>
        {
            if (c.Status == CallbackCaseStatus.Closed) return CaseCommandResult.Refused(text["This case is closed: attempts can no longer be logged."]);
            if (MayNotWork(c, actor, assigneeName) is { } refusal) return refusal;
            var errors = new List<FieldError>();
            var attemptedAt = input.AttemptedAtLocal is { } local ? configuration.Time.ToUtc(local) : now;
            if (attemptedAt > now.AddMinutes(1)) errors.Add(new FieldError("Attempt.AttemptedAt", text["The attempt cannot be in the future."]));
            if (attemptedAt < c.FirstTriggeredAtUtc)
                errors.Add(new("Attempt.AttemptedAt", text["The attempt cannot be before the customer was flagged ({0}).", Display(c.FirstTriggeredAtUtc, configuration)]));
            if (input.Channel is null || !Enum.IsDefined(input.Channel.Value)) errors.Add(new FieldError("Attempt.Channel", text["Choose how you tried to reach the customer."]));
            if (input.Result is null || !Enum.IsDefined(input.Result.Value)) errors.Add(new FieldError("Attempt.Result", text["Choose what happened."]));
            if (input.Note?.Length > NoteMaxLength) errors.Add(new("Attempt.Note", text["The note is longer than {0} characters.", NoteMaxLength]));
            if (errors.Count > 0) return CaseCommandResult.Invalid(errors, text["Please correct the marked fields."]);

            if (c.AssignedToUserId is null)
            {
                Assign(c, actor.UserId, now);
                CallbackAudit.Add(c, CallbackEventKind.Claimed, actor.UserId, now, $"Claimed by {actor.Name} (logged an attempt)");
            }
            c.Attempts.Add(new CallbackAttempt
            {
                AttemptedAtUtc = attemptedAt,
                Channel = input.Channel!.Value,
                Result = input.Result!.Value,
                Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
                UserId = actor.UserId,
                RecordedAtUtc = now,
            });
            c.AttemptCount++;
            if (c.FirstAttemptAtUtc is null || attemptedAt < c.FirstAttemptAtUtc) c.FirstAttemptAtUtc = attemptedAt;
            var sla = attemptedAt <= c.DueAtUtc ? "within the SLA" : $"{CallbackText.Span(attemptedAt - c.DueAtUtc, AuditWords)} after the due time";
            CallbackAudit.Add(c, CallbackEventKind.AttemptLogged, actor.UserId, now,
                $"Attempt {c.AttemptCount} at {Display(attemptedAt, configuration)} by {AuditWords.CallbackChannel(input.Channel.Value).ToLowerInvariant()}: " +
                $"{AuditWords.CallbackResult(input.Result.Value).ToLowerInvariant()} ({sla})" + (string.IsNullOrWhiteSpace(input.Note) ? "" : $". Note: {input.Note.Trim()}"));
            return CaseCommandResult.Done(text["Attempt {0} logged.", c.AttemptCount]);
        }, ct);
    }

    public async Task<CaseCommandResult> CloseAsync(long caseId, CloseInput input, CallbackActor actor, CancellationToken ct = default)
    {
        var configuration = await settingsService.GetAsync(ct);
        var reason = input.RootCauseReasonId is { } reasonId
            ? await db.ContactReasons.AsNoTracking().Where(r => r.Id == reasonId).Select(r => new { r.Id, r.Name, r.Code }).SingleOrDefaultAsync(ct)
            : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await ChangeAsync(caseId, actor, (c, now, assigneeName) =>
        {
            if (c.Status == CallbackCaseStatus.Closed) return CaseCommandResult.Refused(text["This case was closed already ({0}).", CallbackText.Outcome(c.Outcome!.Value).ToLowerInvariant()]);
            if (MayNotWork(c, actor, assigneeName) is { } refusal) return refusal;
            var errors = new List<FieldError>();
            if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome))
                errors.Add(new FieldError("Close.Outcome", text["Choose the outcome of the callback."]));
            else
            {
                var reached = c.Attempts.Count(a => a.Result == CallbackAttemptResult.Reached);
                if (c.Attempts.Count == 0)
                    errors.Add(new FieldError("Close.Outcome", text["Log your call (or other attempt) first: a case is closed after at least one attempt."]));
                else if (outcome == CallbackOutcome.Unreachable && c.Attempts.Count < configuration.Settings.UnreachableAfterAttempts)
                    errors.Add(new("Close.Outcome", text["\"{0}\" needs at least {1} attempts; {2} logged so far.", CallbackText.Outcome(CallbackOutcome.Unreachable), configuration.Settings.UnreachableAfterAttempts, c.Attempts.Count]));
                else if (outcome != CallbackOutcome.Unreachable && reached == 0)
                    errors.Add(new("Close.Outcome", text["\"{0}\" means you reached the customer: log that attempt as \"{1}\" first.", CallbackText.Outcome(outcome), CallbackText.Result(CallbackAttemptResult.Reached)]));
                if (input.SendFollowUp && outcome is not (CallbackOutcome.ReachedResolved or CallbackOutcome.ReachedNotResolved))
                    errors.Add(new FieldError("Close.SendFollowUp", text["A follow-up survey goes only to customers you reached and who did not decline."]));
            }
            if (input.RootCauseReasonId is null) errors.Add(new FieldError("Close.RootCauseReasonId", text["Choose the root cause: the contact reason that really lay behind the dissatisfaction."]));
            else if (reason is null) errors.Add(new FieldError("Close.RootCauseReasonId", text["That contact reason does not exist."]));
            if (input.Note?.Length > NoteMaxLength) errors.Add(new("Close.Note", text["The note is longer than {0} characters.", NoteMaxLength]));
            if (errors.Count > 0) return CaseCommandResult.Invalid(errors, text["Please correct the marked fields."]);

            c.Status = CallbackCaseStatus.Closed;
            c.Outcome = input.Outcome;
            c.RootCauseReasonId = reason!.Id;
            c.ClosingNote = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
            c.ClosedAtUtc = now;
            c.ClosedByUserId = actor.UserId;
            CallbackAudit.Add(c, CallbackEventKind.Closed, actor.UserId, now,
                $"Closed by {actor.Name}: {AuditWords.CallbackOutcome(input.Outcome!.Value).ToLowerInvariant()}; root cause {reason.Name} ({reason.Code})"
                + (c.ClosingNote is null ? "" : $". Note: {c.ClosingNote}"));
            return CaseCommandResult.Done(text["The case is closed."]);
        }, ct);
        if (result.Succeeded && input.SendFollowUp)
        {
            var link = await CreateFollowUpCoreAsync(caseId, actor, ct);
            result = result with { Message = text["The case is closed. Copy the follow-up survey link below now: it is not shown again."], NewLinkPath = link };
        }
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// A follow-up survey link for a closed case whose customer was reached (also later, if not sent at closing, or to
    /// replace a lost one: an earlier unanswered link then stops working, so the customer has one survey to answer).
    /// </summary>
    public async Task<CaseCommandResult> CreateFollowUpAsync(long caseId, CallbackActor actor, CancellationToken ct = default)
    {
        var c = await db.CallbackCases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !actor.MaySee(c.TeamId)) return CaseCommandResult.Refused(text["There is no such case."]);
        if (c.Status != CallbackCaseStatus.Closed || c.Outcome is not (CallbackOutcome.ReachedResolved or CallbackOutcome.ReachedNotResolved))
            return CaseCommandResult.Refused(text["A follow-up survey is for a closed case whose customer was reached."]);
        if (await db.SurveyInvitations.AnyAsync(i => i.CallbackCaseId == caseId && i.AnsweredAtUtc != null, ct))
            return CaseCommandResult.Refused(text["The customer has answered the follow-up survey already."]);
        var link = await CreateFollowUpCoreAsync(caseId, actor, ct);
        return CaseCommandResult.Done(text["Copy the follow-up survey link below now: it is not shown again."]) with { NewLinkPath = link };
    }

    private async Task<string> CreateFollowUpCoreAsync(long caseId, CallbackActor actor, CancellationToken ct)
    {
        var contactId = await db.CallbackTriggers.Where(t => t.CaseId == caseId)
            .OrderBy(t => t.TriggeredAtUtc).ThenBy(t => t.Id).Select(t => t.ContactId).FirstAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var replaced = await db.SurveyInvitations.Where(i => i.CallbackCaseId == caseId && i.AnsweredAtUtc == null && i.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAtUtc, now), ct);
        var issued = await invitations.CreateAsync(contactId, SurveyResponseKind.CallbackFollowUp, callbackCaseId: caseId, ct: ct);
        var c = await db.CallbackCases.SingleAsync(x => x.Id == caseId, ct);
        c.Version++;
        // The audit names the link by date, never by its token: the token would open the customer's survey.
        CallbackAudit.Add(c, CallbackEventKind.FollowUpCreated, actor.UserId, now,
            $"Follow-up survey link created by {actor.Name}, valid until {issued.ExpiresAtUtc:yyyy-MM-dd}" + (replaced > 0 ? "; the earlier link no longer works" : ""));
        await db.SaveChangesAsync(ct);
        return issued.Path;
    }

    public sealed record Assignee(string UserId, string Name);

    /// <summary>Active users who work callbacks: the people a case can be assigned to.</summary>
    public async Task<IReadOnlyList<Assignee>> AssignableUsersAsync(CancellationToken ct = default)
    {
        string[] roles = [Roles.Callback, Roles.Manager, Roles.Admin];
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        var users = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(ct);
        return users.Select(u => new Assignee(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName))
            .OrderBy(u => u.Name, StringComparer.CurrentCulture).ToList();
    }

    private CaseCommandResult? MayNotWork(CallbackCase c, CallbackActor actor, string? assigneeName) =>
        c.AssignedToUserId is { } assignee && assignee != actor.UserId && !actor.CanManage
            ? CaseCommandResult.Refused(text["{0} has this case; ask a manager to reassign it if you should take over.", assigneeName!])
            : null;

    private static void Assign(CallbackCase c, string userId, DateTime now)
    {
        c.AssignedToUserId = userId;
        c.AssignedAtUtc = now;
    }

    private static void Unassign(CallbackCase c)
    {
        c.AssignedToUserId = null;
        c.AssignedAtUtc = null;
    }

    private static string Display(DateTime utc, CallbackConfiguration configuration) =>
        configuration.Time.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads the case fresh (with the current assignee's name), lets <paramref name="change"/> decide and change it, and saves with the concurrency token
    /// bumped. If someone else saved the case meanwhile, reads it again and lets <paramref name="change"/> decide anew.
    /// </summary>
    private async Task<CaseCommandResult> ChangeAsync(long caseId, CallbackActor actor,
        Func<CallbackCase, DateTime, string?, CaseCommandResult> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var c = await db.CallbackCases.Include(x => x.Attempts).SingleOrDefaultAsync(x => x.Id == caseId, ct);
            if (c is null || !actor.MaySee(c.TeamId)) return CaseCommandResult.Refused(text["There is no such case."]);
            var assigneeName = c.AssignedToUserId is { } assigneeId
                ? await db.Users.Where(u => u.Id == assigneeId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? text["Someone else"]
                : null;
            var now = clock.GetUtcNow().UtcDateTime;
            var result = change(c, now, assigneeName);
            if (!result.Succeeded || !db.ChangeTracker.HasChanges())
            {
                db.ChangeTracker.Clear();
                return result;
            }
            c.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxTries)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
