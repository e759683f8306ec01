using System.Net;
using AngleSharp.Dom;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Localisation;

/// <summary>
/// The top bar's one switch for language and number format: words and numbers change together, the choice is saved on
/// the user (a new sign-in from a fresh client keeps it), and the query string can ask for words and numbers apart.
/// </summary>
public sealed class LanguageSwitchTests(LanguageSwitchTests.Fixture fixture) : IClassFixture<LanguageSwitchTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public Task InitializeAsync() => BoundaryDataset.LoadAsync(App);
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private const string March = "/?period=custom&from=2026-03-01&to=2026-03-31";

    private static string RepeatRate(IDocument page) =>
        page.QuerySelector("[data-kpi='RepeatContactRate'] [data-testid=kpi-value]").Text();

    private static string SignOutWord(IDocument page) => page.QuerySelector("form[action='/Account/Logout'] button").Text();

    private static Task<HttpResponseMessage> SwitchAsync(HttpClient client, string culture, string returnUrl = March) =>
        Html.PostFormAsync(client, March, new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = returnUrl },
            formSelector: "form[action='/Account/Culture']", postUrl: "/Account/Culture");

    private async Task<HttpClient> FreshSignInAsync(string email)
    {
        var client = fixture.App.NewClient();
        await Html.SignInAsync(client, email, CxAppFactory.Password);
        return client;
    }

    [Fact]
    public async Task Switching_changes_words_and_numbers_together_and_the_next_sign_in_keeps_it()
    {
        const string email = "switcher@test.local";
        var first = await fixture.App.SignedInClientAsync(email, Roles.Manager);
        var before = await Html.GetDocumentAsync(first, March);
        Assert.Equal("44,4 %", RepeatRate(before)); // the test host: Swedish numbers, English words
        Assert.Equal("Sign out", SignOutWord(before));

        var response = await SwitchAsync(first, "sv-SE");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(March, response.Headers.Location!.OriginalString);
        var swedish = await Html.GetDocumentAsync(first, March);
        Assert.Equal("Logga ut", SignOutWord(swedish));
        Assert.Equal("44,4 %", RepeatRate(swedish));
        Assert.Equal("sv", swedish.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Återkontaktsgrad", swedish.QuerySelector("[data-kpi='RepeatContactRate']").Text());

        // A fresh client (another browser) signs in: the saved choice comes with the user.
        var second = await FreshSignInAsync(email);
        Assert.Equal("Logga ut", SignOutWord(await Html.GetDocumentAsync(second, March)));

        await SwitchAsync(second, "en-GB");
        var english = await Html.GetDocumentAsync(second, March);
        Assert.Equal("44.4 %", RepeatRate(english));
        Assert.Equal("Sign out", SignOutWord(english));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));

        var third = await FreshSignInAsync(email);
        var again = await Html.GetDocumentAsync(third, March);
        Assert.Equal("44.4 %", RepeatRate(again));
        Assert.Equal("Sign out", SignOutWord(again));
        var saved = await fixture.App.WithScopeAsync(sp =>
            sp.GetRequiredService<CxDbContext>().Users.Where(u => u.Email == email).Select(u => u.Culture).SingleAsync());
        Assert.Equal("en-GB", saved);
    }

    [Fact]
    public async Task The_query_string_can_ask_for_swedish_numbers_with_english_words()
    {
        var client = await fixture.App.SignedInClientAsync("reader@test.local", Roles.Manager);
        var mixed = await Html.GetDocumentAsync(client, March + "&culture=sv-SE&ui-culture=en-GB");
        Assert.Equal("44,4 %", RepeatRate(mixed));
        Assert.Equal("Sign out", SignOutWord(mixed));

        var english = await Html.GetDocumentAsync(client, March + "&culture=en-GB");
        Assert.Equal("44.4 %", RepeatRate(english));

        var swedish = await Html.GetDocumentAsync(client, March + "&culture=sv-SE");
        Assert.Equal("Logga ut", SignOutWord(swedish));
    }

    [Fact]
    public async Task The_switch_goes_back_only_to_this_site_and_ignores_unknown_languages()
    {
        var client = await fixture.App.SignedInClientAsync("wanderer@test.local", Roles.Manager);
        var away = await SwitchAsync(client, "sv-SE", "https://evil.example/");
        Assert.Equal("/", away.Headers.Location!.OriginalString);

        var unknown = await SwitchAsync(client, "de-DE");
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        var saved = await fixture.App.WithScopeAsync(sp =>
            sp.GetRequiredService<CxDbContext>().Users.Where(u => u.Email == "wanderer@test.local").Select(u => u.Culture).SingleAsync());
        Assert.Equal("sv-SE", saved);
    }
}
