using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CxDashboard.Tests.Api;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;

namespace CxDashboard.Tests.Security;

/// <summary>
/// The API answers every error as JSON problem details with a status that says what was wrong, never a 500 or the
/// sign-in page: text that is not valid Unicode, a body of the wrong type, a signed-in browser instead of a key.
/// </summary>
public sealed class ApiErrorTests(ApiErrorTests.Fixture fixture) : IClassFixture<ApiErrorTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiAppFactory App { get; } = new();
        public HttpClient Writer { get; private set; } = null!;
        public HttpClient Browser { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Writer = await App.ApiClientAsync(ApiKeyScope.Write);
            Browser = await App.SignedInClientAsync("admin@api-errors.test", Roles.Admin);
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem.GetProperty("detail").GetString()!;
    }

    [Theory]
    [InlineData("/api/v1/contacts")]
    [InlineData("/api/v1/survey-responses")]
    [InlineData("/api/v1/survey-links")]
    public async Task A_lone_surrogate_in_a_string_is_a_400_naming_where(string url)
    {
        var body = url.EndsWith("survey-links", StringComparison.Ordinal)
            ? """{ "contactIds": ["K1", "K\ud800"] }"""
            : """[{ "comment": "ok" }, { "comment": "half a pair \ud800" }]""";
        var detail = await ProblemDetailAsync(await fixture.Writer.PostAsync(url, Json(Encoding.UTF8.GetBytes(body))), HttpStatusCode.BadRequest);
        Assert.Contains("not valid Unicode", detail);
        Assert.Contains(url.EndsWith("survey-links", StringComparison.Ordinal) ? "$.contactIds[1]" : "$[1].comment", detail);
    }

    [Theory]
    [InlineData("/api/v1/contacts")]
    [InlineData("/api/v1/survey-links")]
    public async Task Invalid_utf8_bytes_are_a_400(string url)
    {
        var prefix = Encoding.UTF8.GetBytes(url.EndsWith("survey-links", StringComparison.Ordinal) ? """{ "contactIds": ["K""" : """[{ "comment": "bad """);
        var suffix = Encoding.UTF8.GetBytes(url.EndsWith("survey-links", StringComparison.Ordinal) ? "\"] }" : "\" }]");
        byte[] body = [.. prefix, 0xC3, 0x28, 0xFF, .. suffix];
        var detail = await ProblemDetailAsync(await fixture.Writer.PostAsync(url, Json(body)), HttpStatusCode.BadRequest);
        Assert.True(detail.Contains("not valid Unicode", StringComparison.Ordinal) || detail.Contains("not valid JSON", StringComparison.Ordinal), detail);
    }

    [Theory]
    [InlineData("/api/v1/contacts")]
    [InlineData("/api/v1/survey-links")]
    public async Task A_body_that_is_not_json_is_a_415_problem_not_the_login_form(string url)
    {
        var response = await fixture.Writer.PostAsync(url, new StringContent("contact_id\nK1\n", Encoding.UTF8, "text/csv"));
        Assert.Null(response.Headers.Location);
        await ProblemDetailAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("GET", "/api/v1/kpis?from=2026-03-01&to=2026-03-31")]
    [InlineData("POST", "/api/v1/survey-links")]
    public async Task A_signed_in_browser_without_a_key_gets_401_json_not_a_redirect(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST") request.Content = new StringContent("x", Encoding.UTF8, "text/plain");
        var response = await fixture.Browser.SendAsync(request);
        Assert.Null(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("json", response.Content.Headers.ContentType?.MediaType);
    }
}
