using System.Net;
using System.Text;
using AngleSharp.Dom;
using ClosedXML.Excel;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Engagement;

/// <summary>
/// The anonymous pulse answered through its real form, and the Engagement page, with the boundary dataset's CX beside
/// it (March 2026 is the clock's month). How published figures are computed and when: <see cref="PulseAnonymityTests"/>.
/// </summary>
public sealed class PulseAndEngagementTests(PulseAndEngagementTests.Fixture fixture) : IClassFixture<PulseAndEngagementTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public HttpClient Admin { get; private set; } = null!;
        public string T1Link { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await BoundaryDataset.LoadAsync(App);
            Admin = await App.SignedInClientAsync("admin-pulse@test.local", Roles.Admin);
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private CxAppFactory App => fixture.App;

    private Task<int> TeamIdAsync(string name) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    private Task<int> PulseAnswerCount() =>
        App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().EngagementAnswers.CountAsync(a => a.Source == EngagementSource.Pulse));

    private Task<string> CreateLinkAsync(string team) => PulseTestSupport.CreateLinkAsync(App, fixture.Admin, team);

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, string path, Dictionary<string, string> answer) =>
        PulseTestSupport.AnswerAsync(client, path, answer);

    private async Task<IDocument> EngagementPageAsync(HttpClient client, string query = "?from=2026-03&to=2026-03") =>
        await Html.GetDocumentAsync(client, "/Engagement" + query);

    private static IElement Row(IDocument page, string table, string team) =>
        page.QuerySelector($"[data-testid={table}] tr[data-team='{team}']") ?? throw new InvalidOperationException($"No row for {team}");

    [Fact]
    public async Task The_pulse_page_is_anonymous_swedish_by_default_and_stores_no_identity_with_an_answer()
    {
        var link = await CreateLinkAsync("T2");
        var client = App.NewClient();
        var page = await Html.GetDocumentAsync(client, link);
        Assert.Equal("sv", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Pulsmätning för T2, mars 2026", page.QuerySelector("h1").Text());
        Assert.Contains("vi sparar inte vem du är", page.QuerySelector("[data-testid=pulse-anonymity]").Text());
        Assert.Contains("Teamets resultat visas när månaden är slut, och bara om minst 5 har svarat.", page.QuerySelector("[data-testid=pulse-anonymity]").Text());
        var legends = page.QuerySelectorAll("fieldset legend").Select(l => l.Text()).ToList();
        Assert.Equal(9, legends.Count); // 8 statements from seed-data/pulse-statements.json and the eNPS question
        Assert.StartsWith("I mitt team kan jag säga vad jag tycker utan att oroa mig.", legends[4]);
        foreach (var input in page.QuerySelectorAll("form input[type=radio]"))
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));

        var before = await PulseAnswerCount();
        var answered = await AnswerAsync(client, link, new() { ["Items[5]"] = "2", ["Enps"] = "4" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        // The cookie holds only the month, per team.
        var cookie = answered.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cx-pulse-"));
        Assert.StartsWith($"cx-pulse-{await TeamIdAsync("T2")}=2026-03;", cookie);

        var stored = await App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().EngagementAnswers
            .Where(a => a.Source == EngagementSource.Pulse && a.Team!.Name == "T2").OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal((new DateOnly(2026, 3, 1), 2, 4), (stored.Period, stored.Q5!.Value, stored.Enps!.Value));
        Assert.Null(stored.Q1);
        Assert.Equal(before + 1, await PulseAnswerCount());

        // Nothing in an answer row could tell who answered or when: only these columns exist.
        var columns = await App.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<CxDbContext>().Model
            .FindEntityType(typeof(EngagementAnswer))!.GetProperties().Select(p => p.Name).Order().ToList()));
        Assert.Equal(["Enps", "Id", "Period", "Q1", "Q10", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Source", "TeamId"], columns);
    }

    [Fact]
    public async Task A_second_answer_from_the_same_browser_this_month_is_turned_away_and_writes_nothing()
    {
        var link = await CreateLinkAsync("T2");
        var client = App.NewClient();
        var form = await Html.GetDocumentAsync(client, link);
        var token = Html.AntiforgeryToken(form, "[data-testid=pulse-form]");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["Items[1]"] = "4", ["__RequestVerificationToken"] = token }))).StatusCode);
        var count = await PulseAnswerCount();

        var again = await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["Items[1]"] = "1", ["__RequestVerificationToken"] = token }));
        Assert.True(again.StatusCode == HttpStatusCode.OK, $"{again.StatusCode} {again.Headers} {await again.Content.ReadAsStringAsync()}");
        var page = Html.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal("Du har redan svarat den här månaden", page.QuerySelector("h1").Text());
        Assert.Equal(count, await PulseAnswerCount());
    }

    [Fact]
    public async Task An_empty_pulse_is_not_sent_and_an_unknown_or_replaced_link_is_refused_politely()
    {
        var oldLink = await CreateLinkAsync("T1");
        var count = await PulseAnswerCount();
        var empty = await AnswerAsync(App.NewClient(), oldLink, new() { ["Enps"] = "8" });
        var page = Html.Parse(await empty.Content.ReadAsStringAsync());
        Assert.Contains("Svara på minst ett av påståendena", page.QuerySelector("[data-testid=error-summary]").Text());
        Assert.Equal(count, await PulseAnswerCount());

        var newLink = await CreateLinkAsync("T1");
        Assert.NotEqual(oldLink, newLink);
        var replaced = await App.NewClient().GetAsync(oldLink);
        Assert.Equal(HttpStatusCode.NotFound, replaced.StatusCode);
        Assert.Contains("Be din chef om teamets nya länk", Html.Parse(await replaced.Content.ReadAsStringAsync()).QuerySelector("[data-testid=pulse-message]").Text());
        Assert.Equal(HttpStatusCode.OK, (await App.NewClient().GetAsync(newLink)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.NewClient().GetAsync("/pulse/not-a-token")).StatusCode);
    }

    [Fact]
    public async Task A_manager_limited_to_a_team_sees_only_that_team_and_agents_see_nothing_of_engagement()
    {
        var t2 = await TeamIdAsync("T2");
        var lead = await App.SignedInClientAsync("lead-eng@test.local", Roles.Manager, t2);
        var refused = await lead.GetAsync("/Engagement?from=2026-03&to=2026-03&team=" + await TeamIdAsync("T1"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Team T1 is outside your teams.", Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-testid=refused-message]").Text());
        var page = await EngagementPageAsync(lead);
        Assert.Empty(page.QuerySelectorAll("[data-testid=months-table] tr[data-team='T1']"));
        Assert.Single(page.QuerySelectorAll("[data-testid=months-table] tr[data-team='T2']"));
        Assert.Contains("your teams (T2)", page.QuerySelector("[data-testid=scope-line]").Text());
        var csv = Encoding.UTF8.GetString(await (await lead.GetAsync("/Engagement?from=2026-03&to=2026-03&handler=Export&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("T1,", csv);
        Assert.Contains("T2 ", Html.RowText(Row(page, "latest-table", "T2")));
        Assert.Contains("0,0 % n = 1", Html.RowText(Row(page, "latest-table", "T2"))); // R5 on K10: CSAT 3

        var home = await Html.GetDocumentAsync(lead, "/?period=custom&from=2026-03-01&to=2026-03-31");
        Assert.Contains(home.QuerySelectorAll("nav a.nav-link"), a => a.Text() == "Engagement");

        await App.CreateUserAsync("anna@example.test", Roles.Agent);
        var agent = App.NewClient();
        await Html.SignInAsync(agent, "anna@example.test", CxAppFactory.Password);
        var denied = await agent.GetAsync("/Engagement");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.GetAsync("/Engagement?handler=Export&format=csv")).StatusCode);
        var agentHome = await Html.GetDocumentAsync(agent, "/");
        Assert.DoesNotContain(agentHome.QuerySelectorAll("nav a.nav-link"), a => a.Text() == "Engagement");
    }

    [Fact]
    public async Task The_pulse_admin_page_is_for_administrators_and_never_shows_a_count_under_five()
    {
        var manager = await App.SignedInClientAsync("manager-pulse-admin@test.local", Roles.Manager);
        var denied = await manager.GetAsync("/Admin/Pulse");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);

        var page = await Html.GetDocumentAsync(fixture.Admin, "/Admin/Pulse");
        foreach (var progress in page.QuerySelectorAll("[data-testid=progress]"))
        {
            var text = progress.Text();
            Assert.True(text.StartsWith("fewer than 5") || System.Text.RegularExpressions.Regex.IsMatch(text, @"^● ([5-9]|\d\d+) answers so far"), text);
        }
        Assert.Equal(8, page.QuerySelectorAll("section ol li").Length);
    }
}
