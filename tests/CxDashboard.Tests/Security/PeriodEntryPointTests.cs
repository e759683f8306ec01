using System.Net;
using CxDashboard.Tests.Api;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Security;

/// <summary>
/// Every entry point that takes a period refuses one outside <see cref="Web.Features.Metrics.PeriodRule"/> at once: pages
/// and their exports with a 400 page that says why, the API with JSON problem details, the CLI with exit 2.
/// </summary>
public sealed class PeriodEntryPointTests(PeriodEntryPointTests.Fixture fixture) : IClassFixture<PeriodEntryPointTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiAppFactory App { get; } = new();
        public HttpClient Manager { get; private set; } = null!;
        public HttpClient Agent { get; private set; } = null!;
        public HttpClient Api { get; private set; } = null!;
        public int AgentId { get; private set; }
        public int TeamId { get; private set; }

        public async Task InitializeAsync()
        {
            await BoundaryDataset.LoadAsync(App);
            Manager = await App.SignedInClientAsync("manager@period.test", Roles.Manager);
            Agent = await App.SignedInClientAsync("anna@example.test", Roles.Agent);
            Api = await App.ApiClientAsync(ApiKeyScope.Read);
            (AgentId, TeamId) = await App.WithScopeAsync(async sp =>
            {
                var a1 = await sp.GetRequiredService<CxDbContext>().Agents.SingleAsync(a => a.ExternalId == "A1");
                return (a1.Id, a1.TeamId!.Value);
            });
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private const string Huge = "from=1900-01-01&to=2400-12-31";
    private const string YearOne = "from=0001-01-01&to=0001-01-31";
    private const string Year9999 = "from=9999-12-01&to=9999-12-31";
    private const string FourYears = "from=2022-03-01&to=2026-03-31";

    [Theory]
    [InlineData("/?handler=Export&" + Huge, "from: 1900-01-01 is outside the dates")]
    [InlineData("/?period=custom&" + Huge, "from: 1900-01-01 is outside the dates")]
    [InlineData("/?" + YearOne, "from: 0001-01-01 is outside the dates")]
    [InlineData("/?handler=Export&" + Year9999, "from: 9999-12-01 is outside the dates")]
    [InlineData("/?period=custom&" + FourYears, "at most 1,098 days (three years)")]
    [InlineData("/?period=custom&from=2026-03-31&to=2026-03-01", "The period ends (2026-03-01) before it starts (2026-03-31)")]
    [InlineData("/?period=custom&from=2026-03-01", "Custom dates need both a start and an end date")]
    [InlineData("/Coaching?" + FourYears, "at most 1,098 days (three years)")]
    [InlineData("/Coaching/Agent/{agent}?" + YearOne, "from: 0001-01-01 is outside the dates")]
    [InlineData("/Coaching/Agent/{agent}?handler=Pack&format=pdf&" + Huge, "from: 1900-01-01 is outside the dates")]
    [InlineData("/Coaching/Team/{team}?handler=Pack&format=xlsx&" + FourYears, "at most 1,098 days (three years)")]
    [InlineData("/Engagement?from=0001-01&to=0001-03", "from: 0001-01 is outside the dates")]
    [InlineData("/Engagement?from=2026-01&to=9999-12", "to: 9999-12 is outside the dates")]
    [InlineData("/Engagement?handler=Export&format=xlsx&from=2022-01&to=2026-03", "at most 36 months (three years)")]
    [InlineData("/Reports/Monthly?month=0001-01", "month: 0001-01 is outside the dates")]
    public async Task A_page_or_export_refuses_a_period_out_of_the_rule_with_a_400_page_that_says_why(string url, string message)
    {
        var response = await fixture.Manager.GetAsync(Fill(url));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}");
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
        var page = Html.Parse(body);
        Assert.Contains(message, page.QuerySelector("[data-testid=refused-message]").Text());
    }

    [Fact]
    public async Task The_raw_export_page_shows_the_rule_beside_its_form()
    {
        var response = await fixture.Manager.GetAsync("/Exports?handler=Download&kind=contacts&" + FourYears);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("at most 1,098 days (three years)", page.QuerySelector("[data-testid=export-error]").Text());
        Assert.NotNull(page.QuerySelector("[data-testid=export-form]"));
    }

    [Fact]
    public async Task Abuse_an_agent_asking_the_dashboard_export_for_five_centuries_gets_400_and_no_workbook()
    {
        // Before the rule this request ran for 45 s and held 1.5 GB, for any signed-in role.
        var response = await fixture.Agent.GetAsync("/?handler=Export&" + Huge);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Theory]
    [InlineData("/api/v1/kpis?" + Huge, "from: 1900-01-01 is outside the dates")]
    [InlineData("/api/v1/kpis?" + FourYears, "at most 1,098 days (three years)")]
    [InlineData("/api/v1/kpis?from=2026-03-01&to=2026-03-31&asOf=0001-01-01T00:00:00Z", "asOf: 0001-01-01 is outside the dates")]
    [InlineData("/api/v1/kpis?from=2026-03-01&to=2026-03-31&asOf=9999-12-31T23:59:59%2B02:00", "asOf: 9999-12-31 is outside the dates")]
    [InlineData("/api/v1/callbacks/kpis?" + Year9999, "from: 9999-12-01 is outside the dates")]
    [InlineData("/api/v1/callbacks/kpis?" + FourYears, "at most 1,098 days (three years)")]
    [InlineData("/api/v1/contact-reasons?" + YearOne, "from: 0001-01-01 is outside the dates")]
    public async Task The_api_refuses_with_json_problem_details(string url, string message)
    {
        var response = await fixture.Api.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(message, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("kpis --from 1900-01-01 --to 2400-12-31", "--from: 1900-01-01 is outside the dates")]
    [InlineData("kpis --from 2022-03-01 --to 2026-03-31", "at most 1,098 days (three years)")]
    [InlineData("kpis --from 2026-03-01 --to 2026-03-31 --as-of 0001-01-01T00:00:00Z", "--as-of: 0001-01-01 is outside the dates")]
    [InlineData("export kpis --from 2022-03-01 --to 2026-03-31 --out {out}", "at most 1,098 days (three years)")]
    [InlineData("export contacts --from 0001-01-01 --to 2026-03-31 --out {out}", "--from: 0001-01-01 is outside the dates")]
    [InlineData("export callbacks --from 2026-03-01 --to 9999-12-31 --out {out}", "--to: 9999-12-31 is outside the dates")]
    [InlineData("engagement --period 0001-01", "--period: 0001-01 is outside the dates")]
    public async Task The_cli_refuses_with_exit_2_and_writes_nothing(string arguments, string message)
    {
        var output = Path.Combine(Path.GetTempPath(), $"cx-period-{Guid.NewGuid():N}.xlsx");
        var run = await CliRunner.RunAsync(fixture.App.ConnectionString, BoundaryDataset.AsOf, arguments.Replace("{out}", output).Split(' '));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists(output));
    }

    private string Fill(string url) => url.Replace("{agent}", fixture.AgentId.ToString()).Replace("{team}", fixture.TeamId.ToString());
}
