using AngleSharp.Dom;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Dashboard;

public sealed class DashboardCacheTestsOnSqlite : DashboardCacheTests<OnSqlite>;

public sealed class DashboardCacheTestsOnPostgres : DashboardCacheTests<OnPostgres>, IRunsOnPostgres;

/// <summary>
/// The dashboard is kept between requests, but never shows figures older than the data: each change (an import, a survey
/// answer, an edit, on this instance or another sharing the database) and the clock (contacts becoming decidable) show on
/// the very next request, and each language gets its own formats.
/// </summary>
public abstract class DashboardCacheTests<TDb> where TDb : ITestDatabase
{
    private const string March = "/?period=custom&from=2026-03-01&to=2026-03-31";

    private static async Task<CxAppFactory> AppAsync()
    {
        var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        return app;
    }

    private static IElement Tile(IDocument page, string kpi) =>
        page.QuerySelector($"[data-kpi='{kpi}']") ?? throw new Xunit.Sdk.XunitException($"No tile {kpi}");

    private static string Value(IDocument page, string kpi) => Tile(page, kpi).QuerySelector("[data-testid=kpi-value]").Text();
    private static string N(IDocument page, string kpi) => Tile(page, kpi).QuerySelector("[data-testid=kpi-n]").Text();

    /// <summary>Twice, so the second answer is the kept one.</summary>
    private static async Task<IDocument> OpenTwiceAsync(HttpClient client, string url)
    {
        await Html.GetDocumentAsync(client, url);
        return await Html.GetDocumentAsync(client, url);
    }

    [DbFact]
    public async Task An_import_shows_on_the_next_request()
    {
        using var app = await AppAsync();
        var client = await app.SignedInClientAsync("manager@test.local", Roles.Manager);
        Assert.Equal("9", Value(await OpenTwiceAsync(client, March), "Contacts"));

        await app.ImportOkAsync(ImportKind.Contacts, """
            contact_id,customer_id,agent_id,team,channel,reason,started_at,handle_seconds,escalated_from_bot,customer_name,customer_phone,do_not_contact
            K12,C9,A1,T1,phone,FAKTURA,2026-03-15T10:00:00+01:00,300,false,,,
            """);

        Assert.Equal("10", Value(await Html.GetDocumentAsync(client, March), "Contacts"));
    }

    [DbFact]
    public async Task A_survey_answer_saved_by_the_app_shows_on_the_next_request()
    {
        using var app = await AppAsync();
        var client = await app.SignedInClientAsync("manager@test.local", Roles.Manager);
        Assert.Equal("responses: 5", N(await OpenTwiceAsync(client, March), "CsatPercent"));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var contact = await db.Contacts.SingleAsync(c => c.ExternalId == "K3");
            db.SurveyResponses.Add(new SurveyResponse { ExternalId = "R7", ContactId = contact.Id, ReceivedAtUtc = new DateTime(2026, 3, 13, 9, 0, 0, DateTimeKind.Utc), Csat = 5 });
            await db.SaveChangesAsync();
        });

        Assert.Equal("responses: 6", N(await Html.GetDocumentAsync(client, March), "CsatPercent"));
    }

    [DbFact]
    public async Task An_edit_by_a_bulk_update_shows_on_the_next_request()
    {
        using var app = await AppAsync();
        var client = await app.SignedInClientAsync("manager@test.local", Roles.Manager);
        Assert.DoesNotContain("Team Norr", (await OpenTwiceAsync(client, March)).Body.Text());

        await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "T1")
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, "Team Norr")));

        Assert.Contains("Team Norr", (await Html.GetDocumentAsync(client, March)).Body.Text());
    }

    [DbFact]
    public async Task Contacts_that_become_decidable_as_time_passes_count_on_the_next_request()
    {
        using var app = await AppAsync();
        var client = await app.SignedInClientAsync("manager@test.local", Roles.Manager);
        Assert.Equal("decidable: 7", N(await OpenTwiceAsync(client, March), "ContactFcrPercent"));
        var version = await DataVersionAsync(app);

        // K4 (28 March 20:00 CET) is decidable 7 days later, K5 a day after it. Signing in again (the sign-in of
        // days ago has expired) writes nothing: only the clock moved. Half an hour before K4 counts, the counts of
        // 28 March's other contacts are kept; K4 is added to them when its time comes.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 4, 18, 30, 0, TimeSpan.Zero));
        client = await app.SignedInClientAsync("manager@test.local", Roles.Manager);
        Assert.Equal("decidable: 7", N(await OpenTwiceAsync(client, March), "ContactFcrPercent"));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 4, 19, 30, 0, TimeSpan.Zero));
        Assert.Equal("decidable: 8", N(await Html.GetDocumentAsync(client, March), "ContactFcrPercent"));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 6, 0, 0, 0, TimeSpan.Zero));
        client = await app.SignedInClientAsync("manager@test.local", Roles.Manager);
        Assert.Equal("decidable: 9", N(await Html.GetDocumentAsync(client, March), "ContactFcrPercent"));
        Assert.Equal(version, await DataVersionAsync(app));
    }

    private static Task<long> DataVersionAsync(CxAppFactory app) =>
        app.WithScopeAsync(sp => DataVersions.CurrentAsync(sp.GetRequiredService<CxDbContext>()));

    [DbFact]
    public async Task Writes_that_are_not_dashboard_data_keep_the_kept_dashboards_and_a_survey_answer_does_not()
    {
        using var app = await AppAsync();
        var client = await app.SignedInClientAsync("manager@test.local", Roles.Manager);
        Assert.Equal("responses: 5", N(await OpenTwiceAsync(client, March), "CsatPercent"));
        var version = await DataVersionAsync(app);

        // An API key made, used (its last use is stamped), a user's language saved: none of it is in the dashboard.
        var key = await app.WithScopeAsync(sp => sp.GetRequiredService<Web.Features.Api.ApiKeyService>().CreateAsync("reporting", ApiKeyScope.Read));
        var api = app.NewClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/api/v1/kpis?from=2026-03-01&to=2026-03-31")).StatusCode);
        Assert.NotNull(await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ApiKeys
            .Where(k => k.Name == "reporting").Select(k => k.LastUsedAtUtc).SingleAsync()));
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            (await db.Users.SingleAsync(u => u.Email == "manager@test.local")).Culture = "en-GB";
            await db.SaveChangesAsync();
        });
        Assert.Equal(version, await DataVersionAsync(app));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var contact = await db.Contacts.SingleAsync(c => c.ExternalId == "K3");
            db.SurveyResponses.Add(new SurveyResponse { ExternalId = "R7", ContactId = contact.Id, ReceivedAtUtc = new DateTime(2026, 3, 13, 9, 0, 0, DateTimeKind.Utc), Csat = 5 });
            await db.SaveChangesAsync();
        });
        Assert.NotEqual(version, await DataVersionAsync(app));
        Assert.Equal("responses: 6", N(await Html.GetDocumentAsync(client, March), "CsatPercent"));
    }

    [DbFact]
    public async Task A_change_made_through_another_instance_sharing_the_database_shows_on_the_next_request()
    {
        using var app = await AppAsync();
        using var other = new CxAppFactory(TDb.Provider) { SharesDatabaseWith = app };
        var client = await other.SignedInClientAsync("manager@test.local", Roles.Manager);
        Assert.Equal("9", Value(await OpenTwiceAsync(client, March), "Contacts"));

        await app.ImportOkAsync(ImportKind.Contacts, """
            contact_id,customer_id,agent_id,team,channel,reason,started_at,handle_seconds,escalated_from_bot,customer_name,customer_phone,do_not_contact
            K12,C9,A1,T1,phone,FAKTURA,2026-03-15T10:00:00+01:00,300,false,,,
            K13,C9,A1,T1,phone,FAKTURA,2026-03-16T10:00:00+01:00,300,false,,,
            """);

        Assert.Equal("11", Value(await Html.GetDocumentAsync(client, March), "Contacts"));
    }

    [DbFact]
    public async Task Each_language_gets_its_own_number_formats()
    {
        using var app = await AppAsync();
        var client = await app.SignedInClientAsync("manager@test.local", Roles.Manager);
        Assert.StartsWith("44,4", Value(await OpenTwiceAsync(client, March), "RepeatContactRate"));

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        Assert.StartsWith("44.4", Value(await Html.GetDocumentAsync(client, March), "RepeatContactRate"));
    }
}
