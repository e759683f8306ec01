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
/// it. Five answers for T1 in March 2026 (the clock's month):
///   q1/q2/q5 and eNPS: (5,4,–; 10) (4,4,–; 9) (3,3,–; 7) (2,–,–; 3) (4,5,3; 8)
///   answer means 4.5, 4, 3, 2, 4 → mean 3.5 → index (3.5 − 1) ÷ 4 × 100 = 62.5; eNPS (2 promoters − 1 detractor) ÷ 5 = +20.
/// T1's March CSAT: R1 5, R2 2, R3 4, R6 4 → 3 of 4 = 75 %; contact-based FCR: K2, K6, K9 decidable and resolved = 100 %.
/// </summary>
public sealed class PulseAndEngagementTests(PulseAndEngagementTests.Fixture fixture) : IClassFixture<PulseAndEngagementTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public HttpClient Admin { get; private set; } = null!;
        public string T1Link { get; private set; } = "";

        public static readonly Dictionary<string, string>[] Answers =
        [
            new() { ["Items[1]"] = "5", ["Items[2]"] = "4", ["Enps"] = "10" },
            new() { ["Items[1]"] = "4", ["Items[2]"] = "4", ["Enps"] = "9" },
            new() { ["Items[1]"] = "3", ["Items[2]"] = "3", ["Enps"] = "7" },
            new() { ["Items[1]"] = "2", ["Enps"] = "3" },
            new() { ["Items[1]"] = "4", ["Items[2]"] = "5", ["Items[5]"] = "3", ["Enps"] = "8" },
        ];

        public async Task InitializeAsync()
        {
            await BoundaryDataset.LoadAsync(App);
            // A team whose name looks like a spreadsheet formula, to check the exports write it as text.
            await App.ImportOkAsync(ImportKind.Agents, "agent_id,name,team\nA9,Nils Nord,\"=HYPERLINK(\"\"x\"\")\"\n");
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

    /// <summary>The link an administrator creates for a team on the admin page (through its form).</summary>
    private async Task<string> CreateLinkAsync(string team)
    {
        var teamId = await TeamIdAsync(team);
        var response = await Html.PostFormAsync(fixture.Admin, "/Admin/Pulse", new Dictionary<string, string>(), postUrl: $"/Admin/Pulse?handler=Renew&teamId={teamId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var url = page.QuerySelector($"tr[data-team-id='{teamId}'] [data-testid=pulse-link]")!.GetAttribute("value")!;
        return new Uri(url).AbsolutePath;
    }

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, string path, Dictionary<string, string> answer) =>
        await Html.PostFormAsync(client, path, answer, "[data-testid=pulse-form]", path);

    private async Task<IDocument> EngagementPageAsync(HttpClient client, string query = "?from=2026-03&to=2026-03") =>
        await Html.GetDocumentAsync(client, "/Engagement" + query);

    private static IElement Row(IDocument page, string table, string team) =>
        page.QuerySelector($"[data-testid={table}] tr[data-team='{team}']") ?? throw new InvalidOperationException($"No row for {team}");

    [Fact]
    public async Task A_team_is_shown_only_from_the_fifth_answer_on_the_page_in_exports_and_the_total()
    {
        var link = await CreateLinkAsync("T1");
        var manager = await App.SignedInClientAsync("manager-eng@test.local", Roles.Manager);

        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(App.NewClient(), link, Fixture.Answers[i])).StatusCode);

        var hidden = await EngagementPageAsync(manager);
        var row = Row(hidden, "latest-table", "T1");
        Assert.Equal("T1 fewer than 5 – – 75,0 % n = 4 small 100,0 % n = 3 small", Html.RowText(row));
        Assert.Contains("No team reached 5 answers", hidden.QuerySelector("[data-testid=empty-state]").Text());
        Assert.DoesNotContain("62", hidden.QuerySelector("[data-testid=trend-table]").Text());
        var csvHidden = Encoding.UTF8.GetString(await (await manager.GetAsync("/Engagement?from=2026-03&to=2026-03&handler=Export&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Contains("T1,2026-03,fewer than 5,,,75.0,4,100.0,3", csvHidden);

        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(App.NewClient(), link, Fixture.Answers[4])).StatusCode);

        var shown = await EngagementPageAsync(manager);
        Assert.Equal("T1 5 62,5 +20,0 n = 5 75,0 % n = 4 small 100,0 % n = 3 small", Html.RowText(Row(shown, "latest-table", "T1")));
        Assert.StartsWith("T2 fewer than 5 – –", Html.RowText(Row(shown, "latest-table", "T2")));
        // The total counts only teams with 5 answers of their own, so T2's few answers could not be worked out from it.
        Assert.StartsWith("All shown teams 5 62,5 +20,0", Html.RowText(shown.QuerySelector("[data-testid=total-row]")!));
        Assert.Contains("62,5", shown.QuerySelector("[data-testid=trend-table]").Text());
        var chart = shown.QuerySelector("svg[role=img]")!;
        Assert.Contains("T1: 2026-03 62,5", chart.GetAttribute("aria-label"));

        var xlsx = await (await manager.GetAsync("/Engagement?from=2026-03&to=2026-03&handler=Export&format=xlsx")).Content.ReadAsByteArrayAsync();
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        var sheet = workbook.Worksheet("Engagement");
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > 3).ToDictionary(r => r.Cell(1).GetString(), r => r);
        Assert.Equal(62.5, rows["T1"].Cell(4).GetDouble(), 9);
        Assert.Equal(20, rows["T1"].Cell(5).GetDouble(), 9);
        Assert.Equal("fewer than 5", rows["T2"].Cell(3).GetString());
        Assert.True(rows["T2"].Cell(4).IsEmpty());
        var formulaTeam = rows["=HYPERLINK(\"x\")"].Cell(1);
        Assert.False(formulaTeam.HasFormula);
    }

    [Fact]
    public async Task The_pulse_page_is_anonymous_swedish_by_default_and_stores_no_identity_with_an_answer()
    {
        var link = await CreateLinkAsync("T2");
        var client = App.NewClient();
        var page = await Html.GetDocumentAsync(client, link);
        Assert.Equal("sv", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Pulsmätning för T2, mars 2026", page.QuerySelector("h1").Text());
        Assert.Contains("vi sparar inte vem du är", page.QuerySelector("[data-testid=pulse-anonymity]").Text());
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
            Assert.True(text.StartsWith("fewer than 5") || System.Text.RegularExpressions.Regex.IsMatch(text, @"^● ([5-9]|\d\d+) answers"), text);
        }
        Assert.Equal(8, page.QuerySelectorAll("section ol li").Length);
    }
}
