using System.Text.Json.Nodes;
using ClosedXML.Excel;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Maturity;

/// <summary>`maturity results|export|import-model` against a test database with one closed round.</summary>
public sealed class MaturityCliTests(MaturityCliTests.Fixture fixture) : IClassFixture<MaturityCliTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public int Round { get; private set; }

        public async Task InitializeAsync()
        {
            await App.CreateUserAsync("cli-a@test.local", Roles.Manager);
            await App.CreateUserAsync("cli-b@test.local", Roles.Manager);
            var model = await MaturityTestData.CurrentModelAsync(App);
            // Journey: A 1, B 4 → mean 2.5, SD 1.5, QUARTILE.INC 1.75–3.25 (IQR 1.5), target 4: gap 1.5. Elsewhere both 3: on target.
            Round = await MaturityTestData.ClosedRoundAsync(App, "CLI round", new DateOnly(2026, 3, 1),
            [
                new("cli-a@test.local", MaturityTestData.Answers(model, (c, _) => c == "journey" ? "1" : "3")),
                new("cli-b@test.local", MaturityTestData.Answers(model, (c, _) => c == "journey" ? "4" : "3")),
            ], target: c => c == "journey" ? 4 : 3);
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync(fixture.App.ConnectionString, CxAppFactory.DefaultNow, ["maturity", .. args]);

    [Fact]
    public async Task Results_as_json_rank_capabilities_by_gap_with_their_spread()
    {
        var run = await RunAsync("results", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("CLI round", json.GetProperty("round").GetProperty("name").GetString());
        Assert.Equal("closed", json.GetProperty("round").GetProperty("status").GetString());
        var first = json.GetProperty("capabilities")[0];
        Assert.Equal("journey", first.GetProperty("key").GetString());
        Assert.Equal(2.5, first.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(1.5, first.GetProperty("standardDeviation").GetDouble(), 9);
        Assert.Equal(1.5, first.GetProperty("interquartileRange").GetDouble(), 9);
        Assert.True(first.GetProperty("disagreement").GetBoolean());
        Assert.Equal(1.5, first.GetProperty("gap").GetDouble(), 9);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("change").ValueKind);
    }

    [Fact]
    public async Task Results_as_a_table_and_a_clear_error_for_an_unknown_round()
    {
        var table = await RunAsync("results", "--round", fixture.Round.ToString(), "--format", "table");
        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"\n 1 Customer journey, processes and systems +2\.5 +2 +1\.50 +1\.50 +4 +\+1\.5 +– +raters disagree", table.Out);

        var unknown = await RunAsync("results", "--round", "999");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("error: No round 999.", unknown.Error.Trim());
    }

    [Fact]
    public async Task Export_writes_a_workbook_with_individual_ratings_when_asked()
    {
        var path = Path.Combine(Path.GetTempPath(), $"maturity-cli-{Guid.NewGuid():N}.xlsx");
        try
        {
            var run = await RunAsync("export", "--round", fixture.Round.ToString(), "--out", path, "--with-ratings");
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith($"Wrote {path}: round {fixture.Round} \"CLI round\"", run.Out);
            using var workbook = new XLWorkbook(path);
            Assert.Equal(1 + 2 * 35, workbook.Worksheet("Ratings").LastRowUsed()!.RowNumber());
            Assert.Equal("Customer journey, processes and systems", workbook.Worksheet("Results").Cell("C2").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Import_model_refuses_a_bad_file_with_every_error_and_stores_a_good_one_as_the_next_version()
    {
        var shipped = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(MaturityTestData.RepositoryRoot(), "seed-data", "maturity-model.json")))!;
        var directory = Directory.CreateTempSubdirectory("maturity-cli-");
        try
        {
            var bad = shipped.DeepClone();
            bad["capabilities"]![0]!["kpis"] = new JsonArray("handle-time");
            bad["levels"]!.AsArray().RemoveAt(0);
            var badPath = Path.Combine(directory.FullName, "bad.json");
            await File.WriteAllTextAsync(badPath, bad.ToJsonString());

            var refused = await RunAsync("import-model", badPath);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains($"{badPath}: $.levels: levels 1 to 5 are needed, in order (found 2, 3, 4, 5)", refused.Error);
            Assert.Contains($"{badPath}: $.capabilities[0].kpis[0]: unknown KPI 'handle-time'", refused.Error);
            Assert.Contains("nothing was stored", refused.Error);
            Assert.Equal(1, await VersionsAsync());

            var good = shipped.DeepClone();
            good["capabilities"]![3]!["statements"]![0]!["text"]!["en"] = "Dissatisfied customers are called back within four working hours.";
            var goodPath = Path.Combine(directory.FullName, "good.json");
            await File.WriteAllTextAsync(goodPath, good.ToJsonString());
            var stored = await RunAsync("import-model", goodPath, "--note", "Four-hour callbacks");
            Assert.Equal(0, stored.ExitCode);
            Assert.Equal("Stored as model version 2: 9 capabilities, 35 statements.", stored.Out.Trim());
            Assert.Equal(2, await VersionsAsync());
            var again = await RunAsync("import-model", goodPath);
            Assert.Contains("is the current version (2); nothing stored", again.Out);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private Task<int> VersionsAsync() => fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().MaturityModelVersions.CountAsync());

}
