using CxDashboard.Tests.Api;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Surveys;
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
    public sealed class Fixture() : BrowserApp(new ApiAppFactory())
    {
        protected override Task SeedAsync() => BoundaryDataset.LoadAsync(App);
    }

    private Task<IPage> PhoneAsync() => fixture.NewPageAsync(360, 740);

    private Task<string> SurveyLinkAsync(string contact) => fixture.App.WithScopeAsync(async sp =>
    {
        var id = await sp.GetRequiredService<CxDbContext>().Contacts.Where(c => c.ExternalId == contact).Select(c => c.Id).SingleAsync();
        return fixture.BaseUrl + (await sp.GetRequiredService<SurveyInvitationService>().CreateAsync(id)).Path;
    });

    /// <summary>Axe finds nothing, and the page does not scroll sideways on a phone.</summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        await BrowserApp.AssertAccessibleAsync(page);
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
