using System.Net;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Features.Ingestion;

namespace CxDashboard.Tests.Metrics;

/// <summary>
/// "Same reason only" applies to repeats and to contact-based FCR alike, checked against numbers worked out by hand,
/// through the CLI and the API (the API reads the rollups, the partly decidable day from the raw rows). W = 7 days.
///
///   customer  contact  started (local, +01:00)  reason
///   X         S1       2026-03-02 10:00         FAKTURA
///   X         S2       2026-03-04 10:00         FEL       2 d after S1 (any reason: repeat; same reason: not)
///   X         S3       2026-03-07 10:00         FAKTURA   3 d after S2, 5 d after S1: a repeat both ways
///   X         S4       2026-03-21 10:00         FAKTURA   14 d after S3: no repeat
///   Y         S5       2026-03-10 10:00         FEL
///   Y         S6       2026-03-17 10:00         FEL       exactly 7 d after S5: a repeat both ways
///
/// March as of 2026-04-30 (all 6 decidable):
///   any reason:  repeats S2, S3, S6 = 3; resolved S3, S4, S6 = 3 (S1 followed by S2, S2 by S3, S5 by S6).
///   same reason: repeats S3, S6 = 2; resolved S2, S3, S4, S6 = 4 (S1 followed by S3, S5 by S6; S2 has no later FEL).
/// As of 2026-03-14 10:00Z only S1, S2, S3 are decidable (S3 on the partly decidable day):
///   any reason: resolved S3 = 1; same reason: resolved S2, S3 = 2.
/// </summary>
public sealed class SameReasonOnlyTests(SameReasonOnlyTests.Fixture fixture) : IClassFixture<SameReasonOnlyTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public string Key { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await App.ImportOkAsync(ImportKind.Agents, "agent_id,name,team\nA1,Anna Andersson,T1\n");
            await App.ImportOkAsync(ImportKind.Contacts, """
                contact_id,customer_id,agent_id,channel,reason,started_at
                S1,X,A1,phone,FAKTURA,2026-03-02T10:00:00+01:00
                S2,X,A1,phone,FEL,2026-03-04T10:00:00+01:00
                S3,X,A1,chat,FAKTURA,2026-03-07T10:00:00+01:00
                S4,X,A1,phone,FAKTURA,2026-03-21T10:00:00+01:00
                S5,Y,A1,email,FEL,2026-03-10T10:00:00+01:00
                S6,Y,A1,email,FEL,2026-03-17T10:00:00+01:00
                """);
            var created = await CliRunner.RunAsync(App.ConnectionString, CxAppFactory.DefaultNow, "create-api-key", "--name", "Same reason");
            Assert.Equal(0, created.ExitCode);
            Key = created.Out.Trim();
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private async Task<JsonElement> CliAsync(string asOf, bool sameReason)
    {
        string[] args = ["kpis", "--from", "2026-03-01", "--to", "2026-03-31", "--as-of", asOf, "--format", "json", .. sameReason ? new[] { "--same-reason" } : []];
        var run = await CliRunner.RunAsync(fixture.App.ConnectionString, CxAppFactory.DefaultNow, args);
        Assert.True(run.ExitCode == 0, run.Error);
        return run.Json;
    }

    private async Task<JsonElement> ApiAsync(string asOf, bool sameReason)
    {
        var client = fixture.App.NewClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", fixture.Key);
        var response = await client.GetAsync($"/api/v1/kpis?from=2026-03-01&to=2026-03-31&asOf={Uri.EscapeDataString(asOf)}&sameReason={(sameReason ? "true" : "false")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Theory]
    [InlineData("2026-04-30T00:00:00Z", false, 3, 6, 3)]
    [InlineData("2026-04-30T00:00:00Z", true, 2, 6, 4)]
    [InlineData("2026-03-14T10:00:00Z", false, 3, 3, 1)]
    [InlineData("2026-03-14T10:00:00Z", true, 2, 3, 2)]
    public async Task Repeats_and_fcr_follow_the_same_reason_option_in_the_cli_and_the_api(string asOf, bool sameReason, int repeats, int decidable, int resolved)
    {
        foreach (var json in new[] { await CliAsync(asOf, sameReason), await ApiAsync(asOf, sameReason) })
        {
            Assert.Equal(6, json.GetProperty("contacts").GetInt32());
            Assert.Equal(repeats, json.GetProperty("repeatContacts").GetInt32());
            Assert.Equal(decidable, json.GetProperty("fcrDecidable").GetInt32());
            Assert.Equal(resolved, json.GetProperty("fcrResolved").GetInt32());
            Assert.Equal(100.0 * resolved / decidable, json.GetProperty("contactFcrPercent").GetDouble(), 9);
            Assert.Equal(sameReason, json.GetProperty("sameReasonOnly").GetBoolean());
        }
    }

    [Fact]
    public async Task The_help_page_the_api_description_and_the_cli_help_say_that_fcr_follows_the_option()
    {
        const string fcrPart = "FCR-resolved when no later contact of the same customer with the same reason lies within W";
        var reader = await fixture.App.SignedInClientAsync("leader@test.local", CxDashboard.Web.Features.Accounts.Roles.Leadership);
        var help = await (await reader.GetAsync("/help/metrics")).Content.ReadAsStringAsync();
        Assert.Contains(fcrPart, help);
        var openApi = await (await fixture.App.NewClient().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.Contains(fcrPart, openApi);
        var cliHelp = await CliRunner.RunAsync(fixture.App.ConnectionString, CxAppFactory.DefaultNow, "kpis", "--help");
        Assert.Contains("FCR-resolved means no later contact with the same reason within W", System.Text.RegularExpressions.Regex.Replace(cliHelp.Out, @"\s+", " "));
    }
}
