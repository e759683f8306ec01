using System.Net;
using CxDashboard.Tests.Api;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Features.Accounts;

namespace CxDashboard.Tests.Admin;

/// <summary>The Admin → API keys page: create (shown once), last used, revoke, for administrators only.</summary>
public sealed class ApiKeysPageTests(ApiKeysPageTests.Fixture fixture) : IClassFixture<ApiKeysPageTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public ApiAppFactory App { get; } = new();
        public void Dispose() => App.Dispose();
    }

    private const string Kpis = "/api/v1/kpis?from=2026-03-01&to=2026-03-31";

    [Fact]
    public async Task An_admin_creates_a_key_sees_it_once_sees_it_used_and_revokes_it()
    {
        var admin = await fixture.App.SignedInClientAsync("admin-keys@test.local", Roles.Admin);
        var created = await Html.PostFormAsync(admin, "/Admin/ApiKeys", new Dictionary<string, string> { ["Name"] = "Telephony platform", ["Scope"] = "Write" },
            "[data-testid=create-form]", "/Admin/ApiKeys?handler=Create");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var page = Html.Parse(await created.Content.ReadAsStringAsync());
        var secret = page.QuerySelector("[data-testid=new-key-value]")!.GetAttribute("value")!;
        Assert.Matches("^cxd_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}$", secret);
        var prefix = secret.Split('_')[1];
        var row = page.QuerySelectorAll("[data-testid=keys-table] tbody tr").Single(r => r.Text().Contains("Telephony platform"));
        Assert.Equal($"Telephony platform cxd_{prefix}_… write 2026-03-31 12:00 never ● Active Revoke", Html.RowText(row));

        // Shown once: the list never carries the secret.
        var list = await Html.GetDocumentAsync(admin, "/Admin/ApiKeys");
        Assert.DoesNotContain(secret, list.DocumentElement.OuterHtml);
        Assert.Null(list.QuerySelector("[data-testid=new-key]"));

        var system = fixture.App.NewClient();
        system.DefaultRequestHeaders.Add("X-Api-Key", secret);
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync(Kpis)).StatusCode);
        var used = await Html.GetDocumentAsync(admin, "/Admin/ApiKeys");
        var keyRow = used.QuerySelectorAll("[data-testid=keys-table] tbody tr").Single(r => r.Text().Contains("Telephony platform"));
        Assert.Equal("2026-03-31 12:05", keyRow.QuerySelector("[data-testid=last-used]").Text());

        var id = keyRow.GetAttribute("data-key-id")!;
        var revoked = await Html.PostFormAsync(admin, "/Admin/ApiKeys", new Dictionary<string, string>(), postUrl: $"/Admin/ApiKeys?handler=Revoke&id={id}");
        var after = Html.Parse(await revoked.Content.ReadAsStringAsync());
        Assert.Contains("is revoked: requests with it now get 401", after.QuerySelector("[data-testid=message]").Text());
        Assert.StartsWith("Revoked 2026-03-31", after.QuerySelector($"tr[data-key-id='{id}'] [data-testid=status]").Text());
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.GetAsync(Kpis)).StatusCode);
    }

    [Fact]
    public async Task A_key_needs_a_name_and_the_page_is_for_administrators_only()
    {
        var admin = await fixture.App.SignedInClientAsync("admin-keys2@test.local", Roles.Admin);
        var response = await Html.PostFormAsync(admin, "/Admin/ApiKeys", new Dictionary<string, string> { ["Name"] = "  ", ["Scope"] = "Read" },
            "[data-testid=create-form]", "/Admin/ApiKeys?handler=Create");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Give the key a name", page.QuerySelector("#name-error").Text());
        Assert.Null(page.QuerySelector("[data-testid=new-key]"));

        var manager = await fixture.App.SignedInClientAsync("manager-keys@test.local", Roles.Manager);
        var denied = await manager.GetAsync("/Admin/ApiKeys");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_create_api_key_verb_prints_a_key_once_that_the_api_accepts_with_its_scope()
    {
        _ = fixture.App.Server; // migrated database
        var run = await CliRunner.RunAsync(fixture.App.ConnectionString, fixture.App.Clock.GetUtcNow(), "create-api-key", "--name", "nightly export", "--scope", "read");
        Assert.True(run.ExitCode == 0, run.Error);
        var key = run.Out.Trim();
        Assert.Matches("^cxd_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}$", key);
        Assert.Contains("it is not shown again", run.Error);

        var client = fixture.App.NewClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Kpis)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/agents", "[]")).StatusCode);
    }
}
