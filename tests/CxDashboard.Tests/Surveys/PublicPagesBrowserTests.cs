using CxDashboard.Tests.Api;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Surveys;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Surveys;

/// <summary>
/// The public survey and pulse pages in Debian's Chromium on a 360 px wide phone: no axe violations of WCAG 2.1 A/AA
/// (contrast included), no sideways scrolling, and a survey answered with the keyboard alone.
/// </summary>
public sealed class PublicPagesBrowserTests(PublicPagesBrowserTests.Fixture fixture) : IClassFixture<PublicPagesBrowserTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiAppFactory App { get; } = new();
        public string BaseUrl { get; private set; } = "";
        public IBrowser Browser { get; private set; } = null!;
        private IPlaywright? _playwright;

        public async Task InitializeAsync()
        {
            App.UseKestrel(0);
            App.StartServer();
            BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            await BoundaryDataset.LoadAsync(App);
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

    private async Task<IPage> PhoneAsync() =>
        await (await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } })).NewPageAsync();

    private Task<string> SurveyLinkAsync(string contact) => fixture.App.WithScopeAsync(async sp =>
    {
        var id = await sp.GetRequiredService<CxDbContext>().Contacts.Where(c => c.ExternalId == contact).Select(c => c.Id).SingleAsync();
        return fixture.BaseUrl + (await sp.GetRequiredService<SurveyInvitationService>().CreateAsync(id)).Path;
    });

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")));
        var sideways = await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > window.innerWidth");
        Assert.False(sideways, $"{page.Url} scrolls sideways at 360 px");
    }

    [Fact]
    public async Task The_survey_passes_axe_on_a_phone_and_can_be_answered_with_the_keyboard_alone()
    {
        var page = await PhoneAsync();
        await page.GotoAsync(await SurveyLinkAsync("K3"));
        await AssertAccessibleAsync(page);

        // Submitting empty: the error summary is announced (role=alert) and passes axe too.
        await page.Locator("button[type=submit]").PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-testid=error-summary][role=alert]");
        await AssertAccessibleAsync(page);

        // Keyboard only: Tab into the CSAT group, arrows to 4, Tab to the yes/no group, Space on "Ja", then submit.
        await page.Locator("#csat-1").FocusAsync();
        for (var i = 0; i < 3; i++) await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("#csat-4").IsCheckedAsync());
        Assert.True(await page.Locator("#resolved-yes").IsCheckedAsync());
        await page.Locator("button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("h1:has-text('Tack för ditt svar!')");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_pulse_passes_axe_on_a_phone()
    {
        var token = await fixture.App.WithScopeAsync(async sp =>
        {
            var team = await sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "T1").Select(t => t.Id).SingleAsync();
            return await sp.GetRequiredService<PulseService>().RenewLinkAsync(team);
        });
        var page = await PhoneAsync();
        await page.GotoAsync(fixture.BaseUrl + PulseService.PathFor(token));
        await AssertAccessibleAsync(page);
        await page.Locator("#item-5-4").CheckAsync();
        await page.Locator("#enps-9").CheckAsync();
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("h1:has-text('Tack för ditt svar!')");
        await AssertAccessibleAsync(page);
    }
}
