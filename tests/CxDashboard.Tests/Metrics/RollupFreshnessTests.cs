using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Metrics;

public sealed class RollupFreshnessTestsOnSqlite : RollupFreshnessTests<OnSqlite>;

public sealed class RollupFreshnessTestsOnPostgres : RollupFreshnessTests<OnPostgres>, IRunsOnPostgres;

/// <summary>Every way data arrives keeps the rollups current: numbers change at once, not after a rebuild.</summary>
public abstract class RollupFreshnessTests<TDb> : IAsyncLifetime where TDb : ITestDatabase
{
    private readonly CxAppFactory _app = new(TDb.Provider);
    private static readonly MetricQuery March = new() { From = new(2026, 3, 1), To = new(2026, 3, 31), WindowDays = 7, AsOfUtc = BoundaryDataset.AsOf.UtcDateTime };

    public Task InitializeAsync() => BoundaryDataset.LoadAsync(_app);
    public Task DisposeAsync() { _app.Dispose(); return Task.CompletedTask; }

    private Task<KpiCounts> MarchAsync() => _app.WithScopeAsync(sp => sp.GetRequiredService<KpiQueryService>().TotalsAsync(March, DataScope.Everything));

    [DbFact]
    public async Task A_response_saved_through_the_app_counts_at_once()
    {
        Assert.Equal(5, (await MarchAsync()).Responses);
        await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var contact = await db.Contacts.SingleAsync(c => c.ExternalId == "K11");
            db.SurveyResponses.Add(new SurveyResponse { ExternalId = "HOSTED-1", ContactId = contact.Id, ReceivedAtUtc = March.AsOfUtc, Csat = 5 });
            await db.SaveChangesAsync();
        });
        var after = await MarchAsync();
        Assert.Equal(6, after.Responses);
        Assert.Equal(4, after.CsatPositive);
    }

    [DbFact]
    public async Task A_follow_up_answer_never_counts_in_contact_kpis()
    {
        await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var contact = await db.Contacts.SingleAsync(c => c.ExternalId == "K10");
            db.SurveyResponses.Add(new SurveyResponse { ExternalId = "FOLLOW-1", ContactId = contact.Id, ReceivedAtUtc = March.AsOfUtc, Csat = 5, Kind = SurveyResponseKind.CallbackFollowUp });
            await db.SaveChangesAsync();
        });
        Assert.Equal(5, (await MarchAsync()).Responses);
    }

    [DbFact]
    public async Task An_imported_contact_changes_its_neighbours_days_too()
    {
        // A new contact of C2 on 4 April follows K5 (29 March) within 7 days: K5's March row must change.
        await _app.ImportOkAsync(ImportKind.Contacts, """
            contact_id,customer_id,agent_id,team,channel,reason,started_at
            K12,C2,A2,T2,phone,FAKTURA,2026-04-04T10:00:00+02:00
            """);
        var asOfLater = March with { AsOfUtc = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc) };
        var counts = await _app.WithScopeAsync(sp => sp.GetRequiredService<KpiQueryService>().TotalsAsync(asOfLater, DataScope.Everything));
        Assert.Equal(9, counts.FcrDecidable);
        Assert.Equal(6, counts.FcrResolved); // K4, K5 and K10 are followed within 7 days now
    }
}
