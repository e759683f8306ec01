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
        ["Api:RateLimit:FailedKeysPerAddressPerMinute"] = "5",
        ["Surveys:RateLimit:PermitsPerMinute"] = "3",
        // Clients are told apart by the address a (trusted) TLS proxy forwards.
        ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
    });

    public void Dispose() => _app.Dispose();

    private const string Kpis = "/api/v1/kpis?from=2026-03-01&to=2026-03-31";

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_while_another_key_goes_on()
    {
        var busy = await _app.ApiClientAsync(ApiKeyScope.Write, "busy system");
        var calm = await _app.ApiClientAsync(ApiKeyScope.Read, "calm system");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync(Kpis)).StatusCode);

        var limited = await busy.GetAsync(Kpis);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = await limited.JsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains($"Retry after {retryAfter} seconds", problem.GetProperty("detail").GetString());

        // Writes count against the same key; another key has its own allowance.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await busy.PostJsonAsync("/api/v1/agents", "[]")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync(Kpis)).StatusCode);
    }

    private static HttpClient At(HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    [Fact]
    public async Task Wrong_secrets_sent_with_a_real_keys_prefix_do_not_use_up_that_keys_allowance()
    {
        var created = await _app.CreateKeyAsync(ApiKeyScope.Read, "real system");
        var real = At(_app.NewClient(), "198.51.100.1");
        real.DefaultRequestHeaders.Add("X-Api-Key", created.Secret);
        var prefix = created.Secret[..created.Secret.LastIndexOf('_')];

        // 300 wrong secrets with the real key's public prefix, from the attacker's address.
        var attacker = At(_app.NewClient(), "203.0.113.66");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 300; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Kpis);
            request.Headers.Add("X-Api-Key", $"{prefix}_wrongsecret{i:D4}");
            answers.Add((await attacker.SendAsync(request)).StatusCode);
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), answers.Take(5));
        Assert.All(answers.Skip(5), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
        using (var paused = new HttpRequestMessage(HttpMethod.Get, Kpis))
        {
            paused.Headers.Add("X-Api-Key", $"{prefix}_wrongsecretmore");
            var answer = await attacker.SendAsync(paused);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.Equal(429, (await answer.JsonAsync()).GetProperty("status").GetInt32());
        }

        // The real key, from its own address, keeps its whole allowance.
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await real.GetAsync(Kpis)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await real.GetAsync(Kpis)).StatusCode);
    }

    [Fact]
    public async Task Random_keys_from_one_address_are_limited_there_and_the_pause_ends()
    {
        var attacker = At(_app.NewClient(), "203.0.113.77");
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Kpis);
            request.Headers.Add("X-Api-Key", $"cxd_{Guid.NewGuid():N}_{Guid.NewGuid():N}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.SendAsync(request)).StatusCode);
        }
        var limited = await attacker.GetAsync(Kpis);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("without a valid API key", (await limited.JsonAsync()).GetProperty("detail").GetString());

        // Even a valid key is not looked at from a paused address; another address is not paused.
        var key = await _app.CreateKeyAsync(ApiKeyScope.Read, "elsewhere");
        using (var request = new HttpRequestMessage(HttpMethod.Get, Kpis))
        {
            request.Headers.Add("X-Api-Key", key.Secret);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.SendAsync(request)).StatusCode);
        }
        var other = At(_app.NewClient(), "198.51.100.2");
        other.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(Kpis)).StatusCode);

        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        using var again = new HttpRequestMessage(HttpMethod.Get, Kpis);
        again.Headers.Add("X-Api-Key", key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await attacker.SendAsync(again)).StatusCode);
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
