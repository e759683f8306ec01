using CxDashboard.DemoData;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Metrics.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Metrics;

public sealed class RollupEquivalenceTestsOnSqlite(RollupEquivalenceTests<OnSqlite>.Fixture fixture) : RollupEquivalenceTests<OnSqlite>(fixture);

public sealed class RollupEquivalenceTestsOnPostgres(RollupEquivalenceTests<OnPostgres>.Fixture fixture) : RollupEquivalenceTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>
/// The rollups are only an optimisation: for every filter, scope, breakdown and as-of time, the numbers read from
/// them must equal the numbers read from the raw contacts and responses. Checked on two months of demo data.
/// </summary>
public abstract class RollupEquivalenceTests<TDb>(RollupEquivalenceTests<TDb>.Fixture fixture) : IClassFixture<RollupEquivalenceTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new(TDb.Provider);
        public DateOnly EndDate { get; } = new(2026, 3, 29); // the DST change is inside the data

        public async Task InitializeAsync()
        {
            var directory = Directory.CreateTempSubdirectory("cx-rollup-");
            try
            {
                var organisation = DemoOrganisation.Load(Path.Combine(FindSeedData(), "demo", "organisation.json"));
                DemoDataGenerator.Generate(organisation, new DemoGenerationOptions { EndDate = EndDate, Days = 60 }, directory.FullName);
                foreach (var (kind, file) in new[] { (ImportKind.Agents, "agents.csv"), (ImportKind.Contacts, "contacts.csv"), (ImportKind.SurveyResponses, "survey_responses.csv") })
                    await App.ImportOkAsync(kind, await File.ReadAllTextAsync(Path.Combine(directory.FullName, file)));
                // The responses touched days of every month, leaving the month-only rows stale; the ended months are summed again.
                await App.WithScopeAsync(sp => sp.GetRequiredService<KpiRollupService>().RefreshPendingAsync());
            }
            finally
            {
                directory.Delete(true);
            }
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }

        private static string FindSeedData()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "seed-data"))) return Path.Combine(dir.FullName, "seed-data");
            throw new DirectoryNotFoundException("seed-data");
        }
    }

    public static TheoryData<string> AsOfTimes => new()
    {
        "2026-03-31T10:00:00Z",          // the partly decidable day is inside the data
        "2026-03-25T23:59:59+01:00",     // a cutoff a second before local midnight
        "2026-03-27T00:00:00+01:00",     // a cutoff exactly at local midnight
        "2026-06-01T00:00:00Z",          // everything decidable
        "2026-03-05T12:00:00Z",          // February not yet wholly decidable: no month rows for it
    };

    [DbTheory]
    [MemberData(nameof(AsOfTimes))]
    public Task Rollups_and_raw_rows_give_the_same_numbers(string asOfText) => CompareAsync(DateTimeOffset.Parse(asOfText).UtcDateTime);

    /// <summary>
    /// Days waiting for their rollups after a large import are read from the raw rows and the rest of the period from
    /// the rollups; the sum must equal the raw rows too (stretches in February, around a month's end and in March).
    /// </summary>
    [DbTheory]
    [InlineData("2026-03-31T10:00:00Z")]
    [InlineData("2026-03-05T12:00:00Z")]
    public async Task Rollups_with_pending_days_and_raw_rows_give_the_same_numbers(string asOfText)
    {
        string[] pending = ["2026-02-10", "2026-02-11", "2026-02-27", "2026-02-28", "2026-03-01", "2026-03-21"];
        await ExecuteAsync(string.Join(";", pending.Select(d => $"INSERT INTO \"KpiRollupPendingDates\" (\"LocalDate\") VALUES ('{d}')")));
        try
        {
            await CompareAsync(DateTimeOffset.Parse(asOfText).UtcDateTime);
        }
        finally
        {
            await ExecuteAsync("DELETE FROM \"KpiRollupPendingDates\"");
        }
    }

    /// <summary>
    /// A stale month (a change touched some of its days) is read from the raw rows by the month-only grains, while the
    /// day grains still read its day and month rows.
    /// </summary>
    [DbFact]
    public async Task Rollups_with_a_stale_month_and_raw_rows_give_the_same_numbers()
    {
        await ExecuteAsync("""INSERT INTO "KpiRollupStaleMonths" ("Month") VALUES ('2026-02-01')""");
        try
        {
            await CompareAsync(DateTimeOffset.Parse("2026-06-01T00:00:00Z").UtcDateTime);
        }
        finally
        {
            await ExecuteAsync("""DELETE FROM "KpiRollupStaleMonths" """);
        }
    }

    private Task ExecuteAsync(string sql) =>
        fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Database.ExecuteSqlRawAsync(sql));

    private async Task CompareAsync(DateTime asOf)
    {
        await fixture.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var team = await db.Teams.OrderBy(t => t.Id).FirstAsync();
            var otherTeam = await db.Teams.OrderBy(t => t.Id).Skip(1).FirstAsync();
            var agent = await db.Agents.Where(a => a.TeamId == team.Id).OrderBy(a => a.Id).FirstAsync();
            var reason = await db.ContactReasons.OrderBy(r => r.Id).FirstAsync();
            var queries = sp.GetRequiredService<KpiQueryService>();

            // Late January to late March: February is a whole month (read from month rows when decidable).
            var baseQuery = new MetricQuery { From = new(2026, 1, 29), To = fixture.EndDate, WindowDays = 7, AsOfUtc = asOf };
            MetricQuery[] variants =
            [
                baseQuery,
                baseQuery with { From = new(2026, 3, 20), To = new(2026, 3, 29) },
                baseQuery with { From = new(2026, 2, 1), To = new(2026, 2, 28) },
                baseQuery with { TeamId = team.Id },
                baseQuery with { Channel = Channel.Chat },
                baseQuery with { ReasonId = reason.Id, SameReasonOnly = true },
                baseQuery with { SameReasonOnly = true },
                baseQuery with { TeamId = team.Id, SameReasonOnly = true },
                baseQuery with { AgentId = agent.Id },
                baseQuery with { AgentId = agent.Id, Channel = Channel.Phone },
                baseQuery with { TeamId = team.Id, Channel = Channel.Email, ReasonId = reason.Id },
            ];
            DataScope[] scopes = [DataScope.Everything, DataScope.Teams([otherTeam.Id]), DataScope.Agent(agent.Id)];

            foreach (var query in variants)
                foreach (var scope in scopes)
                {
                    var label = $"{query} in {scope}";
                    Assert.Equal(await Both(queries, q => q.TotalsAsync(query, scope)), await Both(queries, q => q.TotalsAsync(query, scope), raw: true));
                    AssertSame(label, await Both(queries, q => q.ByDayAsync(query, scope)), await Both(queries, q => q.ByDayAsync(query, scope), raw: true));
                    AssertSame(label, await Both(queries, q => q.ByTeamAsync(query, scope)), await Both(queries, q => q.ByTeamAsync(query, scope), raw: true));
                    AssertSame(label, await Both(queries, q => q.ByAgentAsync(query, scope)), await Both(queries, q => q.ByAgentAsync(query, scope), raw: true));
                    AssertSame(label, await Both(queries, q => q.ByChannelAsync(query, scope)), await Both(queries, q => q.ByChannelAsync(query, scope), raw: true));
                    AssertSame(label, await Both(queries, q => q.ByReasonAsync(query, scope)), await Both(queries, q => q.ByReasonAsync(query, scope), raw: true));
                }
        });
    }

    [DbFact]
    public async Task The_data_is_big_enough_for_the_comparison_to_mean_something()
    {
        var counts = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<KpiQueryService>().TotalsAsync(
            new MetricQuery { From = new(2026, 1, 1), To = fixture.EndDate, WindowDays = 7, AsOfUtc = new DateTime(2026, 3, 31, 10, 0, 0, DateTimeKind.Utc) },
            DataScope.Everything));
        Assert.True(counts.Contacts > 15_000, $"{counts.Contacts} contacts");
        Assert.True(counts.RepeatContacts > 1_000 && counts.Responses > 2_000 && counts.FcrNotYetDecidable > 1_000);
        var rollupRows = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().KpiRollups.CountAsync());
        Assert.True(rollupRows > 1_000);
        // February's month-only rows exist, so the comparison reads them.
        var februaryMonthOnlyGrains = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().KpiRollups
            .Where(r => r.IsMonth && r.LocalDate == new DateOnly(2026, 2, 1) && (r.Grain == RollupGrain.TeamAgentChannel || r.Grain == RollupGrain.TeamAgentReason || r.Grain == RollupGrain.TeamChannelReason))
            .Select(r => r.Grain).Distinct().CountAsync());
        Assert.Equal(3, februaryMonthOnlyGrains);
    }

    private static async Task<T> Both<T>(KpiQueryService queries, Func<KpiQueryService, Task<T>> read, bool raw = false)
    {
        queries.UseRollups = !raw;
        try { return await read(queries); }
        finally { queries.UseRollups = true; }
    }

    private static void AssertSame<TKey>(string label, Dictionary<TKey, KpiCounts> fromRollups, Dictionary<TKey, KpiCounts> fromRaw) where TKey : notnull
    {
        Assert.True(fromRaw.Keys.ToHashSet().SetEquals(fromRollups.Keys), $"{label}: different keys");
        foreach (var (key, raw) in fromRaw) Assert.True(raw == fromRollups[key], $"{label}, {key}: rollups {fromRollups[key]} vs raw {raw}");
    }
}
