using System.Net;
using AngleSharp.Dom;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Features.Accounts;

namespace CxDashboard.Tests.Maturity;

/// <summary>Rounds through the real pages: a manager opens one, raters save, come back and submit, the manager closes it.</summary>
public sealed class MaturityRatingFlowTests(MaturityRatingFlowTests.Fixture fixture) : IClassFixture<MaturityRatingFlowTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();

        public async Task InitializeAsync()
        {
            foreach (var email in new[] { Lead, RaterOne, RaterTwo, Outsider }) await App.CreateUserAsync(email, Roles.Manager);
            await App.CreateUserAsync(Leader, Roles.Leadership);
            await App.CreateUserAsync(AgentEmail, Roles.Agent);
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private const string Lead = "lead@test.local";
    private const string RaterOne = "rater.one@test.local";
    private const string RaterTwo = "rater.two@test.local";
    private const string Outsider = "outsider@test.local";
    private const string Leader = "leader@test.local";
    private const string AgentEmail = "agent-no-maturity@test.local";
    private const int StatementCount = 35;

    private CxAppFactory App => fixture.App;


    /// <summary>Opens a round on the "Open a round" page, choosing the raters by the e-mail their checkbox shows.</summary>
    private async Task<int> OpenRoundThroughThePageAsync(HttpClient client, string name, params string[] raterEmails)
    {
        var page = await Html.GetDocumentAsync(client, "/Maturity/Rounds/New");
        var fields = new Dictionary<string, string> { ["Name"] = name, ["AssessedOn"] = "2026-03-15" };
        for (var i = 0; i < raterEmails.Length; i++)
        {
            var label = page.QuerySelectorAll("[data-testid=round-form] .form-check label").Single(l => l.Text().Contains(raterEmails[i]));
            fields[$"Raters[{i}]"] = page.GetElementById(label.GetAttribute("for")!)!.GetAttribute("value")!;
        }
        foreach (var select in page.QuerySelectorAll("select[name^='Targets[']")) fields[select.GetAttribute("name")!] = "4";

        var response = await Html.PostFormAsync(client, "/Maturity/Rounds/New", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static List<(string Key, string Capability)> Statements(IDocument ratePage) =>
        ratePage.QuerySelectorAll("fieldset.statement").Select(f => (f.GetAttribute("data-statement")!, f.Closest("[data-capability]")!.GetAttribute("data-capability")!)).ToList();

    private static Task<HttpResponseMessage> PostSheetAsync(HttpClient client, int roundId, string intent, IEnumerable<KeyValuePair<string, string>> answers, IDictionary<string, string>? comments = null)
    {
        var fields = answers.ToDictionary(a => $"Answers[{a.Key}]", a => a.Value);
        foreach (var (capability, text) in comments ?? new Dictionary<string, string>()) fields[$"Comments[{capability}]"] = text;
        fields["intent"] = intent;
        return Html.PostFormAsync(client, $"/Maturity/Rounds/{roundId}/Rate", fields, "[data-testid=rating-form]");
    }

    private static IElement ResultRow(IDocument page, string capability) => page.QuerySelector($"[data-testid=results-table] tr[data-capability={capability}]")!;

    [Fact]
    public async Task A_rater_saves_comes_back_submits_and_the_round_closes_with_their_scores()
    {
        var lead = await App.SignInAsync(Lead);
        var roundId = await OpenRoundThroughThePageAsync(lead, "Spring 2026", RaterOne, RaterTwo);

        // Rater one sees the round waiting on the overview and saves part of the sheet with a comment.
        var one = await App.SignInAsync(RaterOne);
        var overview = await Html.GetDocumentAsync(one, "/Maturity");
        Assert.Contains("Spring 2026", overview.QuerySelector("[data-testid=awaiting-rating]").Text());
        var sheet = await Html.GetDocumentAsync(one, $"/Maturity/Rounds/{roundId}/Rate");
        var statements = Statements(sheet);
        Assert.Equal(StatementCount, statements.Count);
        Assert.Contains("0 of 35 statements answered", sheet.QuerySelector("[data-testid=progress]").Text());

        var strategy = statements.Where(s => s.Capability == "strategy").Select(s => new KeyValuePair<string, string>(s.Key, "4")).ToList();
        var saved = await PostSheetAsync(one, roundId, "save", strategy, new Dictionary<string, string> { ["strategy"] = "Goals are clear, follow-up is not." });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        // Coming back: the saved answers and the comment are there.
        sheet = await Html.GetDocumentAsync(one, $"/Maturity/Rounds/{roundId}/Rate");
        Assert.Contains("Saved: 4 of 35 statements answered", sheet.QuerySelector("[data-testid=message]").Text());
        Assert.True(sheet.QuerySelector("input[name='Answers[strategy-1]'][value='4']")!.HasAttribute("checked"));
        Assert.Equal("Goals are clear, follow-up is not.", sheet.QuerySelector("textarea[name='Comments[strategy]']")!.TextContent.Trim());

        // Then the rest: 3 everywhere, "don't know" for the offering statements.
        var all = statements.Select(s => new KeyValuePair<string, string>(s.Key, s.Capability switch { "strategy" => "4", "offering" => "dk", _ => "3" }));
        var submitted = await PostSheetAsync(one, roundId, "submit", all, new Dictionary<string, string> { ["strategy"] = "Goals are clear, follow-up is not." });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/Maturity/Rounds/{roundId}", submitted.Headers.Location!.OriginalString);

        // Rater two scores 2 everywhere but does not know the strategy statements.
        var two = await App.SignInAsync(RaterTwo);
        var twoSheet = await Html.GetDocumentAsync(two, $"/Maturity/Rounds/{roundId}/Rate");
        var twoAnswers = Statements(twoSheet).Select(s => new KeyValuePair<string, string>(s.Key, s.Capability == "strategy" ? "dk" : "2"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostSheetAsync(two, roundId, "submit", twoAnswers)).StatusCode);

        // The round's results, as the manager who opened it sees them.
        var round = await Html.GetDocumentAsync(lead, $"/Maturity/Rounds/{roundId}");
        Assert.Contains("2 of 2 raters submitted", round.QuerySelector("[data-testid=scope-line]").Text());
        var strategyRow = ResultRow(round, "strategy"); // only rater one knew: 4.0, one rater, no spread
        Assert.Equal("4,0", strategyRow.QuerySelector("[data-testid=level]")!.FirstChild!.TextContent.Trim());
        Assert.Equal("1", strategyRow.QuerySelector("[data-testid=raters]").Text());
        Assert.Contains("one rater: no spread", strategyRow.QuerySelector("[data-testid=iqr]").Text());
        Assert.Contains("on target", strategyRow.QuerySelector("[data-testid=gap]").Text());
        var insightRow = ResultRow(round, "insight"); // levels 3 and 2: mean 2.5, SD 0.5, QUARTILE.INC 2.25–2.75
        Assert.StartsWith("2,5", insightRow.QuerySelector("[data-testid=level]").Text());
        Assert.Equal("0,50", insightRow.QuerySelector("[data-testid=sd]").Text());
        Assert.StartsWith("0,50", insightRow.QuerySelector("[data-testid=iqr]").Text());
        Assert.Contains("1,5 below", insightRow.QuerySelector("[data-testid=gap]").Text());
        var offeringRow = ResultRow(round, "offering"); // rater one did not know: rater two's 2.0 alone
        Assert.StartsWith("2,0", offeringRow.QuerySelector("[data-testid=level]").Text());
        Assert.Equal("strategy", round.QuerySelectorAll("[data-testid=results-table] tbody tr").Last().GetAttribute("data-capability"));
        Assert.Contains("Goals are clear, follow-up is not.", round.QuerySelector("[data-testid=comments]").Text());

        // The manager closes the round; the sheet becomes read-only.
        var close = await Html.PostFormAsync(lead, $"/Maturity/Rounds/{roundId}", new Dictionary<string, string>(), "form[action*='handler=Close']");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        round = await Html.GetDocumentAsync(lead, $"/Maturity/Rounds/{roundId}");
        Assert.Contains("closed 2026-03-31", round.QuerySelector("[data-testid=scope-line]").Text());
        Assert.Null(round.QuerySelector("form[action*='handler=Close']"));
        var readOnly = await Html.GetDocumentAsync(one, $"/Maturity/Rounds/{roundId}/Rate");
        Assert.NotNull(readOnly.QuerySelector("[data-testid=read-only]"));
        Assert.Empty(readOnly.QuerySelectorAll("input[type=radio]"));
        var late = await PostSheetAsync(one, roundId, "save", [new("strategy-1", "1")]);
        Assert.Contains("the round is closed", Html.Parse(await late.Content.ReadAsStringAsync()).QuerySelector("[data-testid=errors]").Text().ToLowerInvariant());
    }

    [Fact]
    public async Task Submitting_an_incomplete_sheet_keeps_the_answers_as_a_draft_and_says_what_is_missing()
    {
        var roundId = await OpenRoundThroughThePageAsync(await App.SignInAsync(Lead), "Draft check", RaterOne);
        var one = await App.SignInAsync(RaterOne);

        var response = await PostSheetAsync(one, roundId, "submit", [new("strategy-1", "2"), new("strategy-2", "dk")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("saved, but not submitted: 33 statement(s) still need a score", page.QuerySelector("[data-testid=errors]").Text());
        Assert.Equal(33, page.QuerySelectorAll("fieldset.statement-missing").Length);
        Assert.True(page.QuerySelector("input[name='Answers[strategy-2]'][value='dk']")!.HasAttribute("checked"));

        var again = await Html.GetDocumentAsync(one, $"/Maturity/Rounds/{roundId}/Rate");
        Assert.Contains("2 of 35 statements answered", again.QuerySelector("[data-testid=progress]").Text());
        var round = await Html.GetDocumentAsync(one, $"/Maturity/Rounds/{roundId}");
        Assert.Contains("In progress: 2 of 35", round.QuerySelector("[data-testid=raters-table]").Text());
        Assert.Contains("0 of 1 raters submitted", round.QuerySelector("[data-testid=scope-line]").Text());
    }

    [Fact]
    public async Task An_invalid_score_saves_nothing_and_names_the_statement()
    {
        var roundId = await OpenRoundThroughThePageAsync(await App.SignInAsync(Lead), "Invalid check", RaterOne);
        var one = await App.SignInAsync(RaterOne);
        var first = await PostSheetAsync(one, roundId, "save", [new("insight-1", "3")]);
        Assert.True(first.StatusCode == HttpStatusCode.Redirect, Html.Parse(await first.Content.ReadAsStringAsync()).QuerySelector("main").Text());

        var response = await PostSheetAsync(one, roundId, "save", [new("insight-1", "4"), new("insight-2", "7")]);

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Insight-driven work, statement 2: '7' is not a score from 1 to 5", page.QuerySelector("[data-testid=errors]").Text());
        var again = await Html.GetDocumentAsync(one, $"/Maturity/Rounds/{roundId}/Rate");
        Assert.True(again.QuerySelector("input[name='Answers[insight-1]'][value='3']")!.HasAttribute("checked"), "the earlier save stands");
        Assert.Contains("1 of 35", again.QuerySelector("[data-testid=progress]").Text());
    }

    [Fact]
    public async Task Only_a_rounds_raters_can_rate_it_and_leadership_only_reads()
    {
        var lead = await App.SignInAsync(Lead);
        var roundId = await OpenRoundThroughThePageAsync(lead, "Access check", RaterOne);

        var outsider = await App.SignInAsync(Outsider);
        var refused = await outsider.GetAsync($"/Maturity/Rounds/{roundId}/Rate");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.ToString());
        var posted = await Html.PostFormAsync(outsider, "/Maturity", new Dictionary<string, string> { ["Answers[strategy-1]"] = "5", ["intent"] = "submit" },
            "header form", postUrl: $"/Maturity/Rounds/{roundId}/Rate");
        Assert.Contains("/Account/AccessDenied", posted.Headers.Location!.ToString());

        var leader = await App.SignInAsync(Leader);
        var round = await Html.GetDocumentAsync(leader, $"/Maturity/Rounds/{roundId}");
        Assert.Equal("Access check", round.QuerySelector("h1").Text());
        Assert.Null(round.QuerySelector("form[action*='handler=Close']"));
        Assert.DoesNotContain(round.QuerySelectorAll("a"), a => a.Text() is "Edit round" or "Rate this round");
        foreach (var url in new[] { "/Maturity/Rounds/New", $"/Maturity/Rounds/{roundId}/Rate", $"/Maturity/Rounds/{roundId}/Edit", "/Maturity/Actions/Edit", "/Maturity/Model/Edit/strategy" })
            Assert.Contains("/Account/AccessDenied", (await leader.GetAsync(url)).Headers.Location!.ToString());
        var nav = await Html.GetDocumentAsync(leader, "/Maturity");
        Assert.Contains(nav.QuerySelectorAll("nav a.nav-link"), a => a.Text() == "Maturity");

        // Leadership cannot close a round; a manager cannot close one nobody has submitted.
        // (with a valid antiforgery token from the page's sign-out form, so only authorization can refuse it)
        var leaderClose = await Html.PostFormAsync(leader, $"/Maturity/Rounds/{roundId}", new Dictionary<string, string>(), "header form",
            postUrl: $"/Maturity/Rounds/{roundId}?handler=Close");
        Assert.Contains("/Account/AccessDenied", leaderClose.Headers.Location!.ToString());
        var emptyClose = await Html.PostFormAsync(lead, $"/Maturity/Rounds/{roundId}", new Dictionary<string, string>(), "form[action*='handler=Close']");
        Assert.Equal(HttpStatusCode.OK, emptyClose.StatusCode);
        Assert.Contains("No rater has submitted yet", Html.Parse(await emptyClose.Content.ReadAsStringAsync()).QuerySelector("[data-testid=error]").Text());

        var agent = await App.SignInAsync(AgentEmail);
        Assert.Contains("/Account/AccessDenied", (await agent.GetAsync("/Maturity")).Headers.Location!.ToString());
        Assert.DoesNotContain((await Html.GetDocumentAsync(agent, "/")).QuerySelectorAll("nav a.nav-link"), a => a.Text() == "Maturity");
    }

    [Fact]
    public async Task A_round_needs_a_name_a_rater_and_targets_from_one_to_five()
    {
        var lead = await App.SignInAsync(Lead);
        var response = await Html.PostFormAsync(lead, "/Maturity/Rounds/New", new Dictionary<string, string> { ["Name"] = " ", ["AssessedOn"] = "2026-03-15", ["Targets[strategy]"] = "9" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=errors]").Text();
        Assert.Contains("Give the round a name", errors);
        Assert.Contains("Choose at least one rater", errors);
        Assert.Contains("Strategy, goals and measurement: the target is a level from 1 to 5", errors);
    }
}
