using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Journeys;

/// <summary>An agent sees their own scorecard and their own numbers, and nobody else's.</summary>
[Collection(JourneyCollection.Name)]
public sealed class AgentJourney(JourneyApp app)
{
    private const string Who = "agent";
    private const string Self = "Anna Lindqvist";

    [Fact]
    public async Task An_agent_sees_their_own_scorecard_only()
    {
        var page = await app.SignInAsync("agent@demo.local");
        var sections = (await page.Locator("#main-nav .navbar-nav.me-auto .nav-link").AllInnerTextsAsync()).Select(s => s.Trim()).ToList();
        foreach (var hidden in new[] { Ui.NavCallbacks, Ui.NavEngagement, Ui.NavReports, Ui.NavImport, Ui.NavAdmin }) Assert.DoesNotContain(hidden, sections);

        await page.RunAndWaitForPageAsync(() => JourneyApp.Nav(page, Ui.NavCoaching).ClickAsync());
        Assert.Matches("/Coaching/Agent/[0-9]+", new Uri(page.Url).AbsolutePath);
        Assert.Contains(Self, await page.Locator("h1").InnerTextAsync());
        await app.CheckAsync(page, Who);
        await JourneyApp.ScreenshotAsync(page, "agent-own-scorecard", fullPage: true);

        await page.RunAndWaitForPageAsync(() => JourneyApp.Nav(page, Ui.NavDashboard).ClickAsync());
        await app.CheckAsync(page, Who);
        Assert.Contains("your own contacts", await page.Locator("[data-testid=scope-line]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#team").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=agents-table]").CountAsync());

        // A colleague's scorecard, typed by hand: not theirs to see.
        var colleague = await app.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Agents.Where(a => a.Name != Self).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var response = await page.GotoAsync($"{app.BaseUrl}/Coaching/Agent/{colleague}");
        Assert.True(response!.Status is 403 or 404 || (await page.Locator("h1").InnerTextAsync()).Contains(Ui.NotAllowed), page.Url);
        Assert.DoesNotContain(Self, await page.Locator("h1").InnerTextAsync());
    }
}
