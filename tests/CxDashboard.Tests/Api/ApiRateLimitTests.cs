using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Tests.Api;

/// <summary>Per-key limits on the API and per-IP limits on the public pages, made small by configuration (no waiting).</summary>
public sealed class ApiRateLimitTests : IDisposable
{
    private readonly ApiAppFactory _app = new(new Dictionary<string, string?>
    {
        ["Api:RateLimit:PermitsPerMinute"] = "3",
        ["Surveys:RateLimit:PermitsPerMinute"] = "3",
    });

    public void Dispose() => _app.Dispose();

    private const string Kpis = "/api/v1/kpis?from=2026-03-01&to=2026-03-31";

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_while_another_key_goes_on()
    {
        var busy = await _app.ApiClientAsync(ApiKeyScope.Read, "busy system");
        var calm = await _app.ApiClientAsync(ApiKeyScope.Read, "calm system");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync(Kpis)).StatusCode);

        var limited = await busy.GetAsync(Kpis);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);
        var problem = await limited.JsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains($"Retry after {retryAfter} seconds", problem.GetProperty("detail").GetString());

        // Writes count against the same key; another key has its own allowance.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await busy.PostJsonAsync("/api/v1/agents", "[]")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync(Kpis)).StatusCode);
    }

    [Fact]
    public async Task The_public_survey_pages_are_limited_per_ip_address_with_a_polite_page()
    {
        var client = _app.NewClient();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/s/guess{i}")).StatusCode);

        var limited = await client.GetAsync("/pulse/guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        var page = Html.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal("Försök igen om en stund", page.QuerySelector("h1").Text());
        Assert.Contains("Too many requests from your connection", page.QuerySelector("main").Text());
    }
}
