using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Coaching;

/// <summary>
/// A manager's coaching path in Debian's Chromium: the overview, a team, a scorecard and the raw exports page pass axe
/// (WCAG 2.1 A/AA, contrast included), and a coaching action is planned from an alert through the form.
/// </summary>
public sealed class CoachingBrowserTests(CoachingBrowserTests.Fixture fixture) : IClassFixture<CoachingBrowserTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public string BaseUrl { get; private set; } = "";
        public IBrowser Browser { get; private set; } = null!;
        public int TeamId { get; private set; }
        private IPlaywright? _playwright;

        public async Task InitializeAsync()
        {
            App.UseKestrel(0);
            App.StartServer();
            BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            App.Clock.SetUtcNow(CoachingDataset.Now);
            await new CoachingDataset().LoadAsync(App);
            await App.CreateUserAsync("coach@browser.test", Roles.Manager);
            TeamId = await App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "T1").Select(t => t.Id).SingleAsync());
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Args = ["--no-sandbox", "--disable-gpu"],
            });
        }

        public async Task DisposeAsync()
        {
            if (Browser is not null) await Browser.CloseAsync();
            _playwright?.Dispose();
            App.Dispose();
        }
    }

    private async Task<IPage> SignedInAsync()
    {
        var page = await (await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } })).NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/Account/Login");
        await page.FillAsync("#Email", "coach@browser.test");
        await page.FillAsync("#Password", CxAppFactory.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        return page;
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.True(result.Violations.Length == 0,
            $"{page.Url}\n" + string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")));
    }

    [Fact]
    public async Task The_coaching_pages_pass_axe()
    {
        var page = await SignedInAsync();
        await page.GotoAsync(fixture.BaseUrl + "/Coaching");
        Assert.Equal(2, await page.Locator("[data-testid=coaching-alert]").CountAsync());
        await AssertAccessibleAsync(page);

        await page.GotoAsync($"{fixture.BaseUrl}/Coaching/Team/{fixture.TeamId}");
        await AssertAccessibleAsync(page);

        await page.ClickAsync("[data-testid=agents-table] a:text('Carl Cederlund')");
        await page.WaitForSelectorAsync("h1:text('Scorecard: Carl Cederlund')");
        Assert.Equal(2, await page.Locator("svg[role=img]").CountAsync());
        await AssertAccessibleAsync(page);

        // The raw exports page, reached from the dashboard.
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.ClickAsync("[data-testid=raw-exports]");
        await page.WaitForSelectorAsync("h1:text('Raw data exports')");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_manager_plans_coaching_from_an_alert()
    {
        var page = await SignedInAsync();
        await page.GotoAsync(fixture.BaseUrl + "/Coaching");
        await page.Locator("[data-testid=coaching-alert][data-agent=A1] a:text('Plan coaching')").ClickAsync();
        await page.WaitForSelectorAsync("h1:text('Scorecard: Astrid Ahlström')");
        Assert.Equal("CsatPercent", await page.Locator("#Focus").InputValueAsync());

        await page.FillAsync("#Title", "Call back within the promised time");
        await page.FillAsync("#DueDate", "2026-04-14");
        await page.ClickAsync("[data-testid=action-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=message]");
        Assert.Contains("is added for Astrid Ahlström", await page.Locator("[data-testid=message]").InnerTextAsync());
        Assert.Contains("Call back within the promised time", await page.Locator("[data-testid=actions-table]").InnerTextAsync());
        await AssertAccessibleAsync(page);
    }
}
