using System.Diagnostics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>
/// Gives the demo organisation a lived-in callback worklist: replays the last weeks of demo data hour by hour through
/// the real flagging and escalation jobs, while simulated callback staff work the cases through the real case service
/// (claims, attempts, closings with outcomes and root causes, follow-up surveys, some of them answered). What is due
/// after "now" is left undone, so the worklist starts with fresh, in-progress and a few overdue cases.
/// Deterministic: every choice is drawn from a hash of the case's customer and trigger time.
/// </summary>
public sealed class CallbackDemoHistory(
    CxDbContext db,
    IServiceProvider services,
    CallbackSettingsService settingsService,
    TimeProvider clock,
    ILogger<CallbackDemoHistory> logger)
{
    public const int HistoryDays = 28;
    public const string CallbackLogin = "callback@demo.local";
    public const string ManagerLogin = "manager@demo.local";

    /// <summary>What customers write in the follow-up survey after a callback; one in eleven of the satisfied writes in English.</summary>
    private static readonly string[] RecoveredComments =
    [
        "Tack för att ni ringde upp, nu känns det bättre.",
        "Bra att ni hörde av er och rättade felet.",
        "Skönt att någon tog tag i det till slut.",
        "Uppskattar verkligen att ni ringde tillbaka.",
        "Trevligt samtal och nu är ärendet löst.",
        "Hade inte väntat mig att ni skulle ringa, men det var väldigt uppskattat.",
        "Ni tog mitt klagomål på allvar, det betyder mycket.",
        "Fick en ursäkt och en lösning, mer än så begär jag inte.",
        "Snabb återkoppling, nu är jag nöjd.",
        "Thank you for calling back, it is sorted now.",
        "Äntligen någon som lyssnade. Tack!",
    ];

    private static readonly string[] NotRecoveredComments =
    [
        "Trevligt samtal, men problemet finns kvar.",
        "Ni ringde men jag väntar fortfarande på en lösning.",
        "Fint att ni hörde av er, men det borde inte ha behövts.",
        "Samma besked som förra gången, inget har hänt.",
        "Ni lovade att återkomma igen men jag har inte hört något.",
    ];

    private const string NoAnswerNote = "Inget svar.";
    private const string LeftMessageNote = "Lämnade röstmeddelande med direktnummer.";
    private const string DeclinedNote = "Kunden ville inte prata om ärendet.";
    private static readonly string[] ResolvedNotes =
    [
        "Kunden berättade vad som hänt och vi löste det under samtalet.",
        "Gick igenom ärendet med kunden, allt är åtgärdat nu.",
    ];

    private static readonly string[] NotResolvedNotes =
    [
        "Kunden berättade vad som hänt, ärendet skickat vidare till andra linjen.",
        "Gick igenom ärendet och bokade tekniker, kunden är inte nöjd än.",
    ];

    public async Task CreateAsync(CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        // Thousands of small commits: on SQLite, hold one connection and skip the flush to disk after each (WAL keeps the
        // file consistent; a crash mid-seed means seeding again anyway). Restored at the end.
        await db.Database.OpenConnectionAsync(ct);
        var sqlite = db.Database.IsSqlite();
        if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL;", ct);
        try
        {
            await ReplayAsync(now, ct);
        }
        finally
        {
            if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = FULL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        var open = await db.CallbackCases.CountAsync(c => c.Status == CallbackCaseStatus.Open, ct);
        var closed = await db.CallbackCases.CountAsync(c => c.Status == CallbackCaseStatus.Closed, ct);
        logger.LogInformation("Demo callbacks: {Open} open and {Closed} closed cases from the last {Days} days, in {Seconds:0.0} s",
            open, closed, HistoryDays, stopwatch.Elapsed.TotalSeconds);
    }

    private async Task ReplayAsync(DateTime now, CancellationToken ct)
    {
        await ResetAsync(ct);
        var today = (await settingsService.GetAsync(ct)).Time.LocalDateOf(now);
        await settingsService.AddSwedishHolidaysAsync([today.Year - 1, today.Year, today.Year + 1], ct);

        var users = await db.Users.AsNoTracking().Where(u => u.Email == CallbackLogin || u.Email == ManagerLogin)
            .ToDictionaryAsync(u => u.Email!, u => new CallbackActor(u.Id, u.DisplayName, u.Email == ManagerLogin, null), ct);
        var reasons = await db.ContactReasons.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);

        var start = now.AddDays(-HistoryDays);
        await StartMarksAtAsync(start, ct);
        var simulated = new SimulatedClock(start);
        var settings = ActivatorUtilities.CreateInstance<CallbackSettingsService>(services);
        // The jobs run on the real clock with an explicit as-of (and quietly: hundreds of runs); the people's actions happen at simulated times.
        var flagging = ActivatorUtilities.CreateInstance<CallbackFlaggingJob>(services, settings, NullLogger<CallbackFlaggingJob>.Instance);
        var escalation = ActivatorUtilities.CreateInstance<CallbackEscalationJob>(services, settings, NullLogger<CallbackEscalationJob>.Instance);
        var invitations = ActivatorUtilities.CreateInstance<SurveyInvitationService>(services, (TimeProvider)simulated);
        var cases = ActivatorUtilities.CreateInstance<CallbackCaseService>(services, settings, invitations, (TimeProvider)simulated);
        var configuration = await settings.GetAsync(ct);

        var plans = new Dictionary<long, Queue<PlannedAction>>();
        for (var step = simulated.Now; step <= now; step = step.AddHours(1))
        {
            var due = plans.SelectMany(p => p.Value.Select(a => (CaseId: p.Key, Action: a)))
                .Where(a => a.Action.At <= step).OrderBy(a => a.Action.At).ThenBy(a => a.CaseId).ToList();
            foreach (var (caseId, action) in due)
            {
                simulated.Now = action.At;
                await action.Run(cases, caseId, ct);
                plans[caseId].Dequeue();
            }
            simulated.Now = step;
            await flagging.RunAsync(step, ct);
            await escalation.RunAsync(step, ct);
            if (users.Count < 2) continue;
            var newCases = await db.CallbackCases.AsNoTracking()
                .Where(c => c.Status == CallbackCaseStatus.Open && !plans.Keys.Contains(c.Id))
                .Select(c => new
                {
                    c.Id, c.CreatedAtUtc, c.FirstTriggeredAtUtc, Customer = c.Customer!.ExternalId,
                    Reason = c.Triggers.OrderBy(t => t.TriggeredAtUtc).Select(t => t.Contact!.ReasonId).First()
                })
                .ToListAsync(ct);
            foreach (var c in newCases)
            {
                var random = new Random(StableSeed(c.Customer, c.FirstTriggeredAtUtc));
                plans[c.Id] = Plan(random, c.CreatedAtUtc, c.FirstTriggeredAtUtc, c.Reason, reasons, users, configuration);
            }
        }
        simulated.Now = now;
        await flagging.RunAsync(now, ct);
        await escalation.RunAsync(now, ct);
    }

    /// <summary>The imports of the demo seed flagged "as of now" already; the replay starts from a clean slate instead.</summary>
    private async Task ResetAsync(CancellationToken ct)
    {
        await db.SurveyResponses.Where(r => r.CallbackCaseId != null).ExecuteDeleteAsync(ct);
        await db.SurveyInvitations.Where(i => i.CallbackCaseId != null).ExecuteDeleteAsync(ct);
        await db.CallbackCaseEvents.ExecuteDeleteAsync(ct);
        await db.CallbackAttempts.ExecuteDeleteAsync(ct);
        await db.CallbackTriggers.ExecuteDeleteAsync(ct);
        await db.CallbackCases.ExecuteDeleteAsync(ct);
        await db.CallbackFlaggingStates.ExecuteDeleteAsync(ct);
    }

    /// <summary>As if the flagging job had been running before the replay: everything older than its start counts as judged.</summary>
    private async Task StartMarksAtAsync(DateTime start, CancellationToken ct)
    {
        var firstResponse = await db.SurveyResponses.Where(r => r.ReceivedAtUtc >= start).MinAsync(r => (long?)r.Id, ct);
        var firstContact = await db.Contacts.Where(c => c.StartedAtUtc >= start).MinAsync(c => (long?)c.Id, ct);
        db.CallbackFlaggingStates.Add(new CallbackFlaggingState
        {
            LastResponseId = (firstResponse ?? 1) - 1,
            LastContactId = (firstContact ?? 1) - 1,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private sealed record PlannedAction(DateTime At, Func<CallbackCaseService, long, CancellationToken, Task> Run);

    /// <summary>How the simulated team works one case: who takes it, when they call, how it ends, whether the customer answers a follow-up.</summary>
    private Queue<PlannedAction> Plan(Random random, DateTime createdAt, DateTime triggeredAt, int triggerReason, List<int> reasons,
        Dictionary<string, CallbackActor> users, CallbackConfiguration configuration)
    {
        var caller = users[CallbackLogin];
        var manager = users[ManagerLogin];
        var actions = new Queue<PlannedAction>();
        var worker = random.NextDouble() < 0.8 ? caller : manager;
        // Most first attempts come well within the SLA's 9 working hours; some slip past it.
        var delay = random.NextDouble() < 0.85 ? 0.3 + random.NextDouble() * 7 : configuration.Settings.SlaWorkingHours + 0.5 + random.NextDouble() * 7;
        var firstAttempt = configuration.Calendar.AddWorkingTime(triggeredAt, TimeSpan.FromHours(delay));
        if (firstAttempt < createdAt.AddMinutes(10)) firstAttempt = createdAt.AddMinutes(10 + random.Next(50));

        var pickup = firstAttempt.AddMinutes(-5 - random.Next(30));
        if (pickup < createdAt) pickup = createdAt.AddMinutes(1);
        if (worker == caller && random.NextDouble() < 0.15)
            actions.Enqueue(new(pickup, (s, id, ct) => s.AssignAsync(id, caller.UserId, manager, ct)));
        else
            actions.Enqueue(new(pickup, (s, id, ct) => s.ClaimAsync(id, worker, ct)));

        var roll = random.NextDouble();
        var outcome = roll < 0.55 ? CallbackOutcome.ReachedResolved : roll < 0.70 ? CallbackOutcome.ReachedNotResolved
            : roll < 0.78 ? CallbackOutcome.Declined : CallbackOutcome.Unreachable;
        var failedFirst = outcome == CallbackOutcome.Unreachable ? configuration.Settings.UnreachableAfterAttempts : random.NextDouble() < 0.3 ? 1 : 0;
        var attemptAt = firstAttempt;
        for (var i = 0; i < failedFirst; i++)
        {
            var result = random.NextDouble() < 0.6 ? CallbackAttemptResult.NoAnswer : CallbackAttemptResult.LeftMessage;
            var note = result == CallbackAttemptResult.LeftMessage ? LeftMessageNote : NoAnswerNote;
            actions.Enqueue(Attempt(attemptAt, worker, CallbackChannel.Phone, result, note, configuration));
            attemptAt = configuration.Calendar.AddWorkingTime(attemptAt, TimeSpan.FromHours(2 + random.NextDouble() * 5));
        }
        if (outcome != CallbackOutcome.Unreachable)
        {
            var note = outcome switch
            {
                CallbackOutcome.Declined => DeclinedNote,
                CallbackOutcome.ReachedResolved => ResolvedNotes[random.Next(ResolvedNotes.Length)],
                _ => NotResolvedNotes[random.Next(NotResolvedNotes.Length)],
            };
            actions.Enqueue(Attempt(attemptAt, worker, CallbackChannel.Phone, CallbackAttemptResult.Reached, note, configuration));
        }
        else
        {
            attemptAt = attemptAt.AddMinutes(-random.Next(60, 120));
        }

        var closeAt = attemptAt.AddMinutes(4 + random.Next(20));
        var rootCause = random.NextDouble() < 0.75 ? triggerReason : reasons[random.Next(reasons.Count)];
        var followUp = outcome is CallbackOutcome.ReachedResolved or CallbackOutcome.ReachedNotResolved && random.NextDouble() < 0.75;
        actions.Enqueue(new(closeAt, (s, id, ct) => s.CloseAsync(id, new CloseInput(outcome, rootCause, null, followUp), worker, ct)));
        if (followUp && random.NextDouble() < 0.55)
        {
            var recovers = random.NextDouble() < (outcome == CallbackOutcome.ReachedResolved ? 0.78 : 0.35);
            var csat = recovers ? 4 + random.Next(2) : 1 + random.Next(3);
            var fitting = recovers ? RecoveredComments : NotRecoveredComments;
            var comment = random.NextDouble() < 0.5 ? fitting[random.Next(fitting.Length)] : null;
            var answeredAt = closeAt.AddHours(2 + random.Next(46));
            actions.Enqueue(new(answeredAt, (_, id, ct) => AnswerFollowUpAsync(id, csat, comment, answeredAt, ct)));
        }
        return actions;
    }

    private static PlannedAction Attempt(DateTime at, CallbackActor worker, CallbackChannel channel, CallbackAttemptResult result, string note,
        CallbackConfiguration configuration) =>
        new(at, (s, id, ct) => s.LogAttemptAsync(id, new AttemptInput(configuration.Time.ToLocal(at), channel, result, note), worker, ct));

    /// <summary>The customer answers the follow-up survey (as the hosted survey page would record it).</summary>
    private async Task AnswerFollowUpAsync(long caseId, int csat, string? comment, DateTime answeredAtUtc, CancellationToken ct)
    {
        var invitation = await db.SurveyInvitations.Where(i => i.CallbackCaseId == caseId && i.AnsweredAtUtc == null).OrderBy(i => i.Id).FirstOrDefaultAsync(ct);
        if (invitation is null) return;
        var response = new SurveyResponse
        {
            ExternalId = SurveyAnswerService.ExternalIdFor(invitation.Id),
            ContactId = invitation.ContactId,
            ReceivedAtUtc = answeredAtUtc,
            Csat = csat,
            Resolved = csat >= 4,
            Comment = comment,
            Kind = SurveyResponseKind.CallbackFollowUp,
            CallbackCaseId = caseId,
        };
        db.SurveyResponses.Add(response);
        await db.SaveChangesAsync(ct);
        invitation.AnsweredAtUtc = response.ReceivedAtUtc;
        invitation.ResponseId = response.Id;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static int StableSeed(string customer, DateTime at)
    {
        // FNV-1a: string.GetHashCode differs between processes, and the demo must not.
        var hash = 2166136261u;
        foreach (var ch in customer + at.Ticks) hash = (hash ^ ch) * 16777619u;
        return (int)(hash & 0x7fffffff);
    }

    /// <summary>A clock the replay sets: the jobs and the case service read "now" from it.</summary>
    private sealed class SimulatedClock(DateTime start) : TimeProvider
    {
        public DateTime Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(Now, DateTimeKind.Utc));
    }
}
