using System.Net;
using System.Text;
using CxDashboard.Tests.Api;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Reports;
using CxDashboard.Web.Features.Surveys;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Security;

/// <summary>
/// Survey and pulse links are built only from configuration, never from a Host header; their tokens are stored only
/// as hashes (links made before keep working after the migration); the database, uploads and reports are private to
/// the app's user on disk.
/// </summary>
public sealed class LinksAndStorageTests
{
    private static async Task<HttpResponseMessage> PostLinksAsync(HttpClient client, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/survey-links") { Content = ApiJson.Body("""{ "contactIds": ["K3"] }""") };
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }

    private static async Task<(HttpStatusCode Status, string? Link)> RenewPulseLinkAsync(CxAppFactory app, HttpClient admin, string host)
    {
        var teamId = await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "T1").Select(t => t.Id).SingleAsync());
        var page = await Html.GetDocumentAsync(admin, "/Admin/Pulse");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Admin/Pulse?handler=Renew&teamId={teamId}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.AntiforgeryToken(page) }),
        };
        request.Headers.Host = host;
        var response = await admin.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK) return (response.StatusCode, null);
        var link = Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector($"tr[data-team-id='{teamId}'] [data-testid=pulse-link]")?.GetAttribute("value");
        return (response.StatusCode, link);
    }

    [Fact]
    public async Task A_spoofed_host_header_never_reaches_a_link()
    {
        using var app = new ApiAppFactory(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://cx.example.com/" });
        await BoundaryDataset.LoadAsync(app);
        var api = await app.ApiClientAsync(ApiKeyScope.Write);
        var created = await (await PostLinksAsync(api, "evil.example")).JsonAsync();
        Assert.StartsWith("https://cx.example.com/s/", created.GetProperty("links")[0].GetProperty("url").GetString());

        var admin = await app.SignedInClientAsync("admin@links.test", Roles.Admin);
        var (_, pulse) = await RenewPulseLinkAsync(app, admin, "evil.example");
        Assert.StartsWith("https://cx.example.com/pulse/", pulse);
    }

    [Fact]
    public async Task In_production_without_a_public_address_no_link_is_made_and_each_entry_point_says_what_to_set()
    {
        using var app = new ApiAppFactory(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "", ["environment"] = "Production" });
        await BoundaryDataset.LoadAsync(app);
        var api = await app.ApiClientAsync(ApiKeyScope.Write);
        var refused = await PostLinksAsync(api, "evil.example");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("set App:PublicBaseUrl", (await refused.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().SurveyInvitations.CountAsync()));

        var admin = await app.SignedInClientAsync("admin@links.test", Roles.Admin);
        var page = await Html.GetDocumentAsync(admin, "/Admin/Pulse");
        Assert.Contains("set App:PublicBaseUrl", page.QuerySelector("[data-testid=links-unavailable]").Text());
        Assert.All(page.QuerySelectorAll("[data-testid=pulse-table] button[type=submit]"), b => Assert.True(b.HasAttribute("disabled")));
        var (status, link) = await RenewPulseLinkAsync(app, admin, "evil.example");
        Assert.Equal((HttpStatusCode.OK, null), (status, link));
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().TeamPulseLinks.CountAsync()));

        var cli = await CliRunner.RunAsync(app.ConnectionString, app.Clock.GetUtcNow(), "survey-links", "--contact-ids", "K3");
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("set App:PublicBaseUrl", cli.Error);
    }

    [Fact]
    public async Task With_allowed_hosts_a_link_takes_the_requests_host_and_other_hosts_are_refused()
    {
        using var app = new ApiAppFactory(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "", ["AllowedHosts"] = "cx.example.com;localhost" });
        await BoundaryDataset.LoadAsync(app);
        var api = await app.ApiClientAsync(ApiKeyScope.Write);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostLinksAsync(api, "evil.example")).StatusCode);
        var created = await (await PostLinksAsync(api, "cx.example.com")).JsonAsync();
        Assert.StartsWith("http://cx.example.com/s/", created.GetProperty("links")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Link_tokens_are_stored_as_hashes_and_links_made_before_the_change_keep_working()
    {
        using var app = new CxAppFactory();
        await BoundaryDataset.LoadAsync(app);
        var (surveyToken, pulseToken) = await app.WithScopeAsync(async sp =>
        {
            var contact = await sp.GetRequiredService<CxDbContext>().Contacts.Where(c => c.ExternalId == "K3").Select(c => c.Id).SingleAsync();
            var survey = await sp.GetRequiredService<SurveyInvitationService>().CreateAsync(contact);
            var team = await sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "T1").Select(t => t.Id).SingleAsync();
            var pulse = await sp.GetRequiredService<CxDashboard.Web.Features.Engagement.PulseService>().RenewLinkAsync(team);
            return (survey.Token, pulse);
        });
        var database = await File.ReadAllBytesAsync(app.ConnectionString["Data Source=".Length..]);
        Assert.DoesNotContain(surveyToken, Encoding.ASCII.GetString(database));
        Assert.DoesNotContain(pulseToken, Encoding.ASCII.GetString(database));

        // Back to the schema before the change, with plain tokens as it stored them, and the migration run again.
        const string legacySurvey = "Legacy-survey-token_0001", legacyPulse = "Legacy-pulse-token_00001";
        await using (var connection = new SqliteConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var sql in new[]
            {
                """DROP INDEX "IX_SurveyInvitations_TokenHash"; ALTER TABLE "SurveyInvitations" RENAME COLUMN "TokenHash" TO "Token"; CREATE UNIQUE INDEX "IX_SurveyInvitations_Token" ON "SurveyInvitations" ("Token");""",
                """DROP INDEX "IX_TeamPulseLinks_TokenHash"; ALTER TABLE "TeamPulseLinks" RENAME COLUMN "TokenHash" TO "Token"; CREATE UNIQUE INDEX "IX_TeamPulseLinks_Token" ON "TeamPulseLinks" ("Token");""",
                $"""UPDATE "SurveyInvitations" SET "Token" = '{legacySurvey}'; UPDATE "TeamPulseLinks" SET "Token" = '{legacyPulse}';""",
                """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%_LinkTokensStoredAsHashes';""",
            })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }
        }
        SqliteConnection.ClearAllPools();
        using var upgraded = new ApiAppFactory(new Dictionary<string, string?> { ["ConnectionStrings:Cx"] = app.ConnectionString });
        var client = upgraded.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/s/{legacySurvey}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/pulse/{legacyPulse}")).StatusCode);
        var stored = await upgraded.WithScopeAsync(async sp => await sp.GetRequiredService<CxDbContext>().SurveyInvitations.Select(i => i.TokenHash).SingleAsync());
        Assert.Equal(LinkTokens.Hash(legacySurvey), stored);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/s/{stored}")).StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_database_and_uploads_are_readable_by_the_apps_user_only_and_reports_stay_in_the_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cxdashboard-test-private-{Guid.NewGuid():N}");
        try
        {
            using var app = new ApiAppFactory(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Cx"] = $"Data Source={Path.Combine(folder, "data", "cx.db")}",
                ["Imports:UploadFolder"] = Path.Combine(folder, "uploads"),
                ["Reports:Directory"] = Path.Combine(folder, "reports"),
            });
            await BoundaryDataset.LoadAsync(app);
            var admin = await app.SignedInClientAsync("admin@files.test", Roles.Admin);
            await Imports.ImportPageTests.UploadAsync(admin, ("AgentsFile", "agents.csv", Encoding.UTF8.GetBytes("agent_id,name,team\nA1,Anna Andersson,T1\n")));
            await app.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportJob>().RunAsync(null, null, CancellationToken.None));

            const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            // The report library keeps its PDFs in the database: nothing is written to the reports folder.
            Assert.False(Directory.Exists(Path.Combine(folder, "reports")));
            var folders = new[] { "data", "uploads" }.Select(f => Path.Combine(folder, f))
                .Concat(Directory.GetDirectories(folder, "*", SearchOption.AllDirectories)).Distinct().ToList();
            Assert.All(folders, f => Assert.True(File.GetUnixFileMode(f) == Folder, $"{f}: {File.GetUnixFileMode(f)}"));
            var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
            Assert.Contains(files, f => f.EndsWith("cx.db-wal", StringComparison.Ordinal));
            Assert.Contains(files, f => f.Contains(Path.Combine(folder, "uploads"), StringComparison.Ordinal));
            Assert.All(files, f => Assert.True(File.GetUnixFileMode(f) == Private, $"{f}: {File.GetUnixFileMode(f)}"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
