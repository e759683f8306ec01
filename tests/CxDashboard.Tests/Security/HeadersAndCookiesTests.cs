using System.Net;
using CxDashboard.Tests.Api;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Security;

/// <summary>
/// Security headers on every kind of response, no inline script anywhere, Secure cookies over https (also behind a
/// configured TLS proxy, never because a client says so), and /health telling the public only whether the app lives.
/// </summary>
public sealed class HeadersAndCookiesTests(HeadersAndCookiesTests.Fixture fixture) : IClassFixture<HeadersAndCookiesTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiAppFactory App { get; } = new(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "127.0.0.1" });
        public Task InitializeAsync() => BoundaryDataset.LoadAsync(App);
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private ApiAppFactory App => fixture.App;

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        var csp = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : null;
        Assert.True(csp is not null, $"{what}: no Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline' ;", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        var anonymous = App.NewClient();
        var admin = await App.SignedInClientAsync("admin@headers.test", Roles.Admin);
        var responses = new List<(string, HttpResponseMessage)>
        {
            ("login page", await anonymous.GetAsync("/Account/Login")),
            ("redirect to login", await anonymous.GetAsync("/")),
            ("stylesheet", await anonymous.GetAsync("/css/site.css")),
            ("script", await anonymous.GetAsync("/js/site.js")),
            ("health", await anonymous.GetAsync("/health")),
            ("API 401", await anonymous.GetAsync("/api/v1/kpis?from=2026-03-01&to=2026-03-31")),
            ("unknown survey link", await anonymous.GetAsync("/s/unknown-token")),
            ("not found", await admin.GetAsync("/no/such/page")),
            ("dashboard", await admin.GetAsync("/?period=custom&from=2026-03-01&to=2026-03-31")),
            ("job dashboard", await admin.GetAsync("/hangfire")),
        };
        foreach (var (what, response) in responses) AssertSecurityHeaders(response, what);
    }

    [Fact]
    public async Task No_page_has_inline_script_or_event_handler_attributes()
    {
        var admin = await App.SignedInClientAsync("admin@headers.test", Roles.Admin);
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !r.Contains('{') && !r.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase))
            .Distinct().ToList();
        var checkedPages = 0;
        foreach (var route in routes)
        {
            var response = await admin.GetAsync(route);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(page.QuerySelectorAll("script:not([src])").Length == 0, $"{route} has an inline script");
            var handlers = page.All.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => $"<{e.LocalName} {a.Name}>")).ToList();
            Assert.True(handlers.Count == 0, $"{route}: {string.Join(", ", handlers)}");
            Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
            checkedPages++;
        }
        Assert.True(checkedPages >= 25, $"only {checkedPages} pages checked");
    }

    [Fact]
    public async Task The_monthly_report_page_may_carry_its_own_style_element_and_nothing_else_inline()
    {
        var leader = await App.SignedInClientAsync("leader@headers.test", Roles.Leadership);
        var response = await leader.GetAsync("/Reports/Monthly?month=2026-02");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches("style-src 'self' 'sha256-[A-Za-z0-9+/=]{44}';", csp);
        Assert.Contains("script-src 'self';", csp);
    }

    [Fact]
    public async Task Cookies_are_secure_over_https_from_the_configured_proxy_only()
    {
        static async Task<List<string>> CookiesAsync(HttpClient client)
        {
            var response = await client.GetAsync("/Account/Login");
            return response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : [];
        }

        // The test client keeps no Secure cookies over its own http, so the antiforgery cookie is sent back by hand.
        var overHttps = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        overHttps.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var loginPage = await overHttps.GetAsync("/Account/Login");
        var httpsCookies = loginPage.Headers.GetValues("Set-Cookie").ToList();
        Assert.All(httpsCookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        await App.CreateUserAsync("https@headers.test", Roles.Manager);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "https@headers.test",
                ["Password"] = CxAppFactory.Password,
                ["__RequestVerificationToken"] = Html.AntiforgeryToken(Html.Parse(await loginPage.Content.ReadAsStringAsync())),
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", httpsCookies.Select(c => c[..c.IndexOf(';')])));
        var signIn = await overHttps.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authCookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(authCookies, c => c.StartsWith("CxDashboard.Auth=", StringComparison.Ordinal));
        Assert.All(authCookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(authCookies, c => Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase));

        // Plain http (a developer's machine): not Secure, or the browser would drop them.
        Assert.All(await CookiesAsync(App.NewClient()), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));

        // Without a configured proxy the header is anyone's word and is ignored.
        using var direct = new ApiAppFactory();
        var claimsHttps = direct.NewClient();
        claimsHttps.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var response = await claimsHttps.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Health_tells_the_public_only_the_status_and_an_admin_the_details()
    {
        var response = await App.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync());

        var manager = await App.SignedInClientAsync("manager@headers.test", Roles.Manager);
        Assert.Equal("""{"status":"Healthy"}""", await (await manager.GetAsync("/health")).Content.ReadAsStringAsync());

        var admin = await App.SignedInClientAsync("admin@headers.test", Roles.Admin);
        var details = await (await admin.GetAsync("/health")).JsonAsync();
        var checks = details.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("jobs").GetProperty("status").GetString());
        Assert.Equal("SQLite", checks.GetProperty("database").GetProperty("description").GetString());
        Assert.StartsWith("Jobs kept in memory", checks.GetProperty("jobs").GetProperty("description").GetString());
        Assert.Matches(@"^\d+ contacts$", checks.GetProperty("data").GetProperty("description").GetString()!);
    }
}
