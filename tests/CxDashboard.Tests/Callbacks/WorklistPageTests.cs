using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Callbacks;

public sealed class WorklistPageTestsOnSqlite(WorklistPageTests<OnSqlite>.Fixture fixture) : WorklistPageTests<OnSqlite>(fixture);

public sealed class WorklistPageTestsOnPostgres(WorklistPageTests<OnPostgres>.Fixture fixture) : WorklistPageTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>
/// The worklist as callback staff and managers read it, over <see cref="CallbackDataset"/> flagged right after its import
/// (the import listener runs the job at once when this instance has no job server) and escalated as of now.
/// </summary>
public abstract class WorklistPageTests<TDb>(WorklistPageTests<TDb>.Fixture fixture) : IClassFixture<WorklistPageTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new(TDb.Provider);

        public async Task InitializeAsync()
        {
            await CallbackDataset.LoadAsync(App);
            await CallbackDataset.EscalateAsync(App);
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private CxAppFactory App => fixture.App;

    [DbFact]
    public async Task The_import_flagged_the_customers_at_once()
    {
        var cases = await CallbackDataset.CasesAsync(App);
        Assert.Equal(CallbackDataset.FlaggedCustomers, cases.Select(c => c.Customer).Order());
    }

    [DbFact]
    public async Task Open_cases_read_like_an_inbox_by_priority_then_due_time()
    {
        var client = await App.SignedInClientAsync("caller@test.local", Roles.Callback);
        var page = await Html.GetDocumentAsync(client, "/Callbacks");

        var rows = page.QuerySelectorAll("[data-testid=worklist] tbody tr");
        Assert.Equal(["Nio Två Gånger", "Ulla Ett", "Tea Tre", "Per Två", "Sex Upprepad"], rows.Select(r => r.QuerySelector("[data-testid=customer]").Text()));
        Assert.Equal(["85 Urgent", "80 Urgent", "60 High", "60 High", "40 Normal"], rows.Select(r => r.QuerySelector(".prio").Text()));

        var first = rows[0];
        Assert.Equal("+46 70 100 00 09", first.QuerySelector("[data-testid=phone]").Text());
        Assert.Equal(["CSAT 2 2026-05-07 14:00 · ABONNEMANG “Fel på fakturan igen”", "CSAT 1, not resolved 2026-05-08 09:00 · ABONNEMANG “Ingen har ringt”"],
            first.QuerySelectorAll("[data-testid=trigger]").Select(t => t.Text()));
        Assert.Contains("2026-05-07 ABONNEMANG · Phone · Anna Andersson", first.Text());
        var sla = first.QuerySelector("[data-testid=sla]")!;
        Assert.Equal("Overdue", sla.Text()); // a word, not only red
        Assert.Contains("status-red", sla.ClassList);
        Assert.Contains("2026-05-08 14:00", first.Text()); // the due time, local
        Assert.Contains("by 4 d 22 h, no attempt yet", first.Text());
        Assert.Contains("Escalated", first.Text());
        Assert.NotNull(first.QuerySelector("form button")); // unassigned: one click to claim

        var repeat = rows[4];
        Assert.Contains("3 contacts in 7 days", repeat.QuerySelector("[data-testid=trigger]").Text());
        Assert.Equal(["5 open", "5 overdue", "5 escalated", "5 unassigned", "0 mine"], page.QuerySelectorAll(".worklist-counts .count-tile").Select(a => a.Text()));
        Assert.Contains("SLA: first attempt within 9 working hours (Mon–Fri 08:00–17:00, Europe/Stockholm)", page.QuerySelector("[data-testid=scope-line]").Text());
    }

    [DbFact]
    public async Task Filters_live_in_the_query_string()
    {
        var client = await App.SignedInClientAsync("caller@test.local", Roles.Callback);
        async Task<IReadOnlyList<string>> Customers(string query) =>
            (await Html.GetDocumentAsync(client, "/Callbacks" + query)).QuerySelectorAll("[data-testid=customer]").Select(e => e.Text()).ToList();

        var (t2, fel) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            return (await db.Teams.Where(t => t.Name == "T2").Select(t => t.Id).SingleAsync(),
                await db.ContactReasons.Where(r => r.Code == "FEL").Select(r => r.Id).SingleAsync());
        });
        Assert.Equal(["Per Två", "Sex Upprepad"], await Customers($"?team={t2}"));
        Assert.Equal(["Per Två", "Sex Upprepad"], await Customers($"?reason={fel}"));
        Assert.Equal(["Ulla Ett"], await Customers("?q=ulla"));
        Assert.Equal(["Tea Tre"], await Customers("?q=100%2000%2003"));
        Assert.Empty(await Customers("?mine=true"));
        Assert.Equal(5, (await Customers("?assignee=none")).Count);

        var closed = await Html.GetDocumentAsync(client, "/Callbacks?status=closed");
        Assert.Contains("No cases match these filters.", closed.QuerySelector("[data-testid=empty-state]").Text());
        Assert.Equal("closed", closed.QuerySelector("#status option[selected]")?.GetAttribute("value"));
    }

    [DbFact]
    public async Task A_manager_limited_to_a_team_sees_and_opens_only_that_teams_cases()
    {
        var t1 = await App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "T1").Select(t => t.Id).SingleAsync());
        var client = await App.SignedInClientAsync("lead-t1@test.local", Roles.Manager, t1);
        var page = await Html.GetDocumentAsync(client, "/Callbacks");
        Assert.Equal(["Nio Två Gånger", "Ulla Ett", "Tea Tre"], page.QuerySelectorAll("[data-testid=customer]").Select(e => e.Text()));
        Assert.Contains("your teams' cases", page.QuerySelector("[data-testid=scope-line]").Text());

        var otherTeamsCase = await CallbackDataset.CaseIdAsync(App, "CU2");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CallbackPages.CaseUrl(otherTeamsCase))).StatusCode);
    }

    [DbFact]
    public async Task The_case_page_has_everything_for_the_call_on_one_screen()
    {
        var client = await App.SignedInClientAsync("caller@test.local", Roles.Callback);
        var page = await Html.GetDocumentAsync(client, CallbackPages.CaseUrl(await CallbackDataset.CaseIdAsync(App, "CU6")));

        Assert.Equal("Call back Sex Upprepad", page.QuerySelector("h1").Text());
        Assert.Equal("+46 70 100 00 06", page.QuerySelector("[data-testid=phone]").Text());
        Assert.Equal("tel:+46701000006", page.QuerySelector("[data-testid=phone]")!.GetAttribute("href"));
        Assert.Contains("flagged 2026-05-11 09:00 (3 contacts in 7 days) · due 2026-05-12 09:00 · T2", page.QuerySelector("[data-testid=case-lead]").Text());
        var contacts = page.QuerySelectorAll("[data-testid=contacts] tbody tr").Select(r => r.Children.Take(4).Select(c => c.Text()).ToList()).ToList();
        Assert.Equal(3, contacts.Count); // reason (name and code), channel, agent: newest first
        Assert.Equal(["2026-05-11 09:00", "FEL FEL", "Phone", "Bertil Berg"], contacts[0]);
        Assert.Equal(["2026-05-07 09:00", "FEL FEL", "Chat", "Anna Andersson"], contacts[1]);
        Assert.Equal(["2026-05-04 09:00", "FEL FEL", "Phone", "Anna Andersson"], contacts[2]);
        Assert.Contains("Repeat contacts", page.QuerySelector("[data-testid=triggers]").Text());
        Assert.Contains("contact K106c", page.QuerySelector("[data-testid=triggers]").Text());
        Assert.Equal(["2026-05-13 12:00 · System (job) · Flagged: 3 contacts within 7 days, the latest K106c",
                "2026-05-13 12:00 · System (job) · Escalated: due 2026-05-12 09:00 and no attempt yet (overdue by 1 d 3 h)"],
            page.QuerySelectorAll("[data-testid=audit] li").Select(li => li.Text()));
        Assert.NotNull(page.QuerySelector("[data-testid=attempt-form]"));
        Assert.NotNull(page.QuerySelector("[data-testid=close-form]"));
        Assert.Null(page.QuerySelector("[data-testid=assign-form]")); // callback staff claim; managers assign
    }

    [DbFact]
    public async Task Survey_responses_with_comments_are_on_the_case_page_and_the_triggers_marked()
    {
        var client = await App.SignedInClientAsync("caller@test.local", Roles.Callback);
        var page = await Html.GetDocumentAsync(client, CallbackPages.CaseUrl(await CallbackDataset.CaseIdAsync(App, "CU9")));
        var rows = page.QuerySelectorAll("[data-testid=responses] tbody tr").Select(Html.RowText).ToList();
        Assert.Equal(["2026-05-08 09:00 1 no – Ingen har ringt contact K109 trigger", "2026-05-07 14:00 2 – – Fel på fakturan igen contact K109 trigger"], rows);
    }

    [DbTheory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Leadership)]
    public async Task Roles_without_callback_work_are_refused(string role)
    {
        var client = await CallbackPages.AssertRefusedAsync(App, role, "/Callbacks");
        var nav = await Html.GetDocumentAsync(client, "/Account/AccessDenied");
        Assert.DoesNotContain(nav.QuerySelectorAll("nav a.nav-link"), a => a.Text() == "Callbacks");
    }

    [DbFact]
    public async Task The_top_bar_shows_Callbacks_to_those_who_work_them()
    {
        var client = await App.SignedInClientAsync("caller@test.local", Roles.Callback);
        var page = await Html.GetDocumentAsync(client, "/Callbacks");
        Assert.Contains(page.QuerySelectorAll("nav a.nav-link"), a => a.Text() == "Callbacks" && a.GetAttribute("aria-current") == "page");
    }
}
