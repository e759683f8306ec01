using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;

namespace CxDashboard.Tests.Cli;

public sealed class AdminVerbsTests : IAsyncLifetime
{
    private readonly CxAppFactory _app = new();

    public Task InitializeAsync() => BoundaryDataset.LoadAsync(_app);
    public Task DisposeAsync() { _app.Dispose(); return Task.CompletedTask; }

    private Task<CliRun> Run(params string[] args) => CliRunner.RunAsync(_app.ConnectionString, BoundaryDataset.AsOf, args);

    [Fact]
    public async Task A_user_created_on_the_command_line_can_sign_in_with_their_team_scope()
    {
        var run = await Run("create-user", "--email", "lead@cli.test", "--password", "Cli!Pass2026", "--role", "manager", "--team", "T2", "--name", "CLI Lead");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("limited to 1 team", run.Out);

        var client = _app.NewClient();
        await Html.SignInAsync(client, "lead@cli.test", "Cli!Pass2026");
        var page = await Html.GetDocumentAsync(client, "/?period=custom&from=2026-03-01&to=2026-03-31");
        Assert.Contains("your teams (T2)", page.QuerySelector("[data-testid=scope-line]").Text());
    }

    [Fact]
    public async Task Bad_user_arguments_fail_with_one_line()
    {
        var unknownRole = await Run("create-user", "--email", "x@cli.test", "--password", "Cli!Pass2026", "--role", "Wizard");
        Assert.Equal(2, unknownRole.ExitCode);
        Assert.Contains("Unknown role", unknownRole.Error);
        var unknownTeam = await Run("create-user", "--email", "y@cli.test", "--password", "Cli!Pass2026", "--role", "Manager", "--team", "Nowhere");
        Assert.Equal(2, unknownTeam.ExitCode);
        Assert.Contains("Unknown team", unknownTeam.Error);
        var missing = await Run("create-user", "--email", "z@cli.test");
        Assert.Equal(2, missing.ExitCode);
        Assert.Single(missing.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Engagement_per_team_hides_teams_with_fewer_than_five_answers_and_months_not_yet_ended()
    {
        await _app.ImportOkAsync(CxDashboard.Web.Features.Ingestion.ImportKind.Engagement, """
            team,period,enps,q1,q2
            T1,2026-02,10,5,5
            T1,2026-02,9,4,2
            T1,2026-02,6,1,1
            T1,2026-02,,3,3
            T1,2026-02,7,4,4
            T2,2026-02,10,5,5
            T2,2026-02,10,5,5
            T1,2026-03,10,5,5
            T1,2026-03,9,4,2
            T1,2026-03,6,1,1
            T1,2026-03,,3,3
            T1,2026-03,7,4,4
            """);
        // March is the clock's month: still open, so nothing is published for it, not even T1's five answers.
        var open = await Run("engagement", "--period", "2026-03", "--format", "json");
        Assert.Equal(0, open.ExitCode);
        var march = open.Json.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("team").GetString() == "T1");
        Assert.True(march.GetProperty("monthOpen").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, march.GetProperty("engagementIndex").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, march.GetProperty("responses").ValueKind);
        var table = await Run("engagement", "--period", "2026-03", "--format", "table");
        Assert.Contains("(not published until the month has ended)", table.Out);

        var run = await Run("engagement", "--period", "2026-02", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var teams = run.Json.GetProperty("teams").EnumerateArray().ToDictionary(t => t.GetProperty("team").GetString()!);
        Assert.Equal(5, teams["T1"].GetProperty("responses").GetInt32());
        Assert.Equal(55, teams["T1"].GetProperty("engagementIndex").GetDouble(), 9);
        Assert.Equal(25, teams["T1"].GetProperty("enps").GetDouble(), 9);
        Assert.False(teams["T1"].GetProperty("suppressed").GetBoolean());
        Assert.True(teams["T2"].GetProperty("suppressed").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, teams["T2"].GetProperty("engagementIndex").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, teams["T2"].GetProperty("responses").ValueKind);
    }

    [Fact]
    public async Task Import_prints_each_error_with_line_and_column_and_writes_nothing()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """
            response_id,contact_id,received_at,csat,resolved,nps,comment
            X1,K2,2026-03-05T12:00:00+01:00,6,yes,10,
            X2,NOPE,2026-03-05T12:00:00+01:00,4,,,
            X3,K2,2026-03-05T12:00:00+01:00,4,maybe,11,
            X4,K2,2026-03-05T12:00:00+01:00,5,,,fine
            """);
        try
        {
            var run = await Run("import", "survey-responses", file);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("line 2, column csat: 6 is outside 1–5", run.Error);
            Assert.Contains("line 3, column contact_id: no contact with id 'NOPE'", run.Error);
            Assert.Contains("line 4, column resolved:", run.Error);
            Assert.Contains("line 4, column nps: 11 is outside 0–10", run.Error);
            Assert.Contains("Nothing was imported", run.Out);
            var march = (await Run("kpis", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json")).Json;
            Assert.Equal(5, march.GetProperty("responses").GetInt32());

            var validOnly = await Run("import", "survey-responses", file, "--valid-rows-only", "--format", "json");
            Assert.Equal(0, validOnly.ExitCode);
            Assert.Equal(1, validOnly.Json.GetProperty("inserted").GetInt32());
            Assert.Equal(3, validOnly.Json.GetProperty("rejected").GetInt32());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
