using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Callbacks;

/// <summary>
/// The case page over a customer's history: CU1's first case is closed with a follow-up survey the customer answers, then
/// a new low score opens a second case. Each follow-up is labelled by the case it belongs to, and each case lists the
/// customer's other cases with how they ended.
/// </summary>
public sealed class CasePageHistoryTests(CasePageHistoryTests.Fixture fixture) : IClassFixture<CasePageHistoryTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public long FirstCase { get; private set; }
        public long SecondCase { get; private set; }

        public async Task InitializeAsync()
        {
            await CallbackDataset.LoadAsync(App);
            FirstCase = await CallbackDataset.CaseIdAsync(App, "CU1");
            await App.CreateUserAsync("closer@history.test", Roles.Callback);
            var actor = new CallbackActor(await CallbackPages.UserIdAsync(App, "closer@history.test"), "closer@history.test", false, null);
            var faktura = await App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ContactReasons.Where(r => r.Code == "FAKTURA").Select(r => r.Id).SingleAsync());
            var path = await App.WithScopeAsync(async sp =>
            {
                var cases = sp.GetRequiredService<CallbackCaseService>();
                Assert.True((await cases.LogAttemptAsync(FirstCase, new AttemptInput(null, CallbackChannel.Phone, CallbackAttemptResult.Reached, null), actor)).Succeeded);
                var closed = await cases.CloseAsync(FirstCase, new CloseInput(CallbackOutcome.ReachedResolved, faktura, null, SendFollowUp: true), actor);
                Assert.True(closed.Succeeded);
                return closed.NewLinkPath!;
            });
            await App.WithScopeAsync(sp => sp.GetRequiredService<SurveyAnswerService>().SubmitAsync(path.Split('/').Last(), new SurveyAnswer(5, true, 9, "Tack för samtalet")));

            // A day later the customer is unhappy again: a new case.
            App.Clock.Advance(TimeSpan.FromDays(1));
            await App.ImportOkAsync(ImportKind.SurveyResponses, "response_id,contact_id,received_at,csat,resolved\nHIST1,K101,2026-05-14T09:00:00+02:00,1,no\n");
            await CallbackDataset.FlagAsync(App);
            SecondCase = await CallbackDataset.CaseIdAsync(App, "CU1");
            Assert.NotEqual(FirstCase, SecondCase);
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private CxAppFactory App => fixture.App;

    [Fact]
    public async Task A_follow_up_is_labelled_by_the_case_it_belongs_to_and_the_other_cases_are_listed_with_their_outcome()
    {
        var client = await App.SignedInClientAsync("reader@history.test", Roles.Callback);

        var second = await Html.GetDocumentAsync(client, CallbackPages.CaseUrl(fixture.SecondCase));
        var about = second.QuerySelectorAll("[data-testid=responses] tbody tr").Select(Html.RowText).Single(r => r.Contains("Tack för samtalet"));
        Assert.Contains($"follow-up to case {fixture.FirstCase}", about);
        Assert.DoesNotContain("this callback", about);
        Assert.Contains(second.QuerySelectorAll("[data-testid=response-about] a"), a => a.GetAttribute("href") == CallbackPages.CaseUrl(fixture.FirstCase));
        var other = Assert.Single(second.QuerySelectorAll("[data-testid=other-cases] tbody tr"));
        Assert.StartsWith($"Case {fixture.FirstCase} 2026-05-05 16:00 Reached, resolved FAKTURA 2026-05-13 12:00 5", Html.RowText(other));
        Assert.Equal(CallbackPages.CaseUrl(fixture.FirstCase), other.QuerySelector("a")!.GetAttribute("href"));

        var first = await Html.GetDocumentAsync(client, CallbackPages.CaseUrl(fixture.FirstCase));
        Assert.Contains("follow-up to this callback", first.QuerySelectorAll("[data-testid=response-about]").Select(a => a.TextContent.Trim()));
        Assert.StartsWith($"Case {fixture.SecondCase} 2026-05-14 09:00 Open", Html.RowText(Assert.Single(first.QuerySelectorAll("[data-testid=other-cases] tbody tr"))));
    }

    [Fact]
    public async Task A_refused_close_returns_to_the_case_address_with_the_input_and_the_messages()
    {
        var client = await App.SignedInClientAsync("refused@history.test", Roles.Callback);
        var url = CallbackPages.CaseUrl(await CallbackDataset.CaseIdAsync(App, "CU3"));
        var response = await CallbackPages.SubmitAsync(client, url, "[data-testid=close-form]", new Dictionary<string, string> { ["Close.Note"] = "Ringer igen i morgon" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url + "#close-heading", response.Headers.Location!.OriginalString);

        var page = await Html.GetDocumentAsync(client, url);
        Assert.Equal(
            ["Choose the outcome of the callback.", "Choose the root cause: the contact reason that really lay behind the dissatisfaction."],
            CallbackPages.ValidationMessages(page));
        Assert.Equal("Please correct the marked fields.", CallbackPages.Message(page));
        Assert.Equal("Ringer igen i morgon", page.QuerySelector("#Close_Note")!.TextContent);
        // A reload shows the case without the messages: nothing is posted again.
        Assert.Empty(CallbackPages.ValidationMessages(await Html.GetDocumentAsync(client, url)));
    }

    [Fact]
    public async Task A_manager_who_loses_a_claim_is_told_to_reassign_not_to_ask_a_manager()
    {
        var caseId = await CallbackDataset.CaseIdAsync(App, "CU2");
        var caller = await App.SignedInClientAsync("first@history.test", Roles.Callback);
        var manager = await App.SignedInClientAsync("manager@history.test", Roles.Manager);
        var url = CallbackPages.CaseUrl(caseId);
        var managerForm = (await Html.GetDocumentAsync(manager, url)).QuerySelector("form[action*='handler=Claim']")!;
        await CallbackPages.SubmitAsync(caller, url, "form[action*='handler=Claim']");
        await manager.PostAsync(CallbackPages.ActionOf(managerForm, url), CallbackPages.FormContent(managerForm, null));

        var message = CallbackPages.Message(await Html.GetDocumentAsync(manager, url));
        Assert.Equal("first@history.test claimed this case first; reassign it under \"Assign to\" if it should be yours.", message);
    }
}
