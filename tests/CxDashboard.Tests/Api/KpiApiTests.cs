using System.Net;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;

namespace CxDashboard.Tests.Api;

/// <summary>GET /api/v1/kpis with a key created by the CLI answers the same JSON as the CLI.</summary>
public sealed class KpiApiTests(KpiApiTests.Fixture fixture) : IClassFixture<KpiApiTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public string Key { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await BoundaryDataset.LoadAsync(App);
            var created = await CliRunner.RunAsync(App.ConnectionString, BoundaryDataset.AsOf, "create-api-key", "--name", "BI export");
            Assert.Equal(0, created.ExitCode);
            Key = created.Out.Trim();
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private HttpClient Client(string? key = null)
    {
        var client = fixture.App.NewClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key ?? fixture.Key);
        return client;
    }

    [Fact]
    public async Task The_api_and_the_cli_answer_the_same_numbers()
    {
        var response = await Client().GetAsync("/api/v1/kpis?from=2026-03-01&to=2026-03-31&team=T1&asOf=2026-03-31T10:00:00Z");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var cli = (await CliRunner.RunAsync(fixture.App.ConnectionString, BoundaryDataset.AsOf,
            "kpis", "--from", "2026-03-01", "--to", "2026-03-31", "--team", "T1", "--format", "json")).Json;

        foreach (var field in new[] { "contacts", "repeatContacts", "repeatContactRate", "fcrDecidable", "fcrResolved", "contactFcrPercent",
                     "responses", "csatPositive", "csatPercent", "csatMean", "surveyFcrAnswered", "surveyFcrYes", "surveyFcrPercent", "npsAnswered", "nps" })
        {
            Assert.Equal(cli.GetProperty(field).ToString(), api.GetProperty(field).ToString());
        }
        Assert.Equal(4, api.GetProperty("contacts").GetInt32());
        Assert.Equal(75, api.GetProperty("repeatContactRate").GetDouble(), 9);
        Assert.True(api.GetProperty("csatPercentInterval").TryGetProperty("low", out _));
    }

    [Fact]
    public async Task Bad_parameters_get_a_problem_description()
    {
        var response = await Client().GetAsync("/api/v1/kpis?from=2026-03-31&to=2026-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ends", await response.Content.ReadAsStringAsync());
        var unknown = await Client().GetAsync("/api/v1/kpis?from=2026-03-01&to=2026-03-31&channel=fax");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Unknown channel", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_key_is_stored_hashed_and_a_tampered_key_is_refused()
    {
        var stored = await fixture.App.WithScopeAsync(sp => Task.FromResult(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CxDashboard.Web.Data.CxDbContext>(sp).ApiKeys.Single()));
        Assert.DoesNotContain(fixture.Key, stored.SecretHash);
        Assert.StartsWith($"cxd_{stored.Prefix}_", fixture.Key);
        var tampered = fixture.Key[..^1] + (fixture.Key[^1] == 'a' ? 'b' : 'a');
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client(tampered).GetAsync("/api/v1/kpis?from=2026-03-01&to=2026-03-31")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_description_lists_the_kpi_endpoint()
    {
        var response = await fixture.App.NewClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/kpis", out _));
    }
}
