using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>The worklist's filter bar, as it lives in the query string.</summary>
public sealed record WorklistFilter
{
    public const string Open = "open";
    public const string Overdue = "overdue";
    public const string Escalated = "escalated";
    public const string Unassigned = "unassigned";
    public const string Closed = "closed";
    public const string All = "all";
    public const string Nobody = "none";

    /// <summary>The status filter's codes, in the order the filter offers them (their words: <see cref="CallbackText.WorklistStatus"/>).</summary>
    public static readonly IReadOnlyList<string> Statuses = [Open, Overdue, Escalated, Unassigned, Closed, All];

    public string? Status { get; init; }
    public int? Team { get; init; }
    public int? Reason { get; init; }

    /// <summary>A user id, or "none" for unassigned cases.</summary>
    public string? Assignee { get; init; }
    public bool Mine { get; init; }

    /// <summary>Part of the customer's name, phone number or id.</summary>
    public string? Search { get; init; }
    public int Page { get; init; } = 1;

    public string StatusKey => Statuses.Contains(Status) ? Status! : Open;
}

public sealed record TriggerView(
    CallbackRule Rule, DateTime TriggeredAtUtc, int? Csat, bool? Resolved, string? Comment, string SourceType, string SourceExternalId,
    int? ContactsInWindow, string ContactExternalId, string ContactReason, Channel ContactChannel, string? Agent);

public sealed record ContactView(
    string ExternalId, DateTime StartedAtUtc, string Reason, string ReasonCode, Channel Channel, string? Agent, string? Team, int? HandleSeconds, bool EscalatedFromBot);

public sealed record WorklistRow(
    long CaseId, int Priority, CallbackCaseStatus Status, string CustomerName, string? Phone, string CustomerExternalId, bool DoNotContact,
    string? Team, DateTime FirstTriggeredAtUtc, DateTime DueAtUtc, DateTime? FirstAttemptAtUtc, int AttemptCount, DateTime? EscalatedAtUtc,
    string? AssigneeId, string? AssigneeName, CallbackOutcome? Outcome, DateTime? ClosedAtUtc,
    IReadOnlyList<TriggerView> Triggers, IReadOnlyList<ContactView> RecentContacts);

public sealed record FlaggingRunInfo(DateTime? LastRunAtUtc, string? Summary);

public sealed record WorklistCounts(long Open, long Overdue, long Escalated, long Unassigned, long Mine);

public sealed record Worklist(IReadOnlyList<WorklistRow> Rows, int Total, int Page, int PageSize, WorklistCounts Counts);

public sealed record AttemptView(DateTime AttemptedAtUtc, CallbackChannel Channel, CallbackAttemptResult Result, string? Note, string By, DateTime RecordedAtUtc);

/// <summary>One audit event; <paramref name="By"/> is null for the product's own jobs.</summary>
public sealed record EventView(DateTime AtUtc, CallbackEventKind Kind, string? By, string Detail);

/// <param name="FollowUpOfCaseId">For a follow-up survey's answer, the case it followed up.</param>
public sealed record ResponseView(
    string ExternalId, DateTime ReceivedAtUtc, string ContactExternalId, int Csat, bool? Resolved, int? Nps, string? Comment, SurveyResponseKind Kind, bool IsTrigger,
    long? FollowUpOfCaseId);

/// <summary>Another case of the same customer, for the case page's history: when, how it ended, and the follow-up's answer.</summary>
public sealed record EarlierCaseView(
    long CaseId, DateTime FirstTriggeredAtUtc, CallbackCaseStatus Status, CallbackOutcome? Outcome, string? RootCause, DateTime? ClosedAtUtc, int? FollowUpCsat);

/// <summary>A follow-up survey link of the case, without the link itself: it is shown only when made (only its hash is kept).</summary>
public sealed record FollowUpView(DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? AnsweredAtUtc);

/// <summary>Everything the case page shows: the call's details, history, and what happened on the case.</summary>
public sealed record CaseDetail(
    WorklistRow Case, string? Email, IReadOnlyList<ContactView> Contacts, IReadOnlyList<ResponseView> Responses,
    IReadOnlyList<AttemptView> Attempts, IReadOnlyList<EventView> Events, IReadOnlyList<FollowUpView> FollowUps,
    string? RootCause, string? ClosedBy, string? ClosingNote, int? SuggestedRootCauseReasonId, IReadOnlyList<EarlierCaseView> OtherCases);

/// <summary>Reads the worklist (an inbox of cases) and what the case page shows, always inside the actor's scope.</summary>
public sealed class CallbackWorklistQuery(CxDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;
    public const int RecentContactsOnList = 3;
    public const int RecentContactDays = 30;

    public async Task<Worklist> GetAsync(WorklistFilter filter, CallbackActor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var scoped = Scoped(actor);
        var counts = await CountsAsync(scoped, actor, now, ct);

        var cases = scoped;
        cases = filter.StatusKey switch
        {
            WorklistFilter.Overdue => cases.Where(CallbackUrgency.IsOverdue(now)),
            WorklistFilter.Escalated => cases.Where(c => c.Status == CallbackCaseStatus.Open && c.EscalatedAtUtc != null),
            WorklistFilter.Unassigned => cases.Where(c => c.Status == CallbackCaseStatus.Open && c.AssignedToUserId == null),
            WorklistFilter.Closed => cases.Where(c => c.Status == CallbackCaseStatus.Closed),
            WorklistFilter.All => cases,
            _ => cases.Where(c => c.Status == CallbackCaseStatus.Open),
        };
        if (filter.Team is { } team) cases = cases.Where(c => c.TeamId == team);
        if (filter.Reason is { } reason) cases = cases.Where(c => c.Triggers.Any(t => t.Contact!.ReasonId == reason));
        if (filter.Mine) cases = cases.Where(c => c.AssignedToUserId == actor.UserId);
        else if (filter.Assignee == WorklistFilter.Nobody) cases = cases.Where(c => c.AssignedToUserId == null);
        else if (!string.IsNullOrEmpty(filter.Assignee)) cases = cases.Where(c => c.AssignedToUserId == filter.Assignee);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Lower case on both sides: SQLite's LIKE ignores ASCII case by itself, PostgreSQL's does not.
            var pattern = $"%{filter.Search.Trim().ToLowerInvariant()}%";
            cases = cases.Where(c => EF.Functions.Like((c.Customer!.Name ?? "").ToLower(), pattern) || EF.Functions.Like((c.Customer!.Phone ?? "").ToLower(), pattern)
                                     || EF.Functions.Like(c.Customer!.ExternalId.ToLower(), pattern));
        }

        var total = await cases.CountAsync(ct);
        var page = Math.Max(1, filter.Page);
        var ids = await cases.MostUrgentFirst(now).Skip((page - 1) * PageSize).Take(PageSize).Select(c => c.Id).ToListAsync(ct);
        var rows = await RowsAsync(ids, actor, now, ct);
        return new Worklist(rows, total, page, PageSize, counts);
    }

    public const int HistoryDays = 90;
    public const int HistoryMaxRows = 25;

    /// <summary>The case page's content, or null when the case does not exist or lies outside the actor's scope.</summary>
    public async Task<CaseDetail?> GetCaseAsync(long caseId, CallbackActor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await Scoped(actor).AnyAsync(c => c.Id == caseId, ct)) return null;
        var row = (await RowsAsync([caseId], actor, now, ct)).Single();
        var c = await db.CallbackCases.AsNoTracking().Where(x => x.Id == caseId)
            .Select(x => new
            {
                x.CustomerId, x.Customer!.Email, RootCause = x.RootCauseReason!.Name, RootCauseCode = x.RootCauseReason.Code, x.ClosingNote,
                ClosedBy = db.Users.Where(u => u.Id == x.ClosedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleAsync(ct);
        var since = now.AddDays(-HistoryDays);
        var contacts = (await ContactsAsync(db.Contacts.Where(x => x.CustomerId == c.CustomerId && x.StartedAtUtc >= since)
                .OrderByDescending(x => x.StartedAtUtc).Take(HistoryMaxRows), actor, ct))
            .Select(x => x.View).OrderByDescending(x => x.StartedAtUtc).ToList();

        var triggerResponses = row.Triggers.Where(t => t.SourceType == "survey-response").Select(t => t.SourceExternalId).ToHashSet();
        var responses = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.Contact!.CustomerId == c.CustomerId && (r.ReceivedAtUtc >= since || r.CallbackCaseId == caseId))
            .OrderByDescending(r => r.ReceivedAtUtc).Take(HistoryMaxRows)
            .Select(r => new { r.ExternalId, r.ReceivedAtUtc, Contact = r.Contact!.ExternalId, r.Csat, r.Resolved, r.Nps, r.Comment, r.Kind, r.CallbackCaseId })
            .ToListAsync(ct);
        var attempts = await db.CallbackAttempts.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.AttemptedAtUtc).ThenBy(a => a.Id)
            .Select(a => new AttemptView(a.AttemptedAtUtc, a.Channel, a.Result, a.Note, a.User!.DisplayName, a.RecordedAtUtc))
            .ToListAsync(ct);
        var events = await db.CallbackCaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new EventView(e.AtUtc, e.Kind, e.User != null ? e.User.DisplayName : null, e.Detail))
            .ToListAsync(ct);
        var followUps = await db.SurveyInvitations.AsNoTracking().Where(i => i.CallbackCaseId == caseId).OrderBy(i => i.CreatedAtUtc)
            .Select(i => new FollowUpView(i.CreatedAtUtc, i.ExpiresAtUtc, i.AnsweredAtUtc))
            .ToListAsync(ct);
        var suggested = await db.CallbackTriggers.Where(t => t.CaseId == caseId).OrderBy(t => t.TriggeredAtUtc)
            .Select(t => (int?)t.Contact!.ReasonId).FirstOrDefaultAsync(ct);

        // The customer's other cases the actor may see, newest first, each with how it ended.
        var otherCases = await Scoped(actor).Where(x => x.CustomerId == c.CustomerId && x.Id != caseId)
            .OrderByDescending(x => x.FirstTriggeredAtUtc).ThenByDescending(x => x.Id).Take(HistoryMaxRows)
            .Select(x => new EarlierCaseView(x.Id, x.FirstTriggeredAtUtc, x.Status, x.Outcome,
                x.RootCauseReason == null ? null : x.RootCauseReason.Name, x.ClosedAtUtc,
                db.SurveyResponses.Where(r => r.Kind == SurveyResponseKind.CallbackFollowUp && r.CallbackCaseId == x.Id)
                    .OrderBy(r => r.ReceivedAtUtc).Select(r => (int?)r.Csat).FirstOrDefault()))
            .ToListAsync(ct);

        return new CaseDetail(row, c.Email, contacts,
            responses.Select(r => new ResponseView(r.ExternalId, r.ReceivedAtUtc, r.Contact, r.Csat, r.Resolved, r.Nps, r.Comment, r.Kind,
                triggerResponses.Contains(r.ExternalId), r.Kind == SurveyResponseKind.CallbackFollowUp ? r.CallbackCaseId : null)).ToList(),
            attempts, events, followUps,
            c.RootCause is null ? null : $"{c.RootCause} ({c.RootCauseCode})", c.ClosedBy, c.ClosingNote, suggested, otherCases);
    }

    /// <summary>The cases, in the order of <paramref name="ids"/>, with triggers, assignee and recent contacts.</summary>
    private async Task<IReadOnlyList<WorklistRow>> RowsAsync(IReadOnlyList<long> ids, CallbackActor actor, DateTime now, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var cases = await db.CallbackCases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.Priority, c.Status, c.CustomerId, c.Customer!.Name, c.Customer.Phone, c.Customer.ExternalId, c.Customer.DoNotContact,
                Team = c.Team!.Name, c.FirstTriggeredAtUtc, c.DueAtUtc, c.FirstAttemptAtUtc, c.AttemptCount, c.EscalatedAtUtc,
                c.AssignedToUserId, Assignee = c.AssignedTo!.DisplayName, c.Outcome, c.ClosedAtUtc,
            })
            .ToListAsync(ct);
        var triggers = (await TriggersAsync(db.CallbackTriggers.Where(t => ids.Contains(t.CaseId)), actor, ct)).ToLookup(t => t.CaseId, t => t.View);
        var customers = cases.Select(c => c.CustomerId).Distinct().ToList();
        var recent = (await ContactsAsync(db.Contacts.Where(c => customers.Contains(c.CustomerId) && c.StartedAtUtc >= now.AddDays(-RecentContactDays)), actor, ct))
            .ToLookup(c => c.CustomerId, c => c.View);

        return ids.Select(id => cases.Single(c => c.Id == id)).Select(c => new WorklistRow(
                c.Id, c.Priority, c.Status, c.Name ?? c.ExternalId, c.Phone, c.ExternalId, c.DoNotContact, c.Team,
                c.FirstTriggeredAtUtc, c.DueAtUtc, c.FirstAttemptAtUtc, c.AttemptCount, c.EscalatedAtUtc,
                c.AssignedToUserId, c.Assignee, c.Outcome, c.ClosedAtUtc,
                triggers[c.Id].OrderBy(t => t.TriggeredAtUtc).ToList(),
                recent[c.CustomerId].OrderByDescending(r => r.StartedAtUtc).Take(RecentContactsOnList).ToList()))
            .ToList();
    }

    private async Task<WorklistCounts> CountsAsync(IQueryable<CallbackCase> scoped, CallbackActor actor, DateTime now, CancellationToken ct)
    {
        var open = scoped.Where(c => c.Status == CallbackCaseStatus.Open);
        var overdue = await open.CountAsync(CallbackUrgency.IsOverdue(now), ct);
        var counts = await open.GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(),
            Escalated = g.Count(c => c.EscalatedAtUtc != null),
            Unassigned = g.Count(c => c.AssignedToUserId == null),
            Mine = g.Count(c => c.AssignedToUserId == actor.UserId),
        }).SingleOrDefaultAsync(ct);
        return counts is null ? new WorklistCounts(0, 0, 0, 0, 0) : new WorklistCounts(counts.Open, overdue, counts.Escalated, counts.Unassigned, counts.Mine);
    }

    public async Task<FlaggingRunInfo?> LastFlaggingRunAsync(CancellationToken ct = default) =>
        await db.CallbackFlaggingStates.AsNoTracking().Select(s => new FlaggingRunInfo(s.LastRunAtUtc, s.LastRunSummary)).SingleOrDefaultAsync(ct);

    public IQueryable<CallbackCase> Scoped(CallbackActor actor)
    {
        var cases = db.CallbackCases.AsNoTracking();
        if (actor.TeamIds is { } scope)
        {
            var teams = scope.ToList();
            cases = cases.Where(c => c.TeamId != null && teams.Contains(c.TeamId.Value));
        }
        return cases;
    }

    /// <summary>
    /// A contact handled outside a team-limited actor's teams (a customer's history crosses teams) is shown without
    /// naming its agent or team: people outside the actor's scope are never named.
    /// </summary>
    private static bool Hides(CallbackActor actor, int? teamId) => actor.TeamIds is { } teams && !(teamId is { } team && teams.Contains(team));

    internal async Task<List<(long CaseId, TriggerView View)>> TriggersAsync(IQueryable<CallbackTrigger> triggers, CallbackActor actor, CancellationToken ct)
    {
        var rows = await triggers.AsNoTracking()
            .Select(t => new
            {
                t.CaseId, t.Rule, t.TriggeredAtUtc, t.Csat, t.ContactsInWindow,
                Resolved = t.SurveyResponse != null ? t.SurveyResponse.Resolved : null,
                Comment = t.SurveyResponse != null ? t.SurveyResponse.Comment : null,
                ResponseExternalId = t.SurveyResponse != null ? t.SurveyResponse.ExternalId : null,
                ContactExternalId = t.Contact!.ExternalId, Reason = t.Contact.Reason!.Name, t.Contact.Channel, Agent = t.Contact.Agent!.Name,
                t.Contact.TeamId,
            })
            .ToListAsync(ct);
        return rows.Select(t => (t.CaseId, new TriggerView(t.Rule, t.TriggeredAtUtc, t.Csat, t.Resolved, t.Comment,
                t.ResponseExternalId is null ? "contact" : "survey-response", t.ResponseExternalId ?? t.ContactExternalId,
                t.ContactsInWindow, t.ContactExternalId, t.Reason, t.Channel, Hides(actor, t.TeamId) ? null : t.Agent)))
            .ToList();
    }

    internal static async Task<List<(long CustomerId, ContactView View)>> ContactsAsync(IQueryable<Contact> contacts, CallbackActor actor, CancellationToken ct)
    {
        var rows = await contacts.AsNoTracking()
            .Select(c => new
            {
                c.CustomerId, c.ExternalId, c.StartedAtUtc, Reason = c.Reason!.Name, ReasonCode = c.Reason.Code, c.Channel,
                Agent = c.Agent!.Name, Team = c.Team!.Name, c.TeamId, c.HandleSeconds, c.EscalatedFromBot,
            })
            .ToListAsync(ct);
        return rows.Select(c => (c.CustomerId, new ContactView(c.ExternalId, c.StartedAtUtc, c.Reason, c.ReasonCode, c.Channel,
                Hides(actor, c.TeamId) ? null : c.Agent, Hides(actor, c.TeamId) ? CallbackText.AnotherTeam : c.Team, c.HandleSeconds, c.EscalatedFromBot)))
            .ToList();
    }
}

public sealed record WorklistChoices(
    IReadOnlyList<(int Id, string Name)> Teams, IReadOnlyList<(int Id, string Name)> Reasons, IReadOnlyList<CallbackCaseService.Assignee> Assignees);

public sealed class CallbackChoicesQuery(CxDbContext db, CallbackCaseService cases)
{
    /// <summary>The filter bar's and forms' choices: teams in the actor's scope, contact reasons, people who work callbacks.</summary>
    public async Task<WorklistChoices> GetAsync(CallbackActor actor, CancellationToken ct = default)
    {
        var teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .Where(t => actor.MaySee(t.Id)).Select(t => (t.Id, t.Name)).ToList();
        var reasons = (await db.ContactReasons.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name, r.Code }).ToListAsync(ct))
            .Select(r => (r.Id, $"{r.Name} ({r.Code})")).ToList();
        return new WorklistChoices(teams, reasons, await cases.AssignableUsersAsync(ct));
    }
}
