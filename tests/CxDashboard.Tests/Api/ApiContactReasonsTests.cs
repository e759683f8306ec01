using System.Net;
using System.Text.Json;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Tests.Api;

/// <summary>GET /api/v1/contact-reasons against the boundary dataset (see <see cref="BoundaryDataset"/>).</summary>
public sealed class ApiContactReasonsTests(ApiContactReasonsTests.Fixture fixture) : IClassFixture<ApiContactReasonsTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiAppFactory App { get; } = new();
        public HttpClient Reader { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await BoundaryDataset.LoadAsync(App);
            Reader = await App.ApiClientAsync(ApiKeyScope.Read);
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Without_a_period_it_lists_the_reason_catalogue()
    {
        var json = await (await fixture.Reader.GetAsync("/api/v1/contact-reasons")).JsonAsync();
        var reasons = json.GetProperty("reasons").EnumerateArray().ToList();
        Assert.Equal(["ABONNEMANG", "FAKTURA", "FEL", "INLOGG"], reasons.Select(r => r.GetProperty("code").GetString()!).ToArray());
        Assert.All(reasons, r => Assert.True(r.GetProperty("needsReview").GetBoolean())); // created by the import from unknown codes
        Assert.All(reasons, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("stats").ValueKind));
    }

    [Fact]
    public async Task With_a_period_each_reason_carries_its_figures_busiest_first()
    {
        var response = await fixture.Reader.GetAsync("/api/v1/contact-reasons?from=2026-03-01&to=2026-03-31");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reasons = (await response.JsonAsync()).GetProperty("reasons").EnumerateArray().ToList();
        Assert.Equal("FAKTURA", reasons[0].GetProperty("code").GetString());

        var stats = reasons.ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("stats"));
        // March: FAKTURA K3, K4, K5; FEL K2, K6; INLOGG K8, K9; ABONNEMANG K10, K11. Repeats: K2, K6 (FEL), K5 (FAKTURA), K11.
        Assert.Equal(3, stats["FAKTURA"].GetProperty("contacts").GetInt64());
        Assert.Equal(300.0 / 9, stats["FAKTURA"].GetProperty("sharePercent").GetDouble(), 9);
        Assert.Equal(100.0 / 3, stats["FAKTURA"].GetProperty("repeatContactRate").GetDouble(), 9);
        Assert.Equal(100, stats["FEL"].GetProperty("repeatContactRate").GetDouble(), 9);
        Assert.Equal(0, stats["INLOGG"].GetProperty("repeatContacts").GetInt64());
        // FEL's responses: R1 (5), R2 (2) on K2 and R6 (4) on K6: CSAT 2 of 3, one dissatisfied.
        Assert.Equal(3, stats["FEL"].GetProperty("responses").GetInt64());
        Assert.Equal(200.0 / 3, stats["FEL"].GetProperty("csatPercent").GetDouble(), 9);
        Assert.Equal(100.0 / 3, stats["FEL"].GetProperty("dissatisfiedPercent").GetDouble(), 9);
        // Complexity 3 (unreviewed codes): no reason is a self-service candidate.
        Assert.All(stats.Values, s => Assert.False(s.GetProperty("selfServiceCandidate").GetBoolean()));
    }

    [Fact]
    public async Task A_half_given_or_unreadable_period_gets_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Reader.GetAsync("/api/v1/contact-reasons?from=2026-03-01")).StatusCode);
        var bad = await fixture.Reader.GetAsync("/api/v1/contact-reasons?from=2026-03-31&to=2026-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("before it starts", (await bad.JsonAsync()).GetProperty("detail").GetString());
    }
}
