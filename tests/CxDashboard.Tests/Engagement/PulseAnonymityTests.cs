using System.Net;
using System.Text;
using AngleSharp.Dom;
using ClosedXML.Excel;
using CxDashboard.Tests.Api;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static CxDashboard.Tests.Engagement.PulseTestSupport;

namespace CxDashboard.Tests.Engagement;

/// <summary>
/// The pulse's anonymity against someone who looks twice (differencing) and someone who answers again and again
/// (stuffing). Each test has its own app: they move the clock.
/// Six answers for T1 in March 2026: answer means 4.5, 4, 3, 2, 4, 1 → mean 3.0833 → index 52.083 → shown 52,1;
/// eNPS 10, 9, 7, 3, 8, 0 → 2 promoters − 2 detractors = 0.
/// </summary>
public sealed class PulseAnonymityTests
{
    private static readonly Dictionary<string, string>[] Answers =
    [
        new() { ["Items[1]"] = "5", ["Items[2]"] = "4", ["Enps"] = "10" },
        new() { ["Items[1]"] = "4", ["Items[2]"] = "4", ["Enps"] = "9" },
        new() { ["Items[1]"] = "3", ["Items[2]"] = "3", ["Enps"] = "7" },
        new() { ["Items[1]"] = "2", ["Enps"] = "3" },
        new() { ["Items[1]"] = "4", ["Items[2]"] = "5", ["Items[5]"] = "3", ["Enps"] = "8" },
        new() { ["Items[1]"] = "1", ["Enps"] = "0" },
    ];

    /// <summary>Everything about March's engagement a manager, a leader or the CLI can take out of the app.</summary>
    private static async Task<string> EverythingShownAsync(CxAppFactory app, HttpClient manager, HttpClient leader)
    {
        var page = await Html.GetDocumentAsync(manager, "/Engagement?from=2026-03&to=2026-03");
        var csv = Encoding.UTF8.GetString(await (await manager.GetAsync("/Engagement?from=2026-03&to=2026-03&handler=Export&format=csv")).Content.ReadAsByteArrayAsync());
        using var workbook = new XLWorkbook(new MemoryStream(await (await manager.GetAsync("/Engagement?from=2026-03&to=2026-03&handler=Export&format=xlsx")).Content.ReadAsByteArrayAsync()));
        var cells = string.Join("|", workbook.Worksheet("Engagement").RowsUsed().Where(r => r.RowNumber() > 3)
            .Select(r => string.Join(",", Enumerable.Range(1, 5).Select(c => r.Cell(c).GetString()))));
        var cli = await CliRunner.RunAsync(app, app.Clock.GetUtcNow(), "engagement", "--period", "2026-03", "--format", "json");
        var leadership = await Html.GetDocumentAsync(leader, "/Maturity/Capabilities/leadership");
        return string.Join("\n",
            Html.RowText(page.QuerySelector("[data-testid=latest-table] tr[data-team='T1']")!),
            Html.RowText(page.QuerySelector("[data-testid=total-row]")!),
            page.QuerySelector("[data-testid=trend-table]").Text(),
            page.QuerySelector("svg[role=img]")!.GetAttribute("aria-label"),
            csv, cells, cli.Out,
            leadership.QuerySelector("[data-kpi-key=engagement-index]").Text(),
            leadership.QuerySelector("[data-kpi-key=enps]").Text());
    }

    [Fact]
    public async Task Looking_before_and_after_one_more_answer_reveals_nothing_and_the_month_is_published_when_it_ends()
    {
        // The boundary dataset's T1 has two agents; here it stands for a bigger team.
        using var app = new ApiAppFactory(new Dictionary<string, string?> { ["Pulse:AnswersAboveTeamSize"] = "10" });
        await BoundaryDataset.LoadAsync(app);
        // A team whose name looks like a spreadsheet formula, to check the exports write it as text.
        await app.ImportOkAsync(ImportKind.Agents, "agent_id,name,team\nA9,Nils Nord,\"=HYPERLINK(\"\"x\"\")\"\n");
        var admin = await app.SignedInClientAsync("admin@pulse.test", Roles.Admin);
        var manager = await app.SignedInClientAsync("manager@pulse.test", Roles.Manager);
        var leader = await app.SignedInClientAsync("leader@pulse.test", Roles.Leadership);
        var t1 = await CreateLinkAsync(app, admin, "T1");
        var t2 = await CreateLinkAsync(app, admin, "T2");

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(app.NewClient(), t1, Answers[i])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(app.NewClient(), t2, Answers[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(app.NewClient(), t2, Answers[1])).StatusCode);

        var before = await EverythingShownAsync(app, manager, leader);
        Assert.StartsWith("T1 collecting – – 75,0 % n = 4", before);
        Assert.Contains("T1,2026-03,not published until the month ends,,,75.0,4", before);
        Assert.Contains("no pulse answers in the period's ended months", before);
        Assert.DoesNotContain("62,5", before);
        Assert.DoesNotContain("62.5", before);

        // One colleague answers: nothing anyone can take out of the app changes.
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(app.NewClient(), t1, Answers[5])).StatusCode);
        Assert.Equal(before, await EverythingShownAsync(app, manager, leader));
        var page = await Html.GetDocumentAsync(manager, "/Engagement?from=2026-03&to=2026-03");
        Assert.Contains("2026-03 is still open: its engagement figures are published on 2026-04-01.", page.QuerySelector("[data-testid=empty-state]").Text());

        // Midnight in Stockholm: March has ended and is published, with all its answers, rounded as shown.
        app.Clock.Advance(TimeSpan.FromHours(12.5));
        (admin, manager, leader) = (await app.SignedInClientAsync("admin@pulse.test", Roles.Admin),
            await app.SignedInClientAsync("manager@pulse.test", Roles.Manager), await app.SignedInClientAsync("leader@pulse.test", Roles.Leadership));
        var after = await EverythingShownAsync(app, manager, leader);
        Assert.StartsWith("T1 6 52,1 0,0 n = 6", after);
        Assert.Contains("All shown teams (without 1 team(s) under 5 answers) 6 52,1 0,0", after);
        Assert.Contains("T1: 2026-03 52,1", after);
        Assert.Contains("T1,2026-03,6,52.1,0.0,", after);
        Assert.Contains("T1,2026-03,6,52.1,0|", after); // the workbook's cells
        Assert.Contains("T2,2026-03,fewer than 5,,", after);
        Assert.Contains("\"engagementIndex\": 52.1", after);
        Assert.Contains("52,1", after.Split('\n')[^2]); // the maturity model's engagement KPI, from the same published month
        Assert.DoesNotContain("52.08", after);

        // The pulse administration page tells the same story as the Engagement page.
        var adminPage = await Html.GetDocumentAsync(admin, "/Admin/Pulse");
        var t1Id = await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "T1").Select(t => t.Id).SingleAsync());
        Assert.Equal("● 6 answers: published", adminPage.QuerySelector($"tr[data-team-id='{t1Id}'] [data-testid=last-month]").Text());
        Assert.Equal("fewer than 5 answers so far", adminPage.QuerySelector($"tr[data-team-id='{t1Id}'] [data-testid=progress]").Text());

        var xlsx = await (await manager.GetAsync("/Engagement?from=2026-03&to=2026-03&handler=Export&format=xlsx")).Content.ReadAsByteArrayAsync();
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        var rows = workbook.Worksheet("Engagement").RowsUsed().Where(r => r.RowNumber() > 3).ToDictionary(r => r.Cell(1).GetString(), r => r);
        Assert.Equal(52.1, rows["T1"].Cell(4).GetDouble(), 9);
        Assert.Equal(0, rows["T1"].Cell(5).GetDouble(), 9);
        Assert.Equal("fewer than 5", rows["T2"].Cell(3).GetString());
        Assert.True(rows["T2"].Cell(4).IsEmpty());
        Assert.False(rows["=HYPERLINK(\"x\")"].Cell(1).HasFormula);
        Assert.StartsWith("Engagement and customer experience, 2026-03 – 2026-03, ", workbook.Worksheet("Engagement").Cell(1, 1).GetString());

        // In Swedish the workbook reads Swedish: title, sheet, headers and the unpublished answers, the figures the same.
        var swedishXlsx = await (await manager.GetAsync("/Engagement?from=2026-03&to=2026-03&handler=Export&format=xlsx&culture=sv-SE")).Content.ReadAsByteArrayAsync();
        using var swedish = new XLWorkbook(new MemoryStream(swedishXlsx));
        var sheet = swedish.Worksheet("Engagemang");
        Assert.StartsWith("Medarbetarengagemang och kundupplevelse, 2026-03 – 2026-03, ", sheet.Cell(1, 1).GetString());
        Assert.Equal(["Team", "Månad", "Svar", "Engagemangsindex (0–100)", "eNPS"], Enumerable.Range(1, 5).Select(c => sheet.Cell(3, c).GetString()));
        var swedishRows = sheet.RowsUsed().Where(r => r.RowNumber() > 3).ToDictionary(r => r.Cell(1).GetString(), r => r);
        Assert.Equal(52.1, swedishRows["T1"].Cell(4).GetDouble(), 9);
        Assert.Equal("färre än 5", swedishRows["T2"].Cell(3).GetString());
    }

    [Fact]
    public async Task One_browser_cannot_stuff_the_pulse_and_a_team_takes_no_more_answers_than_it_has_members()
    {
        using var app = new ApiAppFactory(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
            ["Pulse:MaxAnswersPerAddress"] = "3",
            ["Pulse:AnswersAboveTeamSize"] = "3", // T1 has two active agents: at most five pulse answers
        });
        await BoundaryDataset.LoadAsync(app);
        var admin = await app.SignedInClientAsync("admin@pulse.test", Roles.Admin);
        var link = await CreateLinkAsync(app, admin, "T1");
        HttpClient Browser(string address)
        {
            var client = app.NewClient(); // a fresh browser each time: the cookie alone would stop a second answer
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            return client;
        }
        Task<int> StoredAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().EngagementAnswers.CountAsync(a => a.Source == EngagementSource.Pulse));

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(Browser("198.51.100.7"), link, Answers[i])).StatusCode);
        var busy = await AnswerAsync(Browser("198.51.100.7"), link, Answers[3]);
        Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
        Assert.Equal("Många svar från ditt nätverk just nu", Html.Parse(await busy.Content.ReadAsStringAsync()).QuerySelector("h1").Text());
        Assert.Equal(3, await StoredAsync());

        // Colleagues elsewhere still answer, up to the team's size and margin.
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(Browser("198.51.100.8"), link, Answers[3])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(Browser("198.51.100.9"), link, Answers[4])).StatusCode);
        var full = await AnswerAsync(Browser("198.51.100.10"), link, Answers[5]);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Equal("Pulsmätningen har fått alla svar för den här månaden", Html.Parse(await full.Content.ReadAsStringAsync()).QuerySelector("h1").Text());

        // An hour later the first address may answer again, but the team is full for the month.
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Conflict, (await AnswerAsync(Browser("198.51.100.7"), link, Answers[5])).StatusCode);
        Assert.Equal(5, await StoredAsync());

        var adminPage = await Html.GetDocumentAsync(admin, "/Admin/Pulse");
        Assert.Contains("pulse answers end at 5", adminPage.QuerySelector("[data-testid=pulse-table]").Text());
    }
}
