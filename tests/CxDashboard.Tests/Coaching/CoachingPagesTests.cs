using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Coaching;

/// <summary>
/// The Coaching section over HTTP on the generated <see cref="CoachingDataset"/>: alerts with their evidence, the agent
/// scorecard against team and target, the "short calls, many repeats" pattern, coaching actions through the real form,
/// and who may see what (managers their teams, agents themselves only, also by URL).
/// </summary>
public sealed class CoachingPagesTests(CoachingPagesTests.Fixture fixture) : IClassFixture<CoachingPagesTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public CoachingDataset Data { get; } = new();
        public Dictionary<string, int> Agents { get; private set; } = [];
        public Dictionary<string, int> Teams { get; private set; } = [];

        public async Task InitializeAsync()
        {
            App.Clock.SetUtcNow(CoachingDataset.Now);
            await Data.LoadAsync(App);
            (Agents, Teams) = await App.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<CxDbContext>();
                return (await db.Agents.ToDictionaryAsync(a => a.ExternalId, a => a.Id), await db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id));
            });
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private const string March = "from=2026-03-01&to=2026-03-31";
    private CoachingDataset Data => fixture.Data;

    private static string Percent(double hits, double n) => (100 * hits / n).ToString("0.0", Swedish) + " %";

    private Task<HttpClient> ManagerAsync() => fixture.App.SignedInClientAsync("coach@test.local", Roles.Manager);
    private Task<HttpClient> TeamLeadAsync() => fixture.App.SignedInClientAsync("lead-t1@test.local", Roles.Manager, fixture.Teams["T1"]);

    private static async Task AssertDeniedAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {url} answered {(int)response.StatusCode}");
        Assert.StartsWith("http://localhost/Account/AccessDenied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_overview_flags_the_agents_whose_csat_fell_with_the_responses_that_show_why()
    {
        var page = await Html.GetDocumentAsync(await ManagerAsync(), "/Coaching");
        var alerts = page.QuerySelectorAll("[data-testid=coaching-alert]").ToList();
        Assert.Equal(["A1:Csat", "B1:Csat"], alerts.Select(a => $"{a.GetAttribute("data-agent")}:{a.GetAttribute("data-metric")}").Order());

        var astrid = alerts.Single(a => a.GetAttribute("data-agent") == "A1");
        var summary = astrid.QuerySelector("[data-testid=alert-summary]").Text();
        // Before: 140 of 168 satisfied; the last 28 days: 28 of 56.
        Assert.Contains($"CSAT fell from {Percent(140, 168)} (n = 168, 2025-12-09 – 2026-03-02) to {Percent(28, 56)} (n = 56, 2026-03-03 – 2026-03-30)", summary);
        Assert.Contains("▼ 33,3 p.p.", summary);
        Assert.Contains("p < 0,0001", summary);
        Assert.Contains("The rest of the team went from", summary);
        var evidence = astrid.QuerySelectorAll("[data-testid=alert-evidence] li").Select(li => li.Text()).ToList();
        Assert.Equal(5, evidence.Count);
        Assert.All(evidence, e => Assert.StartsWith("CSAT 1", e));
        Assert.Contains(evidence, e => e.Contains("Ingen återkoppling som utlovat", StringComparison.Ordinal));
        Assert.Contains("FAKTURA: 50,0 % n = 56 vs 83,3 % n = 168", astrid.QuerySelector("[data-testid=alert-reasons]").Text());
        Assert.Equal($"/Coaching/Agent/{fixture.Agents["A1"]}?focus=CsatPercent#plan", astrid.QuerySelector("a.btn")!.GetAttribute("href"));

        // Dana's ten responses all scored 1, but ten are too few: she is never flagged.
        Assert.DoesNotContain(alerts, a => a.GetAttribute("data-agent") == "A4");
        Assert.Contains("5 agents checked; 1 had too few", page.QuerySelector("#alerts-heading")!.ParentElement.Text());
        Assert.Contains("never flagged", page.QuerySelector("[data-testid=alert-rule]").Text());
    }

    [Fact]
    public async Task A_team_scoped_manager_sees_and_packs_only_their_team_also_by_url()
    {
        var client = await TeamLeadAsync();
        var page = await Html.GetDocumentAsync(client, "/Coaching");
        Assert.Equal(["A1"], page.QuerySelectorAll("[data-testid=coaching-alert]").Select(a => a.GetAttribute("data-agent")));
        Assert.Equal(["T1"], page.QuerySelectorAll("[data-testid=teams-table] tbody tr td:first-child").Select(td => td.Text()));
        Assert.Contains("your teams (T1)", page.QuerySelector("[data-testid=scope-line]").Text());

        var erik = fixture.Agents["B1"];
        var t2 = fixture.Teams["T2"];
        foreach (var url in new[]
                 {
                     $"/Coaching/Agent/{erik}", $"/Coaching/Agent/{erik}?handler=Pack&format=pdf", $"/Coaching/Agent/{erik}?handler=Pack&format=xlsx",
                     $"/Coaching/Team/{t2}", $"/Coaching/Team/{t2}?handler=Pack&format=pdf", $"/Coaching/Team/{t2}?handler=Pack&format=xlsx",
                 })
            await AssertDeniedAsync(client, url);

        var own = await client.GetAsync($"/Coaching/Team/{fixture.Teams["T1"]}?handler=Pack&format=pdf&{March}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_scorecard_shows_the_agent_against_the_team_and_the_target_with_n()
    {
        var page = await Html.GetDocumentAsync(await ManagerAsync(), $"/Coaching/Agent/{fixture.Agents["A3"]}?{March}");
        Assert.Equal("Scorecard: Carl Cederlund", page.QuerySelector("h1").Text());
        Assert.Contains("T1 · agent id A3 · 2026-03-01 – 2026-03-31 (31 days)", page.QuerySelector("[data-testid=scope-line]").Text());

        // Computed here from the generated rows: CSAT 4–5 over all of Carl's and the team's responses to March contacts.
        var carl = Data.Of("A3", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)).Where(c => c.Csat is not null).ToList();
        var team = Data.Contacts.Where(c => c.Team == "T1" && c.Csat is not null && c.StartedLocal >= new DateTime(2026, 3, 1)).ToList();
        var csat = page.QuerySelector("[data-testid=scorecard-table] tr[data-kpi=CsatPercent]")!;
        Assert.Equal(Percent(carl.Count(c => c.Csat >= 4), carl.Count), csat.QuerySelector("[data-testid=agent-value]").Text());
        Assert.Equal(carl.Count.ToString(Swedish), csat.Children[2].Text());
        Assert.Equal(Percent(team.Count(c => c.Csat >= 4), team.Count), csat.QuerySelector("[data-testid=team-value]").Text());
        Assert.Equal(team.Count.ToString("#,0", Swedish).Replace('\u00a0', ' '), csat.Children[5].Text());
        Assert.Equal("≥ 80,0 %", csat.Children[6].Text());
        var carlCsat = 100.0 * carl.Count(c => c.Csat >= 4) / carl.Count;
        Assert.Contains(carlCsat >= 80 ? "On target" : carlCsat >= 70 ? "Near target" : "Off target", csat.Children[7].Text());

        var fcr = page.QuerySelector("[data-testid=scorecard-table] tr[data-kpi=ContactFcrPercent]")!;
        Assert.Equal("worse than the rest of the team", fcr.QuerySelector("[data-testid=comparison]").Text());
        Assert.Contains("Average handle time", page.QuerySelector("[data-testid=scorecard-table]").Text());
        Assert.Contains("2:30", page.QuerySelector("[data-testid=scorecard-table]").Text());
        Assert.Equal(2, page.QuerySelectorAll("svg[role=img]").Length);
        Assert.Contains("CSAT by week, 12 weeks from 2026-01-07 to 2026-03-31", page.QuerySelectorAll("svg[role=img]")[0].GetAttribute("aria-label"));
    }

    [Fact]
    public async Task The_scorecard_exposes_short_calls_with_many_customers_coming_back()
    {
        var page = await Html.GetDocumentAsync(await ManagerAsync(), $"/Coaching/Agent/{fixture.Agents["A3"]}?{March}");
        // Decidable: started at least 7 × 24 h before the as-of time, 2026-03-31 10:00 UTC: by 2026-03-24 10:00 UTC, 11:00 local (winter time).
        var cutoff = new DateTime(2026, 3, 24, 11, 0, 0);
        var decidable = Data.Contacts.Where(c => c.Team == "T1" && c.StartedLocal >= new DateTime(2026, 3, 1) && c.StartedLocal <= cutoff).ToList();
        var carl = decidable.Where(c => c.Agent == "A3").ToList();
        var rest = decidable.Where(c => c.Agent != "A3").ToList();
        var summary = page.QuerySelector("[data-testid=pattern-summary]").Text();
        Assert.Contains($"{Percent(carl.Count(Data.CameBack), carl.Count)} of their customers contacted us again within 7 days after their contact (n = {carl.Count})", summary);
        Assert.Contains($"against {Percent(rest.Count(Data.CameBack), rest.Count)} for the rest of the team", summary);
        Assert.Contains("Carl Cederlund's contacts take 2:30 on average", summary);
        Assert.Contains("short calls, many repeats", summary);

        var fel = page.QuerySelector("[data-testid=reasons-table] tr[data-reason=FEL]")!;
        Assert.Contains("short calls, many repeats", fel.Text());

        // Bo handles the customers who come back, but they came back after Carl's contacts, not his.
        var bo = await Html.GetDocumentAsync(await ManagerAsync(), $"/Coaching/Agent/{fixture.Agents["A2"]}?{March}");
        Assert.DoesNotContain("short calls, many repeats", bo.QuerySelector("[data-testid=pattern-summary]").Text());
        var team = await Html.GetDocumentAsync(await ManagerAsync(), $"/Coaching/Team/{fixture.Teams["T1"]}?{March}");
        Assert.Equal(["A3"], team.QuerySelectorAll("[data-testid=agents-table] tr[data-agent]").Where(r => r.QuerySelector("[data-testid=pattern]") is not null).Select(r => r.GetAttribute("data-agent")));
        Assert.Equal(["A1"], team.QuerySelectorAll("[data-testid=agents-table] tr[data-agent]").Where(r => r.QuerySelector("[data-testid=alert]") is not null).Select(r => r.GetAttribute("data-agent")));
    }

    [Fact]
    public async Task Lowest_rated_responses_come_with_their_comments_as_written()
    {
        var page = await Html.GetDocumentAsync(await ManagerAsync(), $"/Coaching/Agent/{fixture.Agents["A1"]}?{March}");
        var rows = page.QuerySelectorAll("[data-testid=responses-table] tbody tr").ToList();
        Assert.Equal(10, rows.Count);
        Assert.All(rows, r => Assert.Equal("1", r.Children[2].Text()));
        Assert.All(rows, r => Assert.NotEmpty(r.Children[5].Text()));
        Assert.Contains(rows, r => r.Children[5].Text() == CoachingDataset.FormulaComment);
        // Newest first among the equally low scores with comments.
        var dates = rows.Select(r => r.Children[0].Text()[..10]).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Single(page.QuerySelectorAll("[data-testid=coaching-alert]"));
    }

    [Fact]
    public async Task An_agent_sees_their_own_scorecard_and_nobody_elses()
    {
        var client = await fixture.App.SignedInClientAsync("bo@example.test", Roles.Agent);
        var start = await client.GetAsync("/Coaching");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal($"/Coaching/Agent/{fixture.Agents["A2"]}", start.Headers.Location!.OriginalString);

        var own = await Html.GetDocumentAsync(client, $"/Coaching/Agent/{fixture.Agents["A2"]}?{March}");
        Assert.Equal("Scorecard: Bo Berg", own.QuerySelector("h1").Text());
        Assert.Null(own.QuerySelector("[data-testid=action-form]"));
        Assert.Null(own.QuerySelector("a[href^='/Coaching/Team/']"));

        await AssertDeniedAsync(client, $"/Coaching/Agent/{fixture.Agents["A1"]}");
        await AssertDeniedAsync(client, $"/Coaching/Agent/{fixture.Agents["A1"]}?handler=Pack&format=pdf");
        await AssertDeniedAsync(client, $"/Coaching/Team/{fixture.Teams["T1"]}");
        await AssertDeniedAsync(client, $"/Coaching/Team/{fixture.Teams["T1"]}?handler=Pack&format=xlsx");

        // Posting the form of a page the agent may see still does not let them coach themselves.
        var post = await Html.PostFormAsync(client, $"/Coaching/Agent/{fixture.Agents["A2"]}", new Dictionary<string, string>
        {
            ["Title"] = "Self-assigned", ["DueDate"] = "2026-04-30",
        }, postUrl: $"/Coaching/Agent/{fixture.Agents["A2"]}?handler=AddAction");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("http://localhost/Account/AccessDenied", post.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Leadership_and_callback_staff_have_no_coaching_section()
    {
        foreach (var (email, role) in new[] { ("leader@coaching.test", Roles.Leadership), ("callback@coaching.test", Roles.Callback) })
        {
            var client = await fixture.App.SignedInClientAsync(email, role);
            await AssertDeniedAsync(client, "/Coaching");
        }
        var leader = await fixture.App.SignedInClientAsync("leader@coaching.test", Roles.Leadership);
        var dashboard = await Html.GetDocumentAsync(leader, "/");
        Assert.DoesNotContain("Coaching", dashboard.QuerySelectorAll("nav .nav-link").Select(a => a.Text()));
        var manager = await Html.GetDocumentAsync(await ManagerAsync(), "/");
        Assert.Contains("Coaching", manager.QuerySelectorAll("nav .nav-link").Select(a => a.Text()));
    }

    [Fact]
    public async Task A_manager_plans_a_coaching_action_through_the_form_and_marks_it_done()
    {
        var client = await TeamLeadAsync();
        var url = $"/Coaching/Agent/{fixture.Agents["A3"]}?{March}";

        var bad = await Html.PostFormAsync(client, url, new Dictionary<string, string> { ["Title"] = " ", ["DueDate"] = "2026-03-01" },
            formSelector: "[data-testid=action-form]");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = Html.Parse(await bad.Content.ReadAsStringAsync()).QuerySelector("[data-testid=errors]").Text();
        Assert.Contains("Say what the agent will work on.", errors);
        Assert.Contains("The due date has passed", errors);

        var added = await Html.PostFormAsync(client, url, new Dictionary<string, string>
        {
            ["Title"] = "Confirm the fault is fixed before ending the call",
            ["DueDate"] = "2026-04-14",
            ["Focus"] = "ContactFcrPercent",
            ["Notes"] = "Listen to three FEL calls together",
        }, formSelector: "[data-testid=action-form]");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var page = await Html.GetDocumentAsync(client, added.Headers.Location!.OriginalString);
        Assert.Contains("is added for Carl Cederlund", page.QuerySelector("[data-testid=message]").Text());
        var row = page.QuerySelector("[data-testid=actions-table] tbody tr")!;
        Assert.Contains("Confirm the fault is fixed before ending the call", row.Text());
        Assert.Contains("Contact-based FCR", row.Text());
        Assert.Contains("2026-04-14", row.Text());
        Assert.Contains("Open", row.Text());
        Assert.Contains("Lead-t1@test.local", row.Text(), StringComparison.OrdinalIgnoreCase);

        var overview = await Html.GetDocumentAsync(client, "/Coaching");
        Assert.Contains("Confirm the fault is fixed", overview.QuerySelector("[data-testid=actions-table]").Text());

        var edit = row.QuerySelector("a[href^='/Coaching/Actions/Edit/']")!.GetAttribute("href")!;
        var done = await Html.PostFormAsync(client, edit, new Dictionary<string, string>
        {
            ["Title"] = "Confirm the fault is fixed before ending the call", ["DueDate"] = "2026-04-14", ["Status"] = "Done", ["Focus"] = "ContactFcrPercent",
        }, formSelector: "[data-testid=action-form]");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await Html.GetDocumentAsync(client, $"/Coaching/Agent/{fixture.Agents["A3"]}");
        Assert.Contains("Done 2026-03-31", after.QuerySelector("[data-testid=actions-table] tbody tr").Text());
        Assert.Contains("(0)", (await Html.GetDocumentAsync(client, "/Coaching")).QuerySelector("#actions-heading").Text());

        // Another team's manager cannot open the action by its URL.
        var other = await fixture.App.SignedInClientAsync("lead-t2@test.local", Roles.Manager, fixture.Teams["T2"]);
        await AssertDeniedAsync(other, edit);
    }
}
