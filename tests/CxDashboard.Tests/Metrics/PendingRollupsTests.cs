using CxDashboard.Web.Data;
using CxDashboard.Tests.Imports;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Metrics.Rollups;
using CxDashboard.Web.Features.Organisation;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CxDashboard.Tests.Imports.ImportTestSupport;

namespace CxDashboard.Tests.Metrics;

public sealed class PendingRollupsTestsOnSqlite : PendingRollupsTests<OnSqlite>;

public sealed class PendingRollupsTestsOnPostgres : PendingRollupsTests<OnPostgres>, IRunsOnPostgres;

/// <summary>
/// A large import commits its rows before the KPI rollups of its days are rebuilt: those days are pending, and every
/// query reads a pending day from the raw rows (the other days of its period from the rollups), so no number is ever
/// behind the data. The rebuild runs right after the
/// import (a job, or at once without a job server) and at the next start when the app stopped before it.
/// </summary>
public abstract class PendingRollupsTests<TDb> where TDb : ITestDatabase
{
    private static readonly MetricQuery March = new() { From = new(2026, 3, 1), To = new(2026, 3, 31), WindowDays = 7, AsOfUtc = BoundaryDataset.AsOf.UtcDateTime };
    private static readonly MetricQuery February = March with { From = new(2026, 2, 1), To = new(2026, 2, 28) };

    private static Task<KpiCounts> TotalsAsync(CxAppFactory app, MetricQuery query) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<KpiQueryService>().TotalsAsync(query, DataScope.Everything));

    /// <summary>
    /// One rollup row per grain of a day (and of its month) that no longer matches the raw rows: 1,000 contacts too
    /// many in any query that reads them.
    /// </summary>
    private static void SkewRollups(CxAppFactory app, string day) => Execute(app, $"""
        UPDATE "KpiRollups" SET "Contacts" = "Contacts" + 1000
        WHERE "Id" IN (
            SELECT MIN("Id") FROM "KpiRollups"
            WHERE (NOT "IsMonth" AND "LocalDate" = '{day}') OR ("IsMonth" AND "LocalDate" = '{day[..7]}-01')
            GROUP BY "Grain", "IsMonth")
        """);

    private static void MarkPending(CxAppFactory app, string day) =>
        Execute(app, $"""INSERT INTO "KpiRollupPendingDates" ("LocalDate") VALUES ('{day}')""");

    [DbFact]
    public async Task A_period_with_a_pending_day_is_read_from_the_raw_rows_until_the_day_is_rebuilt()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        var march = await TotalsAsync(app, March);
        var february = await TotalsAsync(app, February);
        Assert.Equal(9, march.Contacts);

        // Skewed rollups show in the numbers: the queries do read them.
        SkewRollups(app, "2026-03-10");
        SkewRollups(app, "2026-02-26");
        Assert.Equal(9 + 1000, (await TotalsAsync(app, March)).Contacts);

        // Pending: 10 March is computed from the raw rows again; February, with no pending day, still reads its rollups,
        // also within a period that holds the pending day.
        MarkPending(app, "2026-03-10");
        Assert.Equal(march, await TotalsAsync(app, March));
        Assert.Equal(february.Contacts + 1000, (await TotalsAsync(app, February)).Contacts);
        Assert.Equal(february.Contacts + 1000 + march.Contacts, (await TotalsAsync(app, March with { From = February.From })).Contacts);

        // The rebuild takes the pending day, and the days of the months whose month-only rows later imports left stale.
        var rebuilt = await app.WithScopeAsync(sp => sp.GetRequiredService<KpiRollupService>().RefreshPendingAsync());
        Assert.True(rebuilt >= 1, $"{rebuilt} days rebuilt");
        Assert.Equal(0, Scalar(app, """SELECT COUNT(*) FROM "KpiRollupPendingDates" """));
        Assert.Equal(0, Scalar(app, """SELECT COUNT(*) FROM "KpiRollupStaleMonths" WHERE "Month" < '2026-03-01' """));
        Assert.Equal(march, await TotalsAsync(app, March));
        Assert.Equal(9, Scalar(app, """SELECT SUM("Contacts") FROM "KpiRollups" WHERE "Grain" = 4 AND "IsMonth" AND "LocalDate" = '2026-03-01'"""));
    }

    [DbFact]
    public async Task A_day_made_pending_during_a_request_is_read_from_the_raw_rows_by_its_later_queries()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        await app.WithScopeAsync(async sp =>
        {
            // One request: its first query reads the pending days (none) ...
            var queries = sp.GetRequiredService<KpiQueryService>();
            Assert.Equal(9, (await queries.TotalsAsync(March, DataScope.Everything)).Contacts);

            // ... then, elsewhere, 10 March changes and waits for its rollups (skewed here, so reading them would show).
            SkewRollups(app, "2026-03-10");
            MarkPending(app, "2026-03-10");

            // Its next query sees the newer data, and so does everyone the counts are kept for.
            Assert.Equal(9, (await queries.TotalsAsync(March, DataScope.Everything)).Contacts);
            return 0;
        });
        Assert.Equal(9, (await TotalsAsync(app, March)).Contacts);
    }

    /// <summary>
    /// A month-only grain (agent × channel) answers whole months from its month rows. A change to one day of a month
    /// cannot be added to them, so the month turns stale and is read from the raw rows, until the rebuild of pending
    /// rollups (for months that have ended) sums it again.
    /// </summary>
    [DbFact]
    public async Task A_month_only_grain_answers_whole_months_and_a_changed_month_is_read_raw_until_summed_again()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        await app.WithScopeAsync(sp => sp.GetRequiredService<KpiRollupService>().RefreshPendingAsync());
        Assert.Equal(0, Scalar(app, """SELECT COUNT(*) FROM "KpiRollupStaleMonths" WHERE "Month" < '2026-03-01' """));
        var agentId = await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Agents.Where(a => a.ExternalId == "A1").Select(a => a.Id).SingleAsync());
        var phoneCalls = February with { AgentId = agentId, Channel = Web.Data.Entities.Channel.Phone };
        var monthRow = $"""
            "Grain" = {(int)Web.Data.Entities.RollupGrain.TeamAgentChannel} AND "IsMonth" AND "LocalDate" = '2026-02-01'
                AND "AgentId" = {agentId} AND "Channel" = {(int)Web.Data.Entities.Channel.Phone}
            """;
        Assert.Equal(1, (await TotalsAsync(app, phoneCalls)).Contacts); // K1

        // Skewed, the month row shows in the numbers: the query does read it.
        Execute(app, $"""UPDATE "KpiRollups" SET "Contacts" = "Contacts" + 1000 WHERE {monthRow}""");
        Assert.Equal(1001, (await TotalsAsync(app, phoneCalls)).Contacts);

        // One more February call, imported on its own: February is stale and counted from the raw rows.
        var result = await app.ImportOkAsync(ImportKind.Contacts, """
            contact_id,customer_id,agent_id,team,channel,reason,started_at
            K20,C9,A1,T1,phone,FAKTURA,2026-02-15T10:00:00+01:00
            """);
        Assert.False(result.RollupsPending);
        Assert.Equal(1, Scalar(app, """SELECT COUNT(*) FROM "KpiRollupStaleMonths" WHERE "Month" = '2026-02-01' """));
        Assert.Equal(0, Scalar(app, $"""SELECT COUNT(*) FROM "KpiRollups" WHERE {monthRow}"""));
        Assert.Equal(2, (await TotalsAsync(app, phoneCalls)).Contacts);

        // The rebuild sums the ended month again.
        await app.WithScopeAsync(sp => sp.GetRequiredService<KpiRollupService>().RefreshPendingAsync());
        Assert.Equal(0, Scalar(app, """SELECT COUNT(*) FROM "KpiRollupStaleMonths" WHERE "Month" = '2026-02-01' """));
        Assert.Equal(2, Scalar(app, $"""SELECT SUM("Contacts") FROM "KpiRollups" WHERE {monthRow}"""));
        Assert.Equal(2, (await TotalsAsync(app, phoneCalls)).Contacts);
    }

    /// <summary>
    /// "The current month", which stays stale until it ends, is the organisation's: at 03:00 UTC on 1 March it is
    /// still 28 February in New York, so February is left stale, and it is summed again once March begins there.
    /// </summary>
    [DbFact]
    public async Task A_stale_month_is_summed_again_when_it_has_ended_in_the_organisations_time_zone()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        await app.WithScopeAsync(async sp =>
        {
            var organisation = sp.GetRequiredService<OrganisationSettingsService>();
            var settings = await organisation.GetAsync();
            await organisation.SaveAsync(settings.Name, "America/New_York", settings.RepeatWindowDays);
        });
        await app.ImportOkAsync(ImportKind.Contacts, """
            contact_id,customer_id,agent_id,team,channel,reason,started_at
            K20,C9,A1,T1,phone,FAKTURA,2026-02-15T10:00:00-05:00
            """);
        const string februaryStale = """SELECT COUNT(*) FROM "KpiRollupStaleMonths" WHERE "Month" = '2026-02-01' """;
        Assert.Equal(1, Scalar(app, februaryStale));

        // The app's clock is already at the end of March: the rebuild runs with its own clock at the instants that matter.
        Task<int> RefreshPendingAt(DateTimeOffset now) => app.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<KpiRollupService>(sp, (TimeProvider)new FakeTimeProvider(now)).RefreshPendingAsync());

        await RefreshPendingAt(new(2026, 3, 1, 3, 0, 0, TimeSpan.Zero)); // 22:00 on 28 February in New York
        Assert.Equal(1, Scalar(app, februaryStale));

        await RefreshPendingAt(new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero)); // 01:00 on 1 March in New York
        Assert.Equal(0, Scalar(app, februaryStale));
    }

    [DbFact]
    public async Task The_dashboard_says_when_its_period_is_being_summarised_and_shows_the_raw_figures()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        var client = await app.SignedInClientAsync("manager@test.local", Roles.Manager);
        const string march = "/?period=custom&from=2026-03-01&to=2026-03-31";
        const string april = "/?period=custom&from=2026-04-01&to=2026-04-30";

        Assert.Null((await Html.GetDocumentAsync(client, march)).QuerySelector("[data-testid=summaries-catching-up]"));
        SkewRollups(app, "2026-03-10");
        MarkPending(app, "2026-03-10");

        var page = await Html.GetDocumentAsync(client, march);
        Assert.Contains("being rebuilt", page.QuerySelector("[data-testid=summaries-catching-up]").Text());
        var contacts = page.QuerySelectorAll("[data-testid=kpi-tiles] [data-kpi=Contacts] [data-testid=kpi-value]").Single();
        Assert.Equal("9", contacts.Text());
        Assert.Null((await Html.GetDocumentAsync(client, april)).QuerySelector("[data-testid=summaries-catching-up]"));
    }

    [DbFact]
    public async Task Days_left_pending_when_the_app_stopped_are_rebuilt_at_the_next_start()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        var march = await TotalsAsync(app, March);
        SkewRollups(app, "2026-03-10");
        MarkPending(app, "2026-03-10");

        await app.WithScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());

        Assert.Equal(0, Scalar(app, """SELECT COUNT(*) FROM "KpiRollupPendingDates" """));
        Assert.Equal(march.Contacts, Scalar(app, """SELECT SUM("Contacts") FROM "KpiRollups" WHERE "Grain" = 4 AND "IsMonth" AND "LocalDate" = '2026-03-01'"""));
    }

    [DbFact]
    public async Task Days_left_pending_while_the_app_runs_are_rebuilt_by_the_recurring_job()
    {
        // What a command-line import killed after its commit leaves a running app: rows in, their days pending.
        using var app = new CxAppWithJobServerFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        var march = await TotalsAsync(app, March);
        SkewRollups(app, "2026-03-10");
        MarkPending(app, "2026-03-10");

        using (var connection = app.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var job = connection.GetRecurringJobs().Single(j => j.Id == PendingRollupsJob.RecurringJobId);
            Assert.Equal(("*/5 * * * *", typeof(PendingRollupsJob), nameof(PendingRollupsJob.RunAsync)), (job.Cron, job.Job.Type, job.Job.Method.Name));
        }
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(PendingRollupsJob.RecurringJobId);

        // The job server runs it; wait for its work, not for a time.
        for (var attempt = 0; attempt < 600 && Scalar(app, """SELECT COUNT(*) FROM "KpiRollupPendingDates" """) > 0; attempt++)
            await Task.Delay(100);
        Assert.Equal(0, Scalar(app, """SELECT COUNT(*) FROM "KpiRollupPendingDates" """));
        Assert.Equal(march.Contacts, Scalar(app, """SELECT SUM("Contacts") FROM "KpiRollups" WHERE "Grain" = 4 AND "IsMonth" AND "LocalDate" = '2026-03-01'"""));
    }

    [DbFact]
    public async Task A_small_import_rebuilds_its_days_inside_its_own_transaction()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        var result = await app.ImportOkAsync(ImportKind.Contacts, """
            contact_id,customer_id,agent_id,team,channel,reason,started_at
            K12,C2,A2,T2,phone,FAKTURA,2026-03-12T10:00:00+01:00
            """);
        Assert.False(result.RollupsPending);
        Assert.Equal(10, Scalar(app, """SELECT SUM("Contacts") FROM "KpiRollups" WHERE "Grain" = 4 AND "IsMonth" AND "LocalDate" = '2026-03-01'"""));
    }

    [DbFact]
    public async Task With_a_job_server_a_large_import_leaves_its_days_to_a_job_that_rebuilds_them()
    {
        using var app = new CxAppWithJobServerFactory(TDb.Provider);
        await app.ImportOkAsync(ImportKind.Agents, BoundaryDataset.Agents);
        const int rows = 60_000;
        var result = await app.ImportOkAsync(ImportKind.Contacts, ImportBehaviourTests.ManyContacts(rows, "JOB"));
        Assert.True(result.RollupsPending);
        Assert.True(rows >= ImportService.DeferredRollupRows);

        // Committed: the numbers are complete at once, whether or not the job has run yet.
        var all = March with { From = new(2026, 1, 1), To = new(2026, 3, 31) };
        Assert.Equal(rows, (await TotalsAsync(app, all)).Contacts);

        // The job (on Hangfire's workers) empties the pending days and leaves rollups that count every row.
        for (var attempt = 0; attempt < 600 && Scalar(app, """SELECT COUNT(*) FROM "KpiRollupPendingDates" """) > 0; attempt++)
            await Task.Delay(100);
        Assert.Equal(0, Scalar(app, """SELECT COUNT(*) FROM "KpiRollupPendingDates" """));
        Assert.Equal(rows, Scalar(app, """SELECT SUM("Contacts") FROM "KpiRollups" WHERE "Grain" = 4 AND NOT "IsMonth" """));
        Assert.Equal(rows, (await TotalsAsync(app, all)).Contacts);
    }

    /// <summary>A write as the app's writers make it: with the data version bumped, so kept dashboards are not used.</summary>
    private static void Execute(CxAppFactory app, string sql)
    {
        using var connection = app.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        DataVersions.Bump(connection, null);
    }
}
