using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Callbacks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Callbacks;

public sealed class CaseWorkflowTestsOnSqlite(CaseWorkflowTests<OnSqlite>.Fixture fixture) : CaseWorkflowTests<OnSqlite>(fixture);

public sealed class CaseWorkflowTestsOnPostgres(CaseWorkflowTests<OnPostgres>.Fixture fixture) : CaseWorkflowTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>
/// Working cases through the real pages and forms (antiforgery included): claim, the race of two claims, attempts,
/// closing with outcome and root cause, the follow-up survey link, assigning. Each test works its own customer's case.
/// </summary>
public abstract class CaseWorkflowTests<TDb>(CaseWorkflowTests<TDb>.Fixture fixture) : IClassFixture<CaseWorkflowTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new(TDb.Provider);
        public Task InitializeAsync() => CallbackDataset.LoadAsync(App);
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private CxAppFactory App => fixture.App;

    /// <summary>"Now" in the organisation's time zone, as the attempt form's date-time field is filled.</summary>
    private const string LocalNow = "2026-05-13T12:00";

    [DbFact]
    public async Task One_click_on_the_worklist_claims_a_case()
    {
        var client = await App.SignedInClientAsync("claimer@test.local", Roles.Callback);
        var caseId = await CallbackDataset.CaseIdAsync(App, "CU2");

        var page = await CallbackPages.SubmitAndReadAsync(client, "/Callbacks", $"tr[data-case='{caseId}'] form");

        Assert.Equal($"Case {caseId}: The case is yours: call the customer before the due time.", CallbackPages.Message(page));
        Assert.Equal("claimer@test.local", page.QuerySelector($"tr[data-case='{caseId}'] [data-testid=assignee]").Text());
        var mine = await Html.GetDocumentAsync(client, "/Callbacks?mine=true");
        Assert.Equal(["Per Två"], mine.QuerySelectorAll("[data-testid=customer]").Select(e => e.Text()));
    }

    [DbFact]
    public async Task Two_people_claiming_at_once_exactly_one_wins_and_the_other_is_told_who_has_it()
    {
        var caseId = await CallbackDataset.CaseIdAsync(App, "CU3");
        var anna = await App.SignedInClientAsync("anna-claims@test.local", Roles.Callback);
        var bo = await App.SignedInClientAsync("bo-claims@test.local", Roles.Callback);
        var url = CallbackPages.CaseUrl(caseId);

        // Both open the case while it is unassigned, then press "Claim" at the same moment.
        var annaForm = (await Html.GetDocumentAsync(anna, url)).QuerySelector("form[action*='handler=Claim']")!;
        var boForm = (await Html.GetDocumentAsync(bo, url)).QuerySelector("form[action*='handler=Claim']")!;
        var responses = await Task.WhenAll(
            anna.PostAsync(CallbackPages.ActionOf(annaForm, url), CallbackPages.FormContent(annaForm, null)),
            bo.PostAsync(CallbackPages.ActionOf(boForm, url), CallbackPages.FormContent(boForm, null)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        var messages = new[]
        {
            CallbackPages.Message(await Html.GetDocumentAsync(anna, url)),
            CallbackPages.Message(await Html.GetDocumentAsync(bo, url)),
        };
        var winner = Array.FindIndex(messages, m => m == "The case is yours: call the customer before the due time.");
        Assert.True(winner >= 0, string.Join(" | ", messages));
        var winnerEmail = winner == 0 ? "anna-claims@test.local" : "bo-claims@test.local";
        Assert.Equal($"{winnerEmail} claimed this case first; ask a manager if it should be yours.", messages[1 - winner]);

        var (assignee, claims) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var assigned = await db.CallbackCases.Where(c => c.Id == caseId).Select(c => c.AssignedTo!.Email).SingleAsync();
            var events = await db.CallbackCaseEvents.CountAsync(e => e.CaseId == caseId && e.Kind == CallbackEventKind.Claimed);
            return (assigned, events);
        });
        Assert.Equal(winnerEmail, assignee);
        Assert.Equal(1, claims);
    }

    [DbFact]
    public async Task The_version_token_stops_a_save_based_on_a_stale_read()
    {
        // The mechanism behind the race above, made deterministic: a read, someone else's change, then a save of the read.
        var caseId = await CallbackDataset.CaseIdAsync(App, "CU9");
        using var staleScope = App.Services.CreateScope();
        var staleDb = staleScope.ServiceProvider.GetRequiredService<CxDbContext>();
        var stale = await staleDb.CallbackCases.SingleAsync(c => c.Id == caseId);

        // Someone else's change (whatever it is: the case may already be assigned by another test of this class).
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var other = await db.CallbackCases.SingleAsync(c => c.Id == caseId);
            other.Version++;
            await db.SaveChangesAsync();
        });

        stale.AssignedToUserId = null;
        stale.Version++;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => staleDb.SaveChangesAsync());
    }

    [DbFact]
    public async Task Log_attempts_then_close_with_outcome_root_cause_and_a_follow_up_survey()
    {
        var client = await App.SignedInClientAsync("worker@test.local", Roles.Callback);
        var caseId = await CallbackDataset.CaseIdAsync(App, "CU1");
        var url = CallbackPages.CaseUrl(caseId);

        // A first try: no answer. Logging it on an unassigned case makes it the caller's.
        var page = await CallbackPages.SubmitAndReadAsync(client, url, "[data-testid=attempt-form]", new Dictionary<string, string>
        {
            ["Attempt.AttemptedAt"] = "2026-05-13T11:40", ["Attempt.Channel"] = "Phone", ["Attempt.Result"] = "NoAnswer", ["Attempt.Note"] = "Ringde, inget svar",
        });
        Assert.Equal("Attempt 1 logged.", CallbackPages.Message(page));
        Assert.Equal("worker@test.local", page.QuerySelector("[data-testid=assignee]").Text());
        Assert.Equal(["2026-05-13 11:40 Phone No answer Ringde, inget svar worker@test.local"], page.QuerySelectorAll("[data-testid=attempts] tbody tr").Select(Html.RowText));

        // Closing needs both an outcome and a root cause.
        page = await CallbackPages.SubmitAndReadAsync(client, url, "[data-testid=close-form]");
        Assert.Equal(
            ["Choose the outcome of the callback.", "Choose the root cause: the contact reason that really lay behind the dissatisfaction."],
            CallbackPages.ValidationMessages(page));

        var faktura = await App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ContactReasons.Where(r => r.Code == "FAKTURA").Select(r => r.Id).SingleAsync());
        page = await CallbackPages.SubmitAndReadAsync(client, url, "[data-testid=close-form]", new Dictionary<string, string>
        {
            ["Close.Outcome"] = "Unreachable", ["Close.RootCauseReasonId"] = faktura.ToString(),
        });
        Assert.Equal(["\"Unreachable\" needs at least 3 attempts; 1 logged so far."], CallbackPages.ValidationMessages(page));

        page = await CallbackPages.SubmitAndReadAsync(client, url, "[data-testid=close-form]", new Dictionary<string, string>
        {
            ["Close.Outcome"] = "ReachedResolved", ["Close.RootCauseReasonId"] = faktura.ToString(),
        });
        Assert.Equal(["\"Reached, resolved\" means you reached the customer: log that attempt as \"Reached\" first."], CallbackPages.ValidationMessages(page));

        // The second call reaches the customer.
        await CallbackPages.SubmitAndReadAsync(client, url, "[data-testid=attempt-form]", new Dictionary<string, string>
        {
            ["Attempt.AttemptedAt"] = LocalNow, ["Attempt.Channel"] = "Phone", ["Attempt.Result"] = "Reached", ["Attempt.Note"] = "Gick igenom fakturan",
        });
        // Whatever Host header the request carries, the link is built from the configured public address.
        client.DefaultRequestHeaders.Host = "evil.example";
        page = await CallbackPages.SubmitAndReadAsync(client, url, "[data-testid=close-form]", new Dictionary<string, string>
        {
            ["Close.Outcome"] = "ReachedResolved", ["Close.RootCauseReasonId"] = faktura.ToString(), ["Close.Note"] = "Kreditering ordnad", ["Close.SendFollowUp"] = "true",
        });

        Assert.Equal("The case is closed. Copy the follow-up survey link below now: it is not shown again.", CallbackPages.Message(page));
        Assert.Equal("Reached, resolved", page.QuerySelector("[data-testid=outcome]").Text());
        Assert.Equal("FAKTURA (FAKTURA)", page.QuerySelector("[data-testid=root-cause]").Text());
        Assert.Null(page.QuerySelector("[data-testid=attempt-form]"));
        var link = page.QuerySelector("[data-testid=follow-up-link]")!.GetAttribute("value")!;
        Assert.StartsWith("http://localhost/s/", link);

        var invitation = await App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().SurveyInvitations.AsNoTracking()
            .SingleAsync(i => i.CallbackCaseId == caseId));
        Assert.Equal(SurveyResponseKind.CallbackFollowUp, invitation.Kind);
        // The database keeps only the hash of the link's token, and the link is not shown again.
        Assert.Equal(CxDashboard.Web.Features.Surveys.LinkTokens.Hash(link["http://localhost/s/".Length..]), invitation.TokenHash);
        Assert.DoesNotContain(link["http://localhost/s/".Length..], await App.WithScopeAsync(async sp =>
            string.Join(" ", await sp.GetRequiredService<CxDbContext>().CallbackCaseEvents.Select(e => e.Detail).ToListAsync())));
        var again = await Html.GetDocumentAsync(client, url);
        Assert.Null(again.QuerySelector("[data-testid=follow-up-link]"));
        Assert.StartsWith("Link created", again.QuerySelector("[data-testid=follow-up-item]").Text());
        Assert.Equal("K101", await App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Contacts.Where(c => c.Id == invitation.ContactId).Select(c => c.ExternalId).SingleAsync()));

        var audit = page.QuerySelectorAll("[data-testid=audit-detail]").Select(e => e.Text()).ToList();
        Assert.Equal(6, audit.Count);
        Assert.StartsWith("Flagged: CSAT 1, not resolved on contact K101", audit[0]);
        Assert.Equal("Claimed by worker@test.local (logged an attempt)", audit[1]);
        // Due Wednesday 05-06 16:00 local; 11:40 a week later is 6 days 19 h 40 min late.
        Assert.Equal("Attempt 1 at 2026-05-13 11:40 by phone: no answer (6 d 19 h after the due time). Note: Ringde, inget svar", audit[2]);
        Assert.StartsWith("Attempt 2 at 2026-05-13 12:00 by phone: reached", audit[3]);
        Assert.Equal("Closed by worker@test.local: reached, resolved; root cause FAKTURA (FAKTURA). Note: Kreditering ordnad", audit[4]);
        Assert.StartsWith("Follow-up survey link created by worker@test.local, valid until", audit[5]);

        var open = await Html.GetDocumentAsync(client, "/Callbacks");
        Assert.DoesNotContain("Ulla Ett", open.QuerySelectorAll("[data-testid=customer]").Select(e => e.Text()));
        var closed = await Html.GetDocumentAsync(client, "/Callbacks?status=closed");
        Assert.Contains("Ulla Ett", closed.QuerySelectorAll("[data-testid=customer]").Select(e => e.Text()));
    }

    [DbFact]
    public async Task A_bad_attempt_is_explained_and_nothing_is_saved()
    {
        var client = await App.SignedInClientAsync("careful@test.local", Roles.Callback);
        var caseId = await CallbackDataset.CaseIdAsync(App, "CU6");
        var page = await CallbackPages.SubmitAndReadAsync(client, CallbackPages.CaseUrl(caseId), "[data-testid=attempt-form]", new Dictionary<string, string>
        {
            ["Attempt.AttemptedAt"] = "2026-05-14T09:00", ["Attempt.Channel"] = "Phone", ["Attempt.Result"] = "",
        });
        Assert.Equal(["The attempt cannot be in the future.", "Choose what happened."], CallbackPages.ValidationMessages(page));
        Assert.Equal("2026-05-14T09:00", page.QuerySelector("#Attempt_AttemptedAt")!.GetAttribute("value")); // the input is kept

        var before = await CallbackPages.SubmitAndReadAsync(client, CallbackPages.CaseUrl(caseId), "[data-testid=attempt-form]", new Dictionary<string, string>
        {
            ["Attempt.AttemptedAt"] = "2026-05-01T09:00", ["Attempt.Channel"] = "Phone", ["Attempt.Result"] = "NoAnswer",
        });
        Assert.Equal(["The attempt cannot be before the customer was flagged (2026-05-11 09:00)."], CallbackPages.ValidationMessages(before));

        var (attempts, assignee) = await App.WithScopeAsync(async sp =>
        {
            var c = await sp.GetRequiredService<CxDbContext>().CallbackCases.AsNoTracking().SingleAsync(x => x.Id == caseId);
            return (c.AttemptCount, c.AssignedToUserId);
        });
        Assert.Equal((0, null), (attempts, assignee));
    }

    [DbFact]
    public async Task Managers_assign_and_reassign_and_callback_staff_cannot()
    {
        var caseId = await CallbackDataset.CaseIdAsync(App, "CU9");
        await App.CreateUserAsync("first-caller@test.local", Roles.Callback);
        await App.CreateUserAsync("second-caller@test.local", Roles.Callback);
        var manager = await App.SignedInClientAsync("assigning-manager@test.local", Roles.Manager);
        var url = CallbackPages.CaseUrl(caseId);

        var page = await CallbackPages.SubmitAndReadAsync(manager, url, "[data-testid=assign-form]",
            new Dictionary<string, string> { ["AssigneeId"] = await CallbackPages.UserIdAsync(App, "first-caller@test.local") });
        Assert.Equal("Assigned to first-caller@test.local.", CallbackPages.Message(page));
        page = await CallbackPages.SubmitAndReadAsync(manager, url, "[data-testid=assign-form]",
            new Dictionary<string, string> { ["AssigneeId"] = await CallbackPages.UserIdAsync(App, "second-caller@test.local") });
        Assert.Equal("second-caller@test.local", page.QuerySelector("[data-testid=assignee]").Text());
        Assert.Contains("Reassigned from first-caller@test.local to second-caller@test.local by assigning-manager@test.local",
            page.QuerySelectorAll("[data-testid=audit-detail]").Select(e => e.Text()));

        // Someone else's case: callback staff can neither take it over nor assign it.
        var caller = await App.SignedInClientAsync("first-caller@test.local", Roles.Callback);
        var callerPage = await Html.GetDocumentAsync(caller, url);
        Assert.Null(callerPage.QuerySelector("[data-testid=assign-form]"));
        Assert.Null(callerPage.QuerySelector("[data-testid=attempt-form]"));
        var token = Html.AntiforgeryToken(callerPage);
        var post = await caller.PostAsync(url + "?handler=Assign", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["AssigneeId"] = await CallbackPages.UserIdAsync(App, "first-caller@test.local"),
        }));
        Assert.Equal("Only managers assign cases to others.", CallbackPages.Message(await Html.GetDocumentAsync(caller, post.Headers.Location!.OriginalString)));
        var attempt = await caller.PostAsync(url + "?handler=Attempt", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Attempt.Channel"] = "Phone", ["Attempt.Result"] = "Reached",
        }));
        Assert.Equal("second-caller@test.local has this case; ask a manager to reassign it if you should take over.",
            CallbackPages.Message(await Html.GetDocumentAsync(caller, attempt.Headers.Location!.OriginalString)));
    }
}
