using System.Net;
using System.Text;
using CxDashboard.Tests.Api;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Surveys;

/// <summary>Survey links for a batch of contacts, from the `survey-links` verb and POST /api/v1/survey-links.</summary>
public sealed class SurveyLinkTests(SurveyLinkTests.Fixture fixture) : IClassFixture<SurveyLinkTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiAppFactory App { get; } = new(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://cx.example.test/" });
        public Task InitializeAsync() => BoundaryDataset.LoadAsync(App);

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private Task<CliRun> Cli(params string[] args) => CliRunner.RunAsync(fixture.App.ConnectionString, fixture.App.Clock.GetUtcNow(), ["survey-links", .. args]);

    private Task<int> InvitationCount() => fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().SurveyInvitations.CountAsync());

    [Fact]
    public async Task The_verb_prints_a_link_per_contact_and_no_second_link_on_a_second_run()
    {
        var first = await Cli("--contact-ids", "K5, K6,K5", "--base-url", "https://survey.example.test", "--language", "en");
        Assert.True(first.ExitCode == 0, first.Error);
        var links = first.Json.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(["K5", "K6"], links.Select(l => l.GetProperty("contactId").GetString()!).ToArray());
        Assert.All(links, l => Assert.Equal("created", l.GetProperty("status").GetString()));
        var url = links[0].GetProperty("url").GetString()!;
        Assert.Matches(@"^https://survey\.example\.test/s/[A-Za-z0-9_-]{22}$", url);
        // Expiry: now + 14 days (Surveys:ExpiryDays default).
        Assert.Equal(fixture.App.Clock.GetUtcNow().UtcDateTime.AddDays(14), links[0].GetProperty("expiresAt").GetDateTime().ToUniversalTime());

        // The contact has an open link: no second one, and the first cannot be shown again (only its hash is kept).
        var second = await Cli("--contact-ids", "K5", "--base-url", "https://survey.example.test");
        var again = second.Json.GetProperty("links")[0];
        Assert.Equal(("existing", null), (again.GetProperty("status").GetString(), again.GetProperty("url").GetString()));
        Assert.Equal(links[0].GetProperty("expiresAt").GetDateTime(), again.GetProperty("expiresAt").GetDateTime());

        // The link opens in the language asked for.
        var page = await Html.GetDocumentAsync(fixture.App.NewClient(), new Uri(url).AbsolutePath);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_verb_reads_contact_ids_from_a_semicolon_file_with_a_bom_and_writes_csv()
    {
        var file = Path.Combine(Path.GetTempPath(), $"survey-contacts-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "contact_id;customer_id\r\nK8;C4\r\nK9;C4\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var run = await Cli("--file", file, "--format", "csv", "--base-url", "https://cx.example.test/");
            Assert.True(run.ExitCode == 0, run.Error);
            var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal("contact_id,url,expires_at,status", lines[0]);
            Assert.Equal(3, lines.Length);
            Assert.Matches(@"^K8,https://cx\.example\.test/s/[A-Za-z0-9_-]{22},\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,created$", lines[1]);
            Assert.StartsWith("K9,https://cx.example.test/s/", lines[2]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Unknown_contact_ids_are_named_exit_1_and_no_link_is_created()
    {
        var before = await InvitationCount();
        var run = await Cli("--contact-ids", "K2,NOPE,,K3", "--base-url", "https://cx.example.test");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("contact id 2 ('NOPE'): no contact with id 'NOPE'", run.Error);
        Assert.Contains("contact id 3 (''): is empty", run.Error);
        Assert.Contains("No links were created.", run.Error);
        Assert.Equal(before, await InvitationCount());

        var file = Path.Combine(Path.GetTempPath(), $"survey-contacts-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "contact_id\nK2\nNOPE\n");
        try
        {
            var fromFile = await Cli("--file", file, "--base-url", "https://cx.example.test");
            Assert.Equal(1, fromFile.ExitCode);
            Assert.Contains("line 3, column contact_id: no contact with id 'NOPE'", fromFile.Error);
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal(before, await InvitationCount());
    }

    [Fact]
    public async Task The_verb_needs_exactly_one_source_of_ids_and_a_base_url()
    {
        Assert.Equal(2, (await Cli("--format", "json")).ExitCode);
        var noBase = await CliRunner.RunAsync(fixture.App.ConnectionString, fixture.App.Clock.GetUtcNow(), "survey-links", "--contact-ids", "K2");
        // The CLI reads the app's configuration, where this test app's PublicBaseUrl (a host setting) is not present.
        Assert.Equal(2, noBase.ExitCode);
        Assert.Contains("App:PublicBaseUrl", noBase.Error);
    }

    [Fact]
    public async Task The_api_answers_links_on_the_public_base_url_and_422_for_unknown_contacts()
    {
        var writer = await fixture.App.ApiClientAsync(ApiKeyScope.Write, "sms gateway");
        var response = await writer.PostJsonAsync("/api/v1/survey-links", """{ "contactIds": ["K10", "K11"], "language": "sv" }""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(14, json.GetProperty("expiryDays").GetInt32());
        var links = json.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(2, links.Count);
        Assert.StartsWith("https://cx.example.test/s/", links[1].GetProperty("url").GetString());

        var before = await InvitationCount();
        var bad = await writer.PostJsonAsync("/api/v1/survey-links", """{ "contactIds": ["K10", "GHOST"] }""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = await bad.ErrorsAsync();
        Assert.Equal((1L, "contactIds"), (errors.Single().Index, errors.Single().Field));
        Assert.Equal(before, await InvitationCount());

        Assert.Equal(HttpStatusCode.BadRequest, (await writer.PostJsonAsync("/api/v1/survey-links", """{ "contactIds": [] }""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await writer.PostJsonAsync("/api/v1/survey-links", """{ "contactIds": ["K10"], "language": "de" }""")).StatusCode);
        var reader = await fixture.App.ApiClientAsync(ApiKeyScope.Read);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJsonAsync("/api/v1/survey-links", """{ "contactIds": ["K10"] }""")).StatusCode);
    }

    [Fact]
    public async Task A_contact_whose_survey_was_answered_gets_no_new_link()
    {
        var writer = await fixture.App.ApiClientAsync(ApiKeyScope.Write);
        var created = await (await writer.PostJsonAsync("/api/v1/survey-links", """{ "contactIds": ["K4"] }""")).JsonAsync();
        var path = new Uri(created.GetProperty("links")[0].GetProperty("url").GetString()!).AbsolutePath;
        var client = fixture.App.NewClient();
        var answered = await Html.PostFormAsync(client, path, new Dictionary<string, string> { ["Csat"] = "4", ["Resolved"] = "true" }, "[data-testid=survey-form]", path);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var again = await (await writer.PostJsonAsync("/api/v1/survey-links", """{ "contactIds": ["K4"] }""")).JsonAsync();
        var link = again.GetProperty("links")[0];
        Assert.Equal("answered", link.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, link.GetProperty("url").ValueKind);
    }
}
