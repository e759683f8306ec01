using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Browser;

/// <summary>Each role's main path in Chromium, with an axe check on every page it passes.</summary>
public sealed class StaffPagesBrowserTests(StaffPagesBrowserTests.Fixture fixture) : IClassFixture<StaffPagesBrowserTests.Fixture>
{
    public sealed class Fixture() : IAsyncLifetime
    {
        public BrowserApp Browser { get; } = new() { Seed = BoundaryDataset.LoadAsync };
        public Task InitializeAsync() => Browser.InitializeAsync();
        public Task DisposeAsync() => Browser.DisposeAsync();
    }

    private BrowserApp B => fixture.Browser;
    private const string March = "/?period=custom&from=2026-03-01&to=2026-03-31";

    [Fact]
    public async Task A_manager_filters_the_dashboard_by_team_and_the_url_keeps_the_filter()
    {
        var page = await B.SignInAsync("manager@browser.test", Roles.Manager);
        await page.GotoAsync(B.BaseUrl + March);
        await BrowserApp.AssertAccessibleAsync(page);
        Assert.Equal("9", await page.Locator("[data-kpi=Contacts] [data-testid=kpi-value]").InnerTextAsync());

        // Choosing a team submits the filter bar by itself (no Apply click) and the view is a shareable URL.
        await page.Locator("#team").SelectOptionAsync(new SelectOptionValue { Label = "T1" });
        await page.WaitForURLAsync(url => url.Contains("team="));
        Assert.Equal("4", await page.Locator("[data-kpi=Contacts] [data-testid=kpi-value]").InnerTextAsync());
        Assert.Contains("from=2026-03-01", page.Url);

        // Sorting a table by a header works from the keyboard too.
        var header = page.Locator("[data-testid=reasons-table] th", new() { HasText = "Contacts" });
        await header.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("ascending", await header.GetAttributeAsync("aria-sort"));

        await page.GotoAsync(B.BaseUrl + "/help/metrics");
        await BrowserApp.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Callback_staff_claim_a_case_from_the_worklist()
    {
        // A dissatisfied customer the day before "now": the flagging job opens a case for them.
        await B.App.ImportOkAsync(CxDashboard.Web.Features.Ingestion.ImportKind.SurveyResponses, """
            response_id,contact_id,received_at,csat,resolved,nps,comment
            BR1,K4,2026-03-30T09:00:00+02:00,1,no,0,Ingen ringde tillbaka.
            """);
        await B.App.WithScopeAsync(sp => sp.GetRequiredService<CxDashboard.Web.Features.Callbacks.CallbackFlaggingJob>().RunAsync(null, CancellationToken.None));
        var page = await B.SignInAsync("caller@browser.test", Roles.Callback);
        Assert.EndsWith("/Callbacks", new Uri(page.Url).AbsolutePath);
        await BrowserApp.AssertAccessibleAsync(page);

        Assert.Contains("Ingen ringde tillbaka.", await page.Locator("main").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim the case of Customer Two" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Claim the case of Customer Two" }).CountAsync());
        Assert.Contains("caller@browser.test", await page.Locator("main").InnerTextAsync());
        await BrowserApp.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task An_admin_reaches_every_admin_page_and_each_passes_axe()
    {
        var page = await B.SignInAsync("admin@browser.test", Roles.Admin);
        await page.GotoAsync(B.BaseUrl + "/Admin");
        await BrowserApp.AssertAccessibleAsync(page);
        var links = await page.Locator("main a.card-cx").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(links.Length >= 5);
        // The job dashboard (/hangfire) is Hangfire's own page, not ours: it must open, its markup is not ours to check.
        Assert.Contains("/hangfire", links);
        foreach (var link in links.Where(l => l != "/hangfire"))
        {
            await page.GotoAsync(B.BaseUrl + link);
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            await BrowserApp.AssertAccessibleAsync(page);
        }
        Assert.Equal(200, (await page.GotoAsync(B.BaseUrl + "/hangfire"))!.Status);
        // Its scripts run under the Content-Security-Policy: the charts draw, the live counters poll, nothing is refused.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("chartjs-render-monitor", await page.Locator("#realtimeGraph").GetAttributeAsync("class"));
        await BrowserApp.AssertNoPolicyViolationsAsync(page);
        await page.GotoAsync(B.BaseUrl + "/hangfire/recurring");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserApp.AssertNoPolicyViolationsAsync(page);
    }

    [Fact]
    public async Task An_agent_sees_their_own_scorecard_and_no_other_sections()
    {
        await B.App.CreateUserAsync("anna@example.test", Roles.Agent);
        var context = await B.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(B.BaseUrl + "/Account/Login");
        await page.GetByLabel("E-mail").FillAsync("anna@example.test");
        await page.GetByLabel("Password").FillAsync(CxAppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync(B.BaseUrl + March);
        Assert.Equal("3", await page.Locator("[data-kpi=Contacts] [data-testid=kpi-value]").InnerTextAsync());
        var sections = await page.Locator("#main-nav .navbar-nav.me-auto .nav-link").AllInnerTextsAsync();
        Assert.DoesNotContain("Admin", sections);
        Assert.DoesNotContain("Callbacks", sections);
        await BrowserApp.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Leadership_reads_the_maturity_overview_and_engagement()
    {
        var page = await B.SignInAsync("leader@browser.test", Roles.Leadership);
        foreach (var path in new[] { "/Maturity", "/Engagement" })
        {
            await page.GotoAsync(B.BaseUrl + path);
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            await BrowserApp.AssertAccessibleAsync(page);
        }
        var teamCount = await B.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.CountAsync());
        Assert.True(teamCount > 0);

        // The monthly report's web version keeps its own style element (allowed by its hash): styled, nothing refused.
        await page.GotoAsync(B.BaseUrl + "/Reports/Monthly");
        Assert.Equal("rgb(31, 78, 121)", await page.Locator("h1").EvaluateAsync<string>("h => getComputedStyle(h).color"));
        await BrowserApp.AssertNoPolicyViolationsAsync(page);
    }
}
