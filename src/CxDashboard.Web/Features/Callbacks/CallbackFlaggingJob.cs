using System.Diagnostics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Callbacks;

public sealed record FlaggingRunResult
{
    public required DateTime AsOfUtc { get; init; }
    public int ResponsesExamined { get; init; }
    public int ContactsExamined { get; init; }
    public int CasesOpened { get; init; }
    public int TriggersAdded { get; init; }
    public int TriggersOnClosedCases { get; init; }
    public int AlreadyFlagged { get; init; }
    public int DoNotContactSkipped { get; init; }
    public int TooOldSkipped { get; init; }

    /// <summary>Triggers later than as-of: left for a later run (the high-water mark stops before them).</summary>
    public int NotYetDue { get; init; }

    /// <summary>Responses dated more than a day after both as-of and now: bad data, never flagged and never waited for.</summary>
    public int FutureDatedSkipped { get; init; }
    public long ResponseMark { get; init; }
    public long ContactMark { get; init; }
    public TimeSpan Duration { get; init; }

    public string Summary =>
        $"{CasesOpened} case(s) opened, {TriggersAdded} trigger(s) joined open cases, {TriggersOnClosedCases} listed on closed cases; " +
        $"{AlreadyFlagged} already flagged, {DoNotContactSkipped} do-not-contact, {TooOldSkipped} too old, {NotYetDue} after as-of" +
        (FutureDatedSkipped > 0 ? $", {FutureDatedSkipped} future-dated" : "") + "; " +
        $"examined {ResponsesExamined} flag-worthy response(s) and {ContactsExamined} new contact(s) in {Duration.TotalMilliseconds:0} ms";
}

/// <summary>
/// The flagging job (Hangfire recurring, every 15 minutes by default; also right after each import): applies the
/// rules to the responses and contacts that arrived since its last run, opens one case per customer and adds later
/// triggers to that case.
///
/// Cost grows with new data only: a high-water mark per table (the last id judged) bounds every query. A trigger later
/// than as-of holds the mark before it, so replays with --as-of never skip data; rows dated more than a day after
/// both as-of and the real now are bad data and do not hold it (they would make every later run rescan).
///
/// Idempotent, also for two runs at once on two servers: a response triggers once and a contact once as a repeat
/// (unique indexes), and a customer has one open case (filtered unique index). A run that loses such a race re-reads
/// the customer and tries again, so the winner's case gets the triggers and nothing is listed twice.
/// </summary>
public sealed class CallbackFlaggingJob(CxDbContext db, CallbackSettingsService settingsService, TimeProvider clock, ILogger<CallbackFlaggingJob> logger)
{
    public const string RecurringJobId = "flag-callbacks";
    private const int ResponseIdsPerBatch = 50_000;
    private const int ContactIdsPerBatch = 20_000;
    private const int AttemptsPerCustomer = 4;
    private const int CustomersPerTransaction = 200;
    private static readonly TimeSpan ClockSkewAllowed = TimeSpan.FromDays(1);

    public async Task<FlaggingRunResult> RunAsync(DateTime? asOfUtc = null, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var asOf = DateTime.SpecifyKind(asOfUtc ?? clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc);
        var configuration = await settingsService.GetAsync(ct);
        var oldest = asOf.AddDays(-configuration.Settings.MaxTriggerAgeDays);
        var now = clock.GetUtcNow().UtcDateTime;
        var holdLimit = (asOf > now ? asOf : now) + ClockSkewAllowed;
        var state = await EnsureStateAsync(ct);
        var counts = new Counts();

        var maxResponseId = await db.SurveyResponses.MaxAsync(r => (long?)r.Id, ct) ?? 0;
        var maxContactId = await db.Contacts.MaxAsync(c => (long?)c.Id, ct) ?? 0;

        long? firstPendingResponse = null;
        for (var from = state.LastResponseId; from < maxResponseId; from += ResponseIdsPerBatch)
        {
            var to = Math.Min(from + ResponseIdsPerBatch, maxResponseId);
            var candidates = await ResponseCandidatesAsync(configuration.Rules, from, to, ct);
            counts.ResponsesExamined += candidates.Count;
            firstPendingResponse ??= candidates.Where(c => c.TriggeredAtUtc > asOf && c.TriggeredAtUtc <= holdLimit).Min(c => c.ResponseId);
            await ApplyAsync(Admit(candidates, oldest, asOf, holdLimit, counts), configuration, asOf, counts, ct);
        }

        long? firstPendingContact = null;
        for (var from = state.LastContactId; from < maxContactId; from += ContactIdsPerBatch)
        {
            var to = Math.Min(from + ContactIdsPerBatch, maxContactId);
            var (candidates, examined, pending) = await RepeatCandidatesAsync(configuration.Rules, from, to, oldest, asOf, holdLimit, ct);
            counts.ContactsExamined += examined;
            firstPendingContact ??= pending;
            await ApplyAsync(Admit(candidates, oldest, asOf, holdLimit, counts), configuration, asOf, counts, ct);
        }

        var responseMark = firstPendingResponse is { } r ? r - 1 : maxResponseId;
        var contactMark = firstPendingContact is { } c ? c - 1 : maxContactId;
        var result = new FlaggingRunResult
        {
            AsOfUtc = asOf,
            ResponsesExamined = counts.ResponsesExamined,
            ContactsExamined = counts.ContactsExamined,
            CasesOpened = counts.CasesOpened,
            TriggersAdded = counts.TriggersAdded,
            TriggersOnClosedCases = counts.TriggersOnClosedCases,
            AlreadyFlagged = counts.AlreadyFlagged,
            DoNotContactSkipped = counts.DoNotContact,
            TooOldSkipped = counts.TooOld,
            NotYetDue = counts.NotYetDue,
            FutureDatedSkipped = counts.FutureDated,
            ResponseMark = Math.Max(responseMark, state.LastResponseId),
            ContactMark = Math.Max(contactMark, state.LastContactId),
            Duration = stopwatch.Elapsed,
        };
        await SaveStateAsync(result, ct);
        logger.LogInformation("Callback flagging as of {AsOf:u}: {Summary}", asOf, result.Summary);
        return result;
    }

    private sealed class Counts
    {
        public int ResponsesExamined, ContactsExamined, CasesOpened, TriggersAdded, TriggersOnClosedCases;
        public int AlreadyFlagged, DoNotContact, TooOld, NotYetDue, FutureDated;
    }

    private sealed record Candidate(
        long CustomerId, CallbackRule Rule, DateTime TriggeredAtUtc, long ContactId, string ContactExternalId, int? TeamId,
        long? ResponseId = null, string? ResponseExternalId = null, int? Csat = null, bool? Resolved = null, string? Comment = null,
        int? ContactsInWindow = null);

    /// <summary>Keeps the candidates the job acts on now: not later than as-of, not older than the maximum age.</summary>
    private static List<Candidate> Admit(List<Candidate> candidates, DateTime oldest, DateTime asOf, DateTime holdLimit, Counts counts)
    {
        var admitted = new List<Candidate>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (candidate.TriggeredAtUtc > holdLimit) counts.FutureDated++;
            else if (candidate.TriggeredAtUtc > asOf) counts.NotYetDue++;
            else if (candidate.TriggeredAtUtc < oldest) counts.TooOld++;
            else admitted.Add(candidate);
        }
        return admitted;
    }

    private async Task<List<Candidate>> ResponseCandidatesAsync(CallbackRules rules, long afterId, long upToId, CancellationToken ct)
    {
        var s = rules.Settings;
        var rows = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.Id > afterId && r.Id <= upToId && r.Kind == SurveyResponseKind.PostContact)
            .Where(r => (s.LowCsatEnabled && r.Csat <= s.LowCsatMax) || (s.NotResolvedEnabled && r.Resolved == false && r.Csat <= s.NotResolvedCsatMax))
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.ExternalId, r.ReceivedAtUtc, r.Csat, r.Resolved, r.Comment, r.Kind,
                r.ContactId, ContactExternalId = r.Contact!.ExternalId, r.Contact.CustomerId, r.Contact.TeamId,
            })
            .ToListAsync(ct);
        return rows
            .Select(r => (Row: r, Rule: rules.ForResponse(r.Kind, r.Csat, r.Resolved)))
            .Where(x => x.Rule is not null)
            .Select(x => new Candidate(x.Row.CustomerId, x.Rule!.Value, x.Row.ReceivedAtUtc, x.Row.ContactId, x.Row.ContactExternalId,
                x.Row.TeamId, x.Row.Id, x.Row.ExternalId, x.Row.Csat, x.Row.Resolved, x.Row.Comment))
            .ToList();
    }

    /// <summary>
    /// Repeat triggers involving the new contacts of an id range: for each customer with a new contact, its contacts
    /// within the window around the new ones, and every contact that completes a count with a new contact in its window
    /// (a late-imported earlier contact can make a later one the third). New contacts later than as-of are not read;
    /// the lowest id among them (or among new contacts completing an older contact's count after as-of) is where the
    /// mark must stop.
    /// </summary>
    private async Task<(List<Candidate> Candidates, int Examined, long? FirstPending)> RepeatCandidatesAsync(
        CallbackRules rules, long afterId, long upToId, DateTime oldest, DateTime asOf, DateTime holdLimit, CancellationToken ct)
    {
        if (!rules.Settings.RepeatContactsEnabled) return ([], 0, null);
        var window = rules.RepeatWindow;
        // A contact older than the oldest admissible trigger minus the window cannot take part in an admissible trigger.
        var earliestUseful = oldest - window;
        var inRange = db.Contacts.AsNoTracking().Where(c => c.Id > afterId && c.Id <= upToId);
        var fresh = await inRange
            .Where(c => c.StartedAtUtc >= earliestUseful && c.StartedAtUtc <= asOf)
            .Select(c => new { c.Id, c.CustomerId, c.StartedAtUtc })
            .ToListAsync(ct);
        var firstPending = await inRange.Where(c => c.StartedAtUtc > asOf && c.StartedAtUtc <= holdLimit).MinAsync(c => (long?)c.Id, ct);
        if (fresh.Count == 0) return ([], 0, firstPending);

        var customers = fresh.Select(c => c.CustomerId).Distinct().ToList();
        var earliest = fresh.Min(c => c.StartedAtUtc) - window;
        var latest = fresh.Max(c => c.StartedAtUtc) + window;
        var timeline = await db.Contacts.AsNoTracking()
            .Where(c => customers.Contains(c.CustomerId) && c.StartedAtUtc >= earliest && c.StartedAtUtc <= latest)
            .Select(c => new { c.Id, c.ExternalId, c.CustomerId, c.StartedAtUtc, c.TeamId })
            .ToListAsync(ct);

        var freshByCustomer = fresh.ToLookup(c => c.CustomerId);
        var candidates = new List<Candidate>();
        foreach (var contacts in timeline.GroupBy(c => c.CustomerId))
        {
            var sorted = contacts.OrderBy(c => c.StartedAtUtc).ThenBy(c => c.Id).ToList();
            var newOnes = freshByCustomer[contacts.Key].ToList();
            foreach (var (index, inWindow) in rules.RepeatTriggers(sorted.Select(c => c.StartedAtUtc).ToList()))
            {
                var trigger = sorted[index];
                var involved = newOnes.Where(n => n.StartedAtUtc <= trigger.StartedAtUtc && trigger.StartedAtUtc - n.StartedAtUtc <= window).ToList();
                if (involved.Count == 0) continue;
                // A later trigger that is itself new is judged when its time comes; one imported before (below the mark)
                // is not read again, so the new contact that completes it must be.
                if (trigger.StartedAtUtc > asOf && trigger.StartedAtUtc <= holdLimit && trigger.Id <= afterId)
                {
                    var lowest = involved.Min(n => n.Id);
                    firstPending = firstPending is { } p ? Math.Min(p, lowest) : lowest;
                }
                candidates.Add(new Candidate(contacts.Key, CallbackRule.RepeatContacts, trigger.StartedAtUtc, trigger.Id, trigger.ExternalId,
                    trigger.TeamId, ContactsInWindow: inWindow));
            }
        }
        return (candidates, fresh.Count, firstPending);
    }

    private async Task ApplyAsync(List<Candidate> candidates, CallbackConfiguration configuration, DateTime asOf, Counts counts, CancellationToken ct)
    {
        if (candidates.Count == 0) return;
        var customerIds = candidates.Select(c => c.CustomerId).Distinct().ToList();
        var doNotContact = (await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id) && c.DoNotContact)
            .Select(c => c.Id).ToListAsync(ct)).ToHashSet();

        var groups = candidates.GroupBy(c => c.CustomerId).OrderBy(g => g.Min(c => c.TriggeredAtUtc)).ThenBy(g => g.Key).ToList();
        // A transaction per chunk of customers: one flush to disk for many small saves (a go-live run opens thousands
        // of cases), short enough not to keep people's claims waiting. Each customer's save is a savepoint within it.
        foreach (var chunk in groups.Chunk(CustomersPerTransaction))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var group in chunk)
            {
                if (doNotContact.Contains(group.Key))
                {
                    counts.DoNotContact += group.Count();
                    continue;
                }
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        var outcome = await ApplyCustomerAsync(group.Key, group.OrderBy(c => c.TriggeredAtUtc).ThenBy(c => c.ContactId).ToList(), configuration, asOf, ct);
                        counts.CasesOpened += outcome.Opened;
                        counts.TriggersAdded += outcome.Added;
                        counts.TriggersOnClosedCases += outcome.OnClosed;
                        counts.AlreadyFlagged += outcome.AlreadyFlagged;
                        break;
                    }
                    catch (DbUpdateException e) when (DatabaseErrors.IsLostRace(e) && attempt < AttemptsPerCustomer)
                    {
                        // Another run (or a user) changed this customer's cases meanwhile: read again and redo this customer.
                        db.ChangeTracker.Clear();
                        logger.LogDebug("Flagging raced for customer {Customer} (attempt {Attempt}); retrying", group.Key, attempt);
                    }
                }
            }
            await transaction.CommitAsync(ct);
        }
    }

    private async Task<(int Opened, int Added, int OnClosed, int AlreadyFlagged)> ApplyCustomerAsync(
        long customerId, List<Candidate> candidates, CallbackConfiguration configuration, DateTime asOf, CancellationToken ct)
    {
        var responseIds = candidates.Where(c => c.ResponseId is not null).Select(c => c.ResponseId!.Value).ToList();
        var contactIds = candidates.Where(c => c.Rule == CallbackRule.RepeatContacts).Select(c => c.ContactId).ToList();
        var known = await db.CallbackTriggers.AsNoTracking()
            .Where(t => (t.SurveyResponseId != null && responseIds.Contains(t.SurveyResponseId.Value))
                        || (t.Rule == CallbackRule.RepeatContacts && contactIds.Contains(t.ContactId)))
            .Select(t => new { t.SurveyResponseId, t.ContactId, t.Rule })
            .ToListAsync(ct);
        var fresh = candidates.Where(c => !known.Any(k => c.ResponseId is not null
            ? k.SurveyResponseId == c.ResponseId
            : k.Rule == CallbackRule.RepeatContacts && k.ContactId == c.ContactId)).ToList();
        var alreadyFlagged = candidates.Count - fresh.Count;
        if (fresh.Count == 0) return (0, 0, 0, alreadyFlagged);

        var open = await db.CallbackCases.Include(c => c.Triggers)
            .SingleOrDefaultAsync(c => c.CustomerId == customerId && c.Status == CallbackCaseStatus.Open, ct);
        var lastClosed = open is not null ? null : await db.CallbackCases
            .Where(c => c.CustomerId == customerId && c.Status == CallbackCaseStatus.Closed)
            .OrderByDescending(c => c.ClosedAtUtc).FirstOrDefaultAsync(ct);

        int opened = 0, added = 0, onClosed = 0;
        foreach (var candidate in fresh)
        {
            var trigger = NewTrigger(candidate, asOf);
            var what = Describe(candidate, configuration.Rules);
            if (open is null && lastClosed is { ClosedAtUtc: { } closedAt } && candidate.TriggeredAtUtc <= closedAt)
            {
                // Feedback from before the callback was made: the case that handled it lists it; nobody calls twice.
                lastClosed.Triggers.Add(trigger);
                lastClosed.Version++;
                CallbackAudit.Add(lastClosed, CallbackEventKind.TriggerAdded, null, asOf, $"{what} (from before the case was closed: listed, no new call)");
                onClosed++;
                continue;
            }
            if (open is null)
            {
                open = new CallbackCase
                {
                    CustomerId = customerId,
                    TeamId = candidate.TeamId,
                    CreatedAtUtc = asOf,
                    FirstTriggeredAtUtc = candidate.TriggeredAtUtc,
                    DueAtUtc = configuration.DueAt(candidate.TriggeredAtUtc),
                };
                open.Triggers.Add(trigger);
                db.CallbackCases.Add(open);
                CallbackAudit.Add(open, CallbackEventKind.Flagged, null, asOf, $"Flagged: {what}");
                opened++;
                continue;
            }
            open.Triggers.Add(trigger);
            if (candidate.TriggeredAtUtc < open.FirstTriggeredAtUtc)
            {
                // A late-imported earlier trigger: the SLA counts from the earliest one.
                open.FirstTriggeredAtUtc = candidate.TriggeredAtUtc;
                open.DueAtUtc = configuration.DueAt(candidate.TriggeredAtUtc);
            }
            open.Version++;
            CallbackAudit.Add(open, CallbackEventKind.TriggerAdded, null, asOf, $"Trigger added: {what}");
            added++;
        }
        if (open is not null) open.Priority = CallbackPriority.Compute(open.Triggers.Select(t => (t.Rule, t.Csat)).ToList(), open.FirstTriggeredAtUtc, asOf);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (opened, added, onClosed, alreadyFlagged);
    }

    private static CallbackTrigger NewTrigger(Candidate candidate, DateTime asOf) => new()
    {
        Rule = candidate.Rule,
        TriggeredAtUtc = candidate.TriggeredAtUtc,
        SurveyResponseId = candidate.ResponseId,
        ContactId = candidate.ContactId,
        Csat = candidate.Csat,
        ContactsInWindow = candidate.ContactsInWindow,
        AddedAtUtc = asOf,
    };

    private static string Describe(Candidate candidate, CallbackRules rules) => candidate.Rule switch
    {
        CallbackRule.RepeatContacts =>
            $"{candidate.ContactsInWindow} contacts within {rules.Settings.RepeatWindowDays} days, the latest {candidate.ContactExternalId}",
        _ => $"CSAT {candidate.Csat}{(candidate.Resolved == false ? ", not resolved" : "")} on contact {candidate.ContactExternalId} (response {candidate.ResponseExternalId})"
             + (string.IsNullOrWhiteSpace(candidate.Comment) ? "" : $": “{Shorten(candidate.Comment, 200)}”"),
    };

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private async Task<CallbackFlaggingState> EnsureStateAsync(CancellationToken ct)
    {
        if (await db.CallbackFlaggingStates.AsNoTracking().SingleOrDefaultAsync(ct) is { } state) return state;
        try
        {
            db.CallbackFlaggingStates.Add(new CallbackFlaggingState());
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Created by a concurrent first run.
        }
        db.ChangeTracker.Clear();
        return await db.CallbackFlaggingStates.AsNoTracking().SingleAsync(ct);
    }

    /// <summary>One write: marks only move forward, so a slower concurrent run cannot move them back.</summary>
    private async Task SaveStateAsync(FlaggingRunResult result, CancellationToken ct)
    {
        var summary = result.Summary.Length > 500 ? result.Summary[..500] : result.Summary;
        await db.CallbackFlaggingStates.Where(s => s.Id == CallbackFlaggingState.SingletonId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.LastResponseId, x => x.LastResponseId < result.ResponseMark ? result.ResponseMark : x.LastResponseId)
                .SetProperty(x => x.LastContactId, x => x.LastContactId < result.ContactMark ? result.ContactMark : x.LastContactId)
                .SetProperty(x => x.LastRunAtUtc, result.AsOfUtc)
                .SetProperty(x => x.LastRunSummary, summary), ct);
    }
}
