using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Callbacks;

public sealed class FlaggingJobTestsOnSqlite : FlaggingJobTests<OnSqlite>;

public sealed class FlaggingJobTestsOnPostgres : FlaggingJobTests<OnPostgres>, IRunsOnPostgres;

/// <summary>The flagging job over <see cref="CallbackDataset"/>, driven by the fake clock and explicit as-of times.</summary>
public abstract class FlaggingJobTests<TDb> : IAsyncLifetime where TDb : ITestDatabase
{
    private readonly JobDrivenAppFactory _app = new(TDb.Provider);

    /// <summary>
    /// Each test loads the data itself: at <see cref="CallbackDataset.Now"/>, or earlier when people act on cases before
    /// then (the fake clock only moves forward). Job runs name their as-of.
    /// </summary>
    public Task InitializeAsync() => Task.CompletedTask;

    private Task LoadAsync(DateTimeOffset? clock = null) => CallbackDataset.LoadAsync(_app, clock);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private Task<FlaggingRunResult> FlagNowAsync() => CallbackDataset.FlagAsync(_app, CallbackDataset.Now);

    [DbFact]
    public async Task Each_rule_flags_exactly_the_right_customers_and_never_a_do_not_contact_one()
    {
        await LoadAsync();
        var run = await FlagNowAsync();

        var cases = await CallbackDataset.CasesAsync(_app);
        Assert.Equal(CallbackDataset.FlaggedCustomers, cases.Select(c => c.Customer).Order());
        var byCustomer = cases.ToDictionary(c => c.Customer);
        Assert.Equal([(CallbackRule.LowCsat, "R101")], byCustomer["CU1"].Triggers);
        Assert.Equal([(CallbackRule.LowCsat, "R102")], byCustomer["CU2"].Triggers);
        Assert.Equal([(CallbackRule.NotResolved, "R103")], byCustomer["CU3"].Triggers);
        Assert.Equal([(CallbackRule.RepeatContacts, "K106c")], byCustomer["CU6"].Triggers);
        Assert.Equal([(CallbackRule.LowCsat, "R109a"), (CallbackRule.LowCsat, "R109b")], byCustomer["CU9"].Triggers);
        Assert.All(cases, c => Assert.Equal(CallbackCaseStatus.Open, c.Status));
        Assert.Equal("T2", byCustomer["CU6"].Team); // the team of the contact that completed the count

        Assert.Equal(5, run.CasesOpened);
        Assert.Equal(1, run.TriggersAdded); // R109b joined CU9's case
        Assert.Equal(2, run.DoNotContactSkipped); // CU8: R108, and K108c completing three contacts in three days
        Assert.Equal(0, run.AlreadyFlagged);
    }

    [DbFact]
    public async Task Due_times_follow_the_working_hours_calendar()
    {
        await LoadAsync();
        await FlagNowAsync();
        var due = (await CallbackDataset.CasesAsync(_app)).ToDictionary(c => c.Customer, c => c.DueAtUtc);
        Assert.Equal(Utc(5, 6, 14), due["CU1"]); // Tuesday 16:00 → Wednesday 16:00 (CEST)
        Assert.Equal(Utc(5, 11, 15), due["CU2"]); // Saturday → Monday 17:00
        Assert.Equal(Utc(5, 7, 10), due["CU3"]); // Wednesday 12:00 → Thursday 12:00
        Assert.Equal(Utc(5, 12, 7), due["CU6"]); // Monday 09:00 → Tuesday 09:00
        Assert.Equal(Utc(5, 8, 12), due["CU9"]); // from the first trigger, Thursday 14:00 → Friday 14:00
    }

    [DbFact]
    public async Task Priority_orders_by_severity_repeats_and_age()
    {
        await LoadAsync();
        await FlagNowAsync();
        var priority = (await CallbackDataset.CasesAsync(_app)).ToDictionary(c => c.Customer, c => c.Priority);
        Assert.Equal(85, priority["CU9"]);
        Assert.Equal(80, priority["CU1"]);
        Assert.Equal(60, priority["CU3"]);
        Assert.Equal(60, priority["CU2"]);
        Assert.Equal(40, priority["CU6"]);
    }

    [DbFact]
    public async Task A_rerun_creates_nothing_new_even_when_the_high_water_mark_is_lost()
    {
        await LoadAsync();
        await FlagNowAsync();
        var before = await SnapshotAsync();

        var rerun = await FlagNowAsync();
        Assert.Equal((0, 0, 0, 0), (rerun.CasesOpened, rerun.TriggersAdded, rerun.ResponsesExamined, rerun.ContactsExamined));

        // Without the mark everything is read again; the unique indexes still let nothing in twice.
        await _app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().CallbackFlaggingStates
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastResponseId, 0).SetProperty(x => x.LastContactId, 0)));
        var fromScratch = await FlagNowAsync();
        Assert.Equal(0, fromScratch.CasesOpened + fromScratch.TriggersAdded);
        Assert.Equal(6, fromScratch.AlreadyFlagged); // the six triggers, each recognised by its unique source
        Assert.Equal(before, await SnapshotAsync());
    }

    [DbFact]
    public async Task Two_runs_at_once_create_no_duplicates()
    {
        await LoadAsync();
        // Four runs from a lost mark race for the same customers on separate connections.
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(FlagNowAsync)));

        var cases = await CallbackDataset.CasesAsync(_app);
        Assert.Equal(CallbackDataset.FlaggedCustomers, cases.Select(c => c.Customer).Order());
        Assert.Equal(6, cases.Sum(c => c.Triggers.Count));
        Assert.Equal(5, runs.Sum(r => r.CasesOpened));
        Assert.Equal(6, runs.Sum(r => r.CasesOpened + r.TriggersAdded));
        var events = await _app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().CallbackCaseEvents.CountAsync());
        Assert.Equal(6, events); // one "Flagged" per case and one "Trigger added": nothing written twice
    }

    [DbFact]
    public async Task The_database_itself_refuses_a_second_open_case_and_a_second_trigger_for_the_same_source()
    {
        await LoadAsync();
        await FlagNowAsync();
        await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var existing = await db.CallbackCases.Include(c => c.Triggers).FirstAsync(c => c.Customer!.ExternalId == "CU1");
            db.CallbackCases.Add(new CallbackCase
            {
                CustomerId = existing.CustomerId, CreatedAtUtc = existing.CreatedAtUtc, FirstTriggeredAtUtc = existing.FirstTriggeredAtUtc, DueAtUtc = existing.DueAtUtc,
            });
            var secondCase = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(DatabaseErrors.IsUniqueViolation(secondCase), secondCase.InnerException?.Message);
            db.ChangeTracker.Clear();

            var trigger = existing.Triggers[0];
            var otherCase = await db.CallbackCases.FirstAsync(c => c.Customer!.ExternalId == "CU2");
            db.CallbackTriggers.Add(new CallbackTrigger
            {
                CaseId = otherCase.Id, Rule = CallbackRule.NotResolved, SurveyResponseId = trigger.SurveyResponseId, ContactId = trigger.ContactId,
                TriggeredAtUtc = trigger.TriggeredAtUtc, AddedAtUtc = trigger.AddedAtUtc,
            });
            var secondTrigger = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(DatabaseErrors.IsUniqueViolation(secondTrigger), secondTrigger.InnerException?.Message);
        });
    }

    [DbFact]
    public async Task A_trigger_later_than_as_of_waits_for_the_run_whose_time_has_come()
    {
        await LoadAsync();
        // As of Tuesday 14:30Z only R101 (received 14:00Z) has arrived; the mark must not pass the later responses.
        var early = await CallbackDataset.FlagAsync(_app, new DateTimeOffset(2026, 5, 5, 14, 30, 0, TimeSpan.Zero));
        Assert.Equal(["CU1"], (await CallbackDataset.CasesAsync(_app)).Select(c => c.Customer));
        Assert.True(early.NotYetDue > 0);

        var later = await FlagNowAsync();
        Assert.Equal(4, later.CasesOpened);
        Assert.Equal(CallbackDataset.FlaggedCustomers, (await CallbackDataset.CasesAsync(_app)).Select(c => c.Customer).Order());
        var created = await _app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().CallbackCases
            .Where(c => c.Customer!.ExternalId == "CU1").Select(c => c.CreatedAtUtc).SingleAsync());
        Assert.Equal(Utc(5, 5, 14, 30), created); // "now" of a run is its as-of
    }

    [DbFact]
    public async Task Later_triggers_join_the_open_case_and_are_listed_on_it()
    {
        await LoadAsync();
        await FlagNowAsync();
        await _app.ImportOkAsync(ImportKind.SurveyResponses, """
            response_id,contact_id,received_at,csat,resolved,comment
            R101b,K101,2026-05-12T09:00:00+02:00,2,no,Fortfarande ingen återkoppling
            """);
        var run = await FlagNowAsync();
        Assert.Equal((0, 1), (run.CasesOpened, run.TriggersAdded));

        var cu1 = (await CallbackDataset.CasesAsync(_app)).Where(c => c.Customer == "CU1").ToList();
        Assert.Single(cu1);
        Assert.Equal([(CallbackRule.LowCsat, "R101"), (CallbackRule.LowCsat, "R101b")], cu1[0].Triggers);
        Assert.Equal(Utc(5, 6, 14), cu1[0].DueAtUtc); // the SLA still counts from the first trigger
        var audit = await _app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().CallbackCaseEvents
            .Where(e => e.CaseId == cu1[0].Id).OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync());
        Assert.StartsWith("Flagged: CSAT 1, not resolved on contact K101 (response R101): “Ingen lyssnade på mig”", audit[0]);
        Assert.StartsWith("Trigger added: CSAT 2, not resolved on contact K101 (response R101b)", audit[1]);
    }

    [DbFact]
    public async Task After_a_case_is_closed_new_feedback_opens_a_new_case_and_older_feedback_is_listed_on_the_closed_one()
    {
        await LoadAsync(new DateTimeOffset(Utc(5, 9, 10)));
        await _app.ImportOkAsync(ImportKind.SurveyResponses, "response_id,contact_id,received_at,csat\nR102late,K102,2026-05-10T10:00:00+02:00,1");
        await CallbackDataset.FlagAsync(_app, new DateTimeOffset(2026, 5, 9, 10, 0, 0, TimeSpan.Zero));
        var cu2 = await CallbackDataset.CaseIdAsync(_app, "CU2");
        await CloseAsync(cu2, Utc(5, 9, 13));

        // R102late (received 05-10 08:00Z) came after the close: a new case. A late import of feedback from before the close: listed only.
        await _app.ImportOkAsync(ImportKind.SurveyResponses, "response_id,contact_id,received_at,csat\nR102early,K102,2026-05-09T13:00:00+02:00,2");
        var run = await FlagNowAsync();
        Assert.Equal(1, run.TriggersOnClosedCases);

        var cases = (await CallbackDataset.CasesAsync(_app)).Where(c => c.Customer == "CU2").ToList();
        Assert.Equal(2, cases.Count);
        Assert.Equal(CallbackCaseStatus.Closed, cases[0].Status);
        Assert.Equal(["R102", "R102early"], cases[0].Triggers.Select(t => t.Source));
        Assert.Equal(CallbackCaseStatus.Open, cases[1].Status);
        Assert.Equal(["R102late"], cases[1].Triggers.Select(t => t.Source));
    }

    [DbFact]
    public async Task Triggers_older_than_the_maximum_age_open_no_case()
    {
        await LoadAsync();
        // Twenty days later, everything is older than the default 14 days.
        var run = await CallbackDataset.FlagAsync(_app, CallbackDataset.Now.AddDays(20));
        Assert.Equal(0, run.CasesOpened);
        Assert.Equal(6, run.TooOldSkipped);
        Assert.Empty(await CallbackDataset.CasesAsync(_app));
    }

    [DbFact]
    public async Task A_customer_marked_do_not_contact_before_the_run_is_not_flagged()
    {
        await LoadAsync();
        await _app.ImportOkAsync(ImportKind.Contacts, """
            contact_id,customer_id,agent_id,channel,reason,started_at,do_not_contact
            K101,CU1,A1,phone,FAKTURA,2026-03-03T10:00:00+01:00,true
            """);
        await FlagNowAsync();
        Assert.DoesNotContain("CU1", (await CallbackDataset.CasesAsync(_app)).Select(c => c.Customer));
    }

    [DbFact]
    public async Task Overdue_cases_without_an_attempt_are_escalated_once()
    {
        await LoadAsync();
        await CallbackDataset.FlagAsync(_app, new DateTimeOffset(2026, 5, 5, 14, 30, 0, TimeSpan.Zero));
        var cu1 = await CallbackDataset.CaseIdAsync(_app, "CU1");

        var atDue = await CallbackDataset.EscalateAsync(_app, new DateTimeOffset(Utc(5, 6, 14)));
        Assert.Equal(0, atDue.Escalated); // due at 14:00Z exactly: not overdue yet
        var justAfter = await CallbackDataset.EscalateAsync(_app, new DateTimeOffset(Utc(5, 6, 14, 1)));
        Assert.Equal(1, justAfter.Escalated);
        var twoAtOnce = await Task.WhenAll(CallbackDataset.EscalateAsync(_app, new DateTimeOffset(Utc(5, 6, 15))), CallbackDataset.EscalateAsync(_app, new DateTimeOffset(Utc(5, 6, 15))));
        Assert.Equal(0, twoAtOnce.Sum(r => r.Escalated));

        var (escalatedAt, events) = await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var at = await db.CallbackCases.Where(c => c.Id == cu1).Select(c => c.EscalatedAtUtc).SingleAsync();
            var list = await db.CallbackCaseEvents.Where(e => e.CaseId == cu1 && e.Kind == CallbackEventKind.Escalated).Select(e => e.Detail).ToListAsync();
            return (at, list);
        });
        Assert.Equal(Utc(5, 6, 14, 1), escalatedAt);
        Assert.Equal(["Escalated: due 2026-05-06 16:00 and no attempt yet (overdue by 1 min)"], events);
    }

    [DbFact]
    public async Task A_case_with_an_attempt_before_its_due_time_is_not_escalated()
    {
        await LoadAsync(new DateTimeOffset(Utc(5, 5, 15)));
        await CallbackDataset.FlagAsync(_app, new DateTimeOffset(2026, 5, 5, 14, 30, 0, TimeSpan.Zero));
        var cu1 = await CallbackDataset.CaseIdAsync(_app, "CU1");
        _app.Clock.SetUtcNow(Utc(5, 6, 7));
        await _app.CreateUserAsync("caller-esc@test.local", Web.Features.Accounts.Roles.Callback);
        var actor = await ActorAsync("caller-esc@test.local");
        await _app.WithScopeAsync(sp => sp.GetRequiredService<CallbackCaseService>()
            .LogAttemptAsync(cu1, new AttemptInput(null, CallbackChannel.Phone, CallbackAttemptResult.NoAnswer, null), actor));

        var run = await CallbackDataset.EscalateAsync(_app, CallbackDataset.Now);
        Assert.Equal(0, run.Escalated);
    }

    private Task<CallbackActor> ActorAsync(string email) => _app.WithScopeAsync(async sp =>
    {
        var user = await sp.GetRequiredService<CxDbContext>().Users.SingleAsync(u => u.Email == email);
        return new CallbackActor(user.Id, user.DisplayName, false, null);
    });

    private async Task CloseAsync(long caseId, DateTime at)
    {
        _app.Clock.SetUtcNow(at);
        await _app.CreateUserAsync("closer@test.local", Web.Features.Accounts.Roles.Callback);
        var actor = await ActorAsync("closer@test.local");
        var reason = await _app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ContactReasons.Select(r => r.Id).FirstAsync());
        await _app.WithScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<CallbackCaseService>();
            Assert.True((await service.LogAttemptAsync(caseId, new AttemptInput(null, CallbackChannel.Phone, CallbackAttemptResult.Reached, null), actor)).Succeeded);
            var closed = await service.CloseAsync(caseId, new CloseInput(CallbackOutcome.ReachedResolved, reason, null, false), actor);
            Assert.True(closed.Succeeded, closed.Message + string.Join("; ", closed.Errors));
        });
    }

    private async Task<string> SnapshotAsync()
    {
        var cases = await CallbackDataset.CasesAsync(_app);
        return string.Join("\n", cases.Select(c => $"{c.Customer} {c.DueAtUtc:o} {string.Join(",", c.Triggers)}"));
    }
}
