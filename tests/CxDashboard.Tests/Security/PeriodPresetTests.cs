using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Security;

/// <summary>
/// Choosing a period preset works on the dashboard, the coaching overview and the agent scorecard: the preset wins over
/// the dates the form sends with it, the list keeps the preset, a custom range still works, and the address stays
/// shareable. Over HTTP, with what the form sends; <see cref="PeriodPresetBrowserTests"/> chooses from the list.
/// </summary>
public sealed class PeriodPresetTests(PeriodPresetTests.Fixture fixture) : IClassFixture<PeriodPresetTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public int AgentId { get; private set; }
        public HttpClient Manager { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await BoundaryDataset.LoadAsync(App);
            AgentId = await App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Agents.Where(a => a.ExternalId == "A1").Select(a => a.Id).SingleAsync());
            Manager = await App.SignedInClientAsync("preset.manager@test.local", Roles.Manager);
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    // The form as the browser sent it before: the new preset together with the dates of the 30 days on screen.
    private const string NinetyDaysWithStaleDates = "period=90d&from=2026-03-02&to=2026-03-31";

    public static TheoryData<string> Pages => new() { "/", "/Coaching", "/Coaching/Agent/{agent}" };

    private string Url(string page, string query) => page.Replace("{agent}", fixture.AgentId.ToString()) + "?" + query;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_preset_sent_with_stale_dates_shows_the_preset(string page)
    {
        var client = fixture.Manager;
        var document = await Html.GetDocumentAsync(client, Url(page, NinetyDaysWithStaleDates));
        Assert.Contains("2026-01-01 – 2026-03-31", document.QuerySelector("[data-testid=scope-line]").Text());
        Assert.Equal("90d", document.QuerySelector("#period option[selected]")?.GetAttribute("value"));
        Assert.True(document.QuerySelector("[data-custom-dates]")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task Dashboard_links_keep_the_preset_and_not_the_dates()
    {
        var client = fixture.Manager;
        var document = await Html.GetDocumentAsync(client, "/?" + NinetyDaysWithStaleDates);
        Assert.Equal("/?handler=Export&period=90d", document.QuerySelector("[data-testid=export-kpis]")?.GetAttribute("href"));
        var teamLinks = document.QuerySelectorAll("a[href^='/?']").Select(a => a.GetAttribute("href")!).Where(h => h.Contains("team=")).ToList();
        Assert.NotEmpty(teamLinks);
        Assert.All(teamLinks, link =>
        {
            Assert.Contains("period=90d", link);
            Assert.DoesNotContain("from=", link);
        });
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_custom_range_still_works(string page)
    {
        var client = fixture.Manager;
        var document = await Html.GetDocumentAsync(client, Url(page, "period=custom&from=2026-03-01&to=2026-03-15"));
        Assert.Contains("2026-03-01 – 2026-03-15", document.QuerySelector("[data-testid=scope-line]").Text());
        Assert.Equal("custom", document.QuerySelector("#period option[selected]")?.GetAttribute("value"));
    }
}

/// <summary>The period list chosen in Chromium on the dashboard, the coaching overview and the scorecard.</summary>
public sealed class PeriodPresetBrowserTests(PeriodPresetBrowserTests.Fixture fixture) : IClassFixture<PeriodPresetBrowserTests.Fixture>
{
    public sealed class Fixture : BrowserApp
    {
        public int AgentId { get; private set; }

        protected override async Task SeedAsync()
        {
            await BoundaryDataset.LoadAsync(App);
            AgentId = await App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Agents.Where(a => a.ExternalId == "A1").Select(a => a.Id).SingleAsync());
        }
    }

    public static TheoryData<string> Pages => PeriodPresetTests.Pages;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Choosing_last_90_days_in_the_list_reloads_with_90_days(string page)
    {
        var browser = await fixture.SignInAsync("preset.browser@test.local", Roles.Manager);
        await browser.GotoAsync(fixture.BaseUrl + page.Replace("{agent}", fixture.AgentId.ToString()));
        Assert.Contains("2026-03-02 – 2026-03-31", await browser.Locator("[data-testid=scope-line]").InnerTextAsync());

        await browser.Locator("#period").SelectOptionAsync("90d");
        await browser.WaitForURLAsync(url => url.Contains("period=90d"));
        Assert.DoesNotContain("from=", browser.Url);
        Assert.Contains("2026-01-01 – 2026-03-31", await browser.Locator("[data-testid=scope-line]").InnerTextAsync());
        Assert.Equal("90d", await browser.Locator("#period").InputValueAsync());

        // Choosing another preset from there, and then custom dates typed in and applied.
        await browser.Locator("#period").SelectOptionAsync(new SelectOptionValue { Label = "Last month" });
        await browser.WaitForURLAsync(url => url.Contains("period=last-month"));
        Assert.Contains("2026-02-01 – 2026-02-28", await browser.Locator("[data-testid=scope-line]").InnerTextAsync());

        await browser.Locator("#period").SelectOptionAsync("custom");
        await browser.Locator("#from").FillAsync("2026-03-01");
        await browser.Locator("#to").FillAsync("2026-03-15");
        await browser.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await browser.WaitForURLAsync(url => url.Contains("to=2026-03-15"));
        Assert.Contains("2026-03-01 – 2026-03-15", await browser.Locator("[data-testid=scope-line]").InnerTextAsync());
        Assert.Equal("custom", await browser.Locator("#period").InputValueAsync());
        await browser.Context.CloseAsync();
    }
}
