using System.Net;
using System.Text;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Api;

/// <summary>POST /api/v1/{kind}: the same validation and idempotency as files, 422/400/413/415 answers that write nothing.</summary>
public sealed class ApiIngestionTests(ApiIngestionTests.Fixture fixture) : IClassFixture<ApiIngestionTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiAppFactory App { get; } = new(new Dictionary<string, string?>
        {
            ["Api:MaxRecordsPerRequest"] = "50",
            ["Api:MaxRequestBytes"] = "20000",
        });

        public HttpClient Writer { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Writer = await App.ApiClientAsync(ApiKeyScope.Write, "contact centre platform");
            var agents = await Writer.PostJsonAsync("/api/v1/agents", """
                [ { "agentId": "A1", "name": "Anna Andersson", "team": "T1", "email": "anna@example.test" },
                  { "agentId": "A2", "name": "Bertil Berg", "team": "T2" } ]
                """);
            Assert.Equal(HttpStatusCode.OK, agents.StatusCode);
            var contacts = await Writer.PostJsonAsync("/api/v1/contacts", """
                [ { "contactId": "API-K1", "customerId": "C1", "agentId": "A1", "channel": "phone", "reason": "FAKTURA",
                    "startedAt": "2026-03-02T09:00:00+01:00", "handleSeconds": 240, "escalatedFromBot": false,
                    "customerName": "Customer One", "customerPhone": "+46 70 111 11 11" },
                  { "contactId": "API-K2", "customerId": "C2", "agentId": "A2", "channel": "chat", "reason": "FEL",
                    "startedAt": "2026-03-03 10:15", "escalatedFromBot": true } ]
                """);
            Assert.Equal(HttpStatusCode.OK, contacts.StatusCode);
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private HttpClient Writer => fixture.Writer;

    private Task<T> Db<T>(Func<CxDbContext, Task<T>> query) =>
        fixture.App.WithScopeAsync(sp => query(sp.GetRequiredService<CxDbContext>()));

    [Fact]
    public async Task A_batch_is_written_with_counts_and_posting_it_again_changes_nothing()
    {
        const string batch = """
            [ { "responseId": "API-R1", "contactId": "API-K1", "receivedAt": "2026-03-02T12:00:00+01:00", "csat": 5, "resolved": true, "nps": 10, "comment": "Snabb hjälp" },
              { "responseId": "API-R2", "contactId": "API-K2", "receivedAt": "2026-03-03T12:00:00+01:00", "csat": "2", "resolved": "nej" } ]
            """;
        var first = await Writer.PostJsonAsync("/api/v1/survey-responses", batch);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var json = await first.JsonAsync();
        Assert.Equal("imported", json.GetProperty("outcome").GetString());
        Assert.Equal(2, json.GetProperty("records").GetInt64());
        Assert.Equal(2, json.GetProperty("inserted").GetInt64());

        var again = await (await Writer.PostJsonAsync("/api/v1/survey-responses", batch)).JsonAsync();
        Assert.Equal(0, again.GetProperty("inserted").GetInt64());
        Assert.Equal(0, again.GetProperty("updated").GetInt64());
        Assert.Equal(2, again.GetProperty("unchanged").GetInt64());

        var stored = await Db(db => db.SurveyResponses.Where(r => r.ExternalId.StartsWith("API-R")).OrderBy(r => r.ExternalId).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal((5, true, 10, "Snabb hjälp"), (stored[0].Csat, stored[0].Resolved!.Value, stored[0].Nps!.Value, stored[0].Comment));
        Assert.Equal((2, false), (stored[1].Csat, stored[1].Resolved!.Value));

        // A changed record updates; the others stay as they are.
        var changed = await (await Writer.PostJsonAsync("/api/v1/survey-responses", batch.Replace("\"csat\": 5", "\"csat\": 4"))).JsonAsync();
        Assert.Equal((0L, 1L, 1L), (changed.GetProperty("inserted").GetInt64(), changed.GetProperty("updated").GetInt64(), changed.GetProperty("unchanged").GetInt64()));
        Assert.Equal(4, await Db(db => db.SurveyResponses.Where(r => r.ExternalId == "API-R1").Select(r => r.Csat).SingleAsync()));
    }

    [Fact]
    public async Task Contacts_from_the_api_are_stored_like_a_file_row_with_local_times_in_the_organisation_zone()
    {
        var contacts = await Db(db => db.Contacts.Include(c => c.Agent).Include(c => c.Reason).Where(c => c.ExternalId.StartsWith("API-K")).OrderBy(c => c.ExternalId).ToListAsync());
        Assert.Equal(2, contacts.Count);
        Assert.Equal(new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc), contacts[0].StartedAtUtc);
        Assert.Equal(240, contacts[0].HandleSeconds);
        Assert.Equal("Anna Andersson", contacts[0].Agent!.Name);
        // "2026-03-03 10:15" has no offset: Stockholm winter time, UTC+1.
        Assert.Equal(new DateTime(2026, 3, 3, 9, 15, 0, DateTimeKind.Utc), contacts[1].StartedAtUtc);
        Assert.True(contacts[1].EscalatedFromBot);
        Assert.Equal(Channel.Chat, contacts[1].Channel);
    }

    [Fact]
    public async Task Bad_records_get_422_listing_each_by_index_and_field_and_nothing_is_written()
    {
        var before = await Db(db => db.SurveyResponses.CountAsync());
        var response = await Writer.PostJsonAsync("/api/v1/survey-responses", """
            [ { "responseId": "BAD-R0", "contactId": "API-K1", "receivedAt": "2026-03-02T12:00:00+01:00", "csat": 4 },
              { "responseId": "BAD-R1", "contactId": "API-K1", "receivedAt": "2026-03-02T12:00:00+01:00", "csat": 7 },
              { "responseId": "BAD-R2", "contactId": "NO-SUCH-CONTACT", "receivedAt": "2026-03-02T12:00:00+01:00", "csat": 3 },
              { "contactId": "API-K1", "receivedAt": "yesterday", "csat": 3, "nps": 11 },
              { "responseId": "BAD-R0", "contactId": "API-K1", "receivedAt": "2026-03-02T12:00:00+01:00", "csat": 4.5, "resolved": "maybe" } ]
            """);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.JsonAsync();
        Assert.Equal(422, json.GetProperty("status").GetInt32());
        Assert.Contains("4 of 5 records have errors; nothing was written", json.GetProperty("detail").GetString());

        var errors = await response.ErrorsAsync();
        Assert.Contains(errors, e => e is { Index: 1, Field: "csat" } && e.Message.Contains("outside 1–5"));
        Assert.Contains(errors, e => e is { Index: 2, Field: "contactId" } && e.Message.Contains("NO-SUCH-CONTACT"));
        Assert.Contains(errors, e => e is { Index: 3, Field: "responseId" } && e.Message.Contains("required"));
        Assert.Contains(errors, e => e is { Index: 3, Field: "receivedAt" } && e.Message.Contains("not a timestamp"));
        Assert.Contains(errors, e => e is { Index: 3, Field: "nps" } && e.Message.Contains("0–10"));
        Assert.Contains(errors, e => e is { Index: 4, Field: "csat" } && e.Message.Contains("'4.5' is not a whole number"));
        Assert.Contains(errors, e => e is { Index: 4, Field: "resolved" });
        Assert.Contains(errors, e => e is { Index: 4, Field: "responseId" } && e.Message.Contains("first at index 0"));
        Assert.DoesNotContain(errors, e => e.Index == 0);

        Assert.Equal(before, await Db(db => db.SurveyResponses.CountAsync()));
        Assert.False(await Db(db => db.SurveyResponses.AnyAsync(r => r.ExternalId == "BAD-R0")));
    }

    [Fact]
    public async Task Valid_rows_only_writes_the_good_records_and_still_lists_the_bad_ones()
    {
        var response = await Writer.PostJsonAsync("/api/v1/survey-responses?validRowsOnly=true", """
            [ { "responseId": "VRO-1", "contactId": "API-K2", "receivedAt": "2026-03-04T08:00:00+01:00", "csat": 3 },
              { "responseId": "VRO-2", "contactId": "API-K2", "receivedAt": "2026-03-04T08:00:00+01:00", "csat": 0 } ]
            """);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal("importedValidRows", json.GetProperty("outcome").GetString());
        Assert.Equal((1L, 1L), (json.GetProperty("inserted").GetInt64(), json.GetProperty("rejected").GetInt64()));
        Assert.Equal("csat", json.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.True(await Db(db => db.SurveyResponses.AnyAsync(r => r.ExternalId == "VRO-1")));
        Assert.False(await Db(db => db.SurveyResponses.AnyAsync(r => r.ExternalId == "VRO-2")));
    }

    [Fact]
    public async Task A_dry_run_validates_and_counts_without_writing()
    {
        var response = await Writer.PostJsonAsync("/api/v1/contacts?dryRun=true", """
            [ { "contactId": "DRY-1", "customerId": "C9", "channel": "email", "reason": "FAKTURA", "startedAt": "2026-03-05T10:00:00+01:00" } ]
            """);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal("validated", json.GetProperty("outcome").GetString());
        Assert.Equal(1, json.GetProperty("inserted").GetInt64());
        Assert.False(await Db(db => db.Contacts.AnyAsync(c => c.ExternalId == "DRY-1")));
    }

    [Fact]
    public async Task Records_that_are_not_objects_and_nested_values_are_named_and_nothing_is_written()
    {
        var response = await Writer.PostJsonAsync("/api/v1/contacts", """
            [ { "contactId": "SHAPE-1", "customerId": "C1", "channel": "phone", "reason": "FEL", "startedAt": "2026-03-05T10:00:00+01:00" },
              "SHAPE-2",
              { "contactId": "SHAPE-3", "customerId": { "id": "C3" }, "channel": "fax", "reason": "FEL", "startedAt": "2026-03-05T10:00:00+01:00", "colour": "blue" } ]
            """);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = await response.ErrorsAsync();
        Assert.Contains(errors, e => e is { Index: 1, Field: null } && e.Message.Contains("not an object"));
        Assert.Single(errors, e => e.Index == 1); // no "required" noise for a record that is not an object
        Assert.Contains(errors, e => e is { Index: 2, Field: "customerId" } && e.Message.Contains("an object"));
        Assert.Contains(errors, e => e is { Index: 2, Field: "channel" } && e.Message.Contains("'fax' is not a channel"));
        Assert.Contains("Unknown field(s) ignored: colour.", (await response.JsonAsync()).GetProperty("warnings")[0].GetString());
        Assert.False(await Db(db => db.Contacts.AnyAsync(c => c.ExternalId.StartsWith("SHAPE"))));
    }

    [Fact]
    public async Task Malformed_json_the_wrong_shape_or_type_and_empty_batches_get_400_or_415_with_a_reason()
    {
        var malformed = await Writer.PostJsonAsync("/api/v1/contacts", "[ { \"contactId\": \"X\", } ");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not valid JSON (line 1", (await malformed.JsonAsync()).GetProperty("detail").GetString());

        var notArray = await Writer.PostJsonAsync("/api/v1/contacts", "{ \"contactId\": \"X\" }");
        Assert.Equal(HttpStatusCode.BadRequest, notArray.StatusCode);
        Assert.Contains("must be a JSON array of contacts records", (await notArray.JsonAsync()).GetProperty("detail").GetString());

        var empty = await Writer.PostJsonAsync("/api/v1/contacts", "[]");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("The array is empty", (await empty.JsonAsync()).GetProperty("detail").GetString());

        var csv = await Writer.PostAsync("/api/v1/contacts", new StringContent("contact_id\nK1", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, csv.StatusCode);
        Assert.Contains("Content-Type: application/json", (await csv.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Oversized_bodies_and_batches_get_413_and_nothing_is_written()
    {
        var record = """{ "contactId": "BIG-{0}", "customerId": "C1", "channel": "phone", "reason": "FEL", "startedAt": "2026-03-05T10:00:00+01:00" }""";
        var tooMany = "[" + string.Join(",", Enumerable.Range(0, 51).Select(i => record.Replace("{0}", i.ToString()))) + "]"; // 51 > 50, under 20,000 bytes
        var response = await Writer.PostJsonAsync("/api/v1/contacts", tooMany);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 50 per request", (await response.JsonAsync()).GetProperty("detail").GetString());

        var tooBig = "[" + record.Replace("{0}", new string('x', 30_000)) + "]";
        var big = await Writer.PostJsonAsync("/api/v1/contacts", tooBig);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Contains("larger than", (await big.JsonAsync()).GetProperty("detail").GetString());
        Assert.False(await Db(db => db.Contacts.AnyAsync(c => c.ExternalId.StartsWith("BIG-"))));
    }

    [Fact]
    public async Task Writes_need_a_write_key_and_unknown_or_revoked_keys_get_401()
    {
        const string batch = """[ { "agentId": "A9", "name": "Nina", "team": "T1" } ]""";
        var reader = await fixture.App.ApiClientAsync(ApiKeyScope.Read, "bi tool");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJsonAsync("/api/v1/agents", batch)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/kpis?from=2026-03-01&to=2026-03-31")).StatusCode);

        var anonymous = fixture.App.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/v1/agents", batch)).StatusCode);
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", "cxd_abcdefgh_notarealsecretnotarealsecret12345");
        var unknown = await anonymous.PostJsonAsync("/api/v1/agents", batch);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", (await unknown.JsonAsync()).GetProperty("detail").GetString());

        var key = await fixture.App.CreateKeyAsync(ApiKeyScope.Write, "to be revoked");
        var revokedClient = fixture.App.NewClient();
        revokedClient.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await revokedClient.GetAsync("/api/v1/kpis?from=2026-03-01&to=2026-03-31")).StatusCode);
        await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<Web.Features.Api.ApiKeyService>().RevokeAsync(key.Key.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await revokedClient.PostJsonAsync("/api/v1/agents", batch)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revokedClient.GetAsync("/api/v1/kpis?from=2026-03-01&to=2026-03-31")).StatusCode);
        Assert.False(await Db(db => db.Agents.AnyAsync(a => a.ExternalId == "A9")));
    }

    [Fact]
    public async Task Engagement_answers_from_the_api_count_per_team_month_and_reposting_replaces_nothing()
    {
        var answers = string.Join(",", Enumerable.Range(0, 5).Select(i => $$"""{ "team": "T2", "period": "2026-02", "enps": {{6 + i}}, "q1": 4, "q2": {{1 + i}} }"""));
        var first = await (await Writer.PostJsonAsync("/api/v1/engagement", $"[{answers}]")).JsonAsync();
        Assert.Equal(5, first.GetProperty("inserted").GetInt64());
        var again = await (await Writer.PostJsonAsync("/api/v1/engagement", $"[{answers}]")).JsonAsync();
        Assert.Equal((0L, 5L), (again.GetProperty("inserted").GetInt64(), again.GetProperty("unchanged").GetInt64()));
        Assert.Equal(5, await Db(db => db.EngagementAnswers.CountAsync(a => a.Team!.Name == "T2" && a.Period == new DateOnly(2026, 2, 1))));
    }

    [Fact]
    public async Task The_import_listeners_hear_of_api_batches_that_wrote_data_and_not_of_rejected_ones()
    {
        var before = fixture.App.Listener.Results.Count;
        await Writer.PostJsonAsync("/api/v1/agents", """[ { "agentId": "A7", "name": "Olle", "team": "T1" } ]""");
        await Writer.PostJsonAsync("/api/v1/agents", """[ { "agentId": "A8", "team": "T1" } ]""");
        var heard = fixture.App.Listener.Results.Skip(before).ToList();
        var only = Assert.Single(heard);
        Assert.Equal((ImportKind.Agents, 1L), (only.Kind, only.Inserted));
    }

    [Fact]
    public async Task The_openapi_description_documents_the_record_fields_of_each_endpoint()
    {
        var json = await (await fixture.App.NewClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = json.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/contacts", "/api/v1/survey-responses", "/api/v1/agents", "/api/v1/engagement", "/api/v1/contact-reasons", "/api/v1/survey-links" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI description");
        var items = paths.GetProperty("/api/v1/survey-responses").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("items");
        Assert.True(items.GetProperty("properties").TryGetProperty("receivedAt", out _));
        Assert.Contains("csat", items.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var scheme = json.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        Assert.True(json.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
    }
}
