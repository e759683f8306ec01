using System.Text.Json;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;

namespace CxDashboard.Tests.Cli;

/// <summary>The `kpis` verb's JSON against the hand-computed boundary dataset (see <see cref="BoundaryDataset"/>).</summary>
public sealed class KpisCliTestsOnSqlite(KpisCliTests<OnSqlite>.Fixture fixture) : KpisCliTests<OnSqlite>(fixture);

public sealed class KpisCliTestsOnPostgres(KpisCliTests<OnPostgres>.Fixture fixture) : KpisCliTests<OnPostgres>(fixture), IRunsOnPostgres;

public abstract class KpisCliTests<TDb>(KpisCliTests<TDb>.Fixture fixture) : IClassFixture<KpisCliTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new(TDb.Provider);
        public Task InitializeAsync() => BoundaryDataset.LoadAsync(App);
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private Task<CliRun> Kpis(params string[] extra) =>
        CliRunner.RunAsync(fixture.App.ConnectionString, BoundaryDataset.AsOf, ["kpis", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json", .. extra]);

    private static double Number(JsonElement json, string name) => json.GetProperty(name).GetDouble();

    [DbFact]
    public async Task March_matches_the_hand_computed_numbers()
    {
        var run = await Kpis();
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;

        Assert.Equal(9, Number(json, "contacts"));
        Assert.Equal(4, Number(json, "repeatContacts"));
        Assert.Equal(400.0 / 9, Number(json, "repeatContactRate"), 9);
        Assert.Equal(7, Number(json, "fcrDecidable"));
        Assert.Equal(6, Number(json, "fcrResolved"));
        Assert.Equal(2, Number(json, "fcrNotYetDecidable"));
        Assert.Equal(600.0 / 7, Number(json, "contactFcrPercent"), 9);
        Assert.Equal(5, Number(json, "responses"));
        Assert.Equal(3, Number(json, "csatPositive"));
        Assert.Equal(60, Number(json, "csatPercent"), 9);
        Assert.Equal(3.6, Number(json, "csatMean"), 9);
        Assert.Equal(4, Number(json, "surveyFcrAnswered"));
        Assert.Equal(2, Number(json, "surveyFcrYes"));
        Assert.Equal(50, Number(json, "surveyFcrPercent"), 9);
        Assert.Equal(4, Number(json, "npsAnswered"));
        Assert.Equal(25, Number(json, "nps"), 9);
    }

    [DbFact]
    public async Task Proportions_carry_wilson_intervals_and_small_sample_marks()
    {
        var json = (await Kpis()).Json;
        var csat = json.GetProperty("csatPercentInterval");
        // Wilson 95 % for 3 of 5: 23.07 % to 88.24 %.
        Assert.Equal(23.07, csat.GetProperty("low").GetDouble(), 2);
        Assert.Equal(88.24, csat.GetProperty("high").GetDouble(), 2);
        var smallSamples = json.GetProperty("smallSamples").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("csatPercent", smallSamples);
        Assert.Contains("repeatContactRate", smallSamples);
    }

    [DbFact]
    public async Task A_later_as_of_makes_every_contact_decidable()
    {
        var json = (await Kpis("--as-of", "2026-04-30T00:00:00Z")).Json;
        Assert.Equal(9, Number(json, "fcrDecidable"));
        Assert.Equal(7, Number(json, "fcrResolved"));
        Assert.Equal(700.0 / 9, Number(json, "contactFcrPercent"), 9);
    }

    [DbFact]
    public async Task Same_reason_only_counts_fewer_repeats()
    {
        var json = (await Kpis("--same-reason")).Json;
        Assert.Equal(2, Number(json, "repeatContacts"));
        Assert.Equal(200.0 / 9, Number(json, "repeatContactRate"), 9);
        Assert.True(json.GetProperty("sameReasonOnly").GetBoolean());
    }

    [DbFact]
    public async Task A_shorter_window_drops_the_week_old_repeat()
    {
        // W = 6: K2 (exactly 7 days after K1) is no longer a repeat; K5, K6 and K11 still are.
        var json = (await Kpis("--window-days", "6")).Json;
        Assert.Equal(3, Number(json, "repeatContacts"));
        Assert.Equal(6, Number(json, "windowDays"));
    }

    [DbFact]
    public async Task A_team_filter_measures_its_contacts_but_finds_earlier_contacts_of_other_teams()
    {
        var json = (await Kpis("--team", "T1")).Json;
        Assert.Equal(4, Number(json, "contacts"));           // K2, K5, K6, K9
        Assert.Equal(3, Number(json, "repeatContacts"));     // K5's earlier contact K4 belongs to T2 and still counts
        Assert.Equal(4, Number(json, "responses"));
        Assert.Equal(75, Number(json, "csatPercent"), 9);
    }

    [DbFact]
    public async Task Channel_agent_and_reason_filters_combine()
    {
        var json = (await Kpis("--channel", "chat", "--agent", "A1")).Json;
        Assert.Equal(2, Number(json, "contacts"));           // K6, K9
        Assert.Equal(1, Number(json, "repeatContacts"));     // K6
        var byReason = (await Kpis("--reason", "ABONNEMANG")).Json;
        Assert.Equal(2, Number(byReason, "contacts"));
        Assert.Equal(1, Number(byReason, "responses"));
        Assert.Equal(0, Number(byReason, "csatPercent"), 9);
    }

    [DbFact]
    public async Task February_holds_only_its_own_contacts_and_the_response_that_rates_them()
    {
        var run = await CliRunner.RunAsync(fixture.App.ConnectionString, BoundaryDataset.AsOf,
            "kpis", "--from", "2026-02-01", "--to", "2026-02-28", "--format", "json");
        var json = run.Json;
        Assert.Equal(2, Number(json, "contacts"));           // K1, K7
        Assert.Equal(1, Number(json, "responses"));          // R4, received in March
        Assert.Equal(0, Number(json, "csatPercent"), 9);
        Assert.Equal(2, Number(json, "fcrDecidable"));
        Assert.Equal(0, Number(json, "fcrResolved"));        // K1 followed by K2 at exactly 7 days; K7 by K6
    }

    [DbFact]
    public async Task An_empty_sample_gives_nulls_not_zeros()
    {
        var json = (await Kpis("--channel", "social")).Json;
        Assert.Equal(0, Number(json, "contacts"));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("repeatContactRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("csatPercent").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("nps").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("csatPercentInterval").ValueKind);
    }

    [DbTheory]
    [InlineData("--team", "No such team", "Unknown team")]
    [InlineData("--channel", "fax", "Unknown channel")]
    [InlineData("--reason", "NOPE", "Unknown contact reason")]
    public async Task Unknown_filters_fail_with_a_one_line_reason(string option, string value, string expected)
    {
        var run = await Kpis(option, value);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [DbFact]
    public async Task Bad_arguments_fail_with_a_one_line_reason()
    {
        var run = await CliRunner.RunAsync(fixture.App.ConnectionString, BoundaryDataset.AsOf, "kpis", "--from", "March", "--to", "2026-03-31");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a date", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [DbFact]
    public async Task The_table_format_prints_the_same_figures_for_people()
    {
        var run = await CliRunner.RunAsync(fixture.App.ConnectionString, BoundaryDataset.AsOf,
            "kpis", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "table");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("44.4 %", run.Out);
        Assert.Contains("85.7 %", run.Out);
        Assert.Contains("60.0 %", run.Out);
    }
}
