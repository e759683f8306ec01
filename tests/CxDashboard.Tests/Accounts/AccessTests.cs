using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Accounts;

public sealed class AccessTests(AccessTests.Fixture fixture) : IClassFixture<AccessTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public Task InitializeAsync() => BoundaryDataset.LoadAsync(App);
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private const string March = "/?period=custom&from=2026-03-01&to=2026-03-31";

    /// <summary>Every Razor page of the app, found from its endpoints so that new pages are covered too.</summary>
    private IReadOnlyList<(string Route, bool Anonymous)> Pages()
    {
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => ("/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .Where(p => !p.Item1.Contains('{'))
            .Distinct()
            .ToList();
    }

    [Fact]
    public async Task Every_page_but_sign_in_sends_an_anonymous_visitor_to_the_login_form()
    {
        var client = fixture.App.NewClient();
        var pages = Pages();
        Assert.Contains(pages, p => p.Route == "/");
        foreach (var (route, anonymous) in pages.Where(p => !p.Anonymous))
        {
            var response = await client.GetAsync(route);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route} answered {(int)response.StatusCode}");
            Assert.StartsWith("http://localhost/Account/Login?ReturnUrl=", response.Headers.Location!.ToString());
        }
        Assert.All(pages.Where(p => p.Anonymous), p => Assert.True(
            p.Route.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase) || p.Route is "/Error" or "/s" or "/pulse",
            $"{p.Route} is open to anonymous visitors"));
    }

    [Fact]
    public async Task The_api_answers_401_without_a_key_and_with_a_wrong_one()
    {
        var client = fixture.App.NewClient();
        var response = await client.GetAsync("/api/v1/kpis?from=2026-03-01&to=2026-03-31");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        client.DefaultRequestHeaders.Add("X-Api-Key", "cxd_nope_nope");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/kpis?from=2026-03-01&to=2026-03-31")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_without_an_api_key_still_gets_401_from_the_api()
    {
        var client = await fixture.App.SignedInClientAsync("admin-api@test.local", Roles.Admin);
        var response = await client.GetAsync("/api/v1/kpis?from=2026-03-01&to=2026-03-31");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_manager_limited_to_a_team_sees_only_that_team_even_when_asking_for_another()
    {
        var (t1, t2) = await TeamIdsAsync();
        var client = await fixture.App.SignedInClientAsync("lead-t2@test.local", Roles.Manager, t2);

        var page = await Html.GetDocumentAsync(client, March);
        Assert.Equal("4", page.QuerySelector("[data-kpi=Contacts] [data-testid=kpi-value]").Text()); // K3, K4, K10, K11
        Assert.Equal("25,0 %", page.QuerySelector("[data-kpi=RepeatContactRate] [data-testid=kpi-value]").Text());
        Assert.Contains("your teams (T2)", page.QuerySelector("[data-testid=scope-line]").Text());
        Assert.DoesNotContain(page.QuerySelectorAll("#team option"), o => o.TextContent == "T1");

        // Asking for the other team (or one of its agents) by URL is refused, naming the team but never the person.
        var other = await client.GetAsync($"{March}&team={t1}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("Team T1 is outside your teams.", Html.Parse(await other.Content.ReadAsStringAsync()).QuerySelector("[data-testid=refused-message]").Text());
        var a1 = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Agents.Where(a => a.ExternalId == "A1").Select(a => a.Id).SingleAsync());
        var otherAgent = await client.GetAsync($"{March}&agent={a1}");
        Assert.Equal(HttpStatusCode.Forbidden, otherAgent.StatusCode);
        var body = await otherAgent.Content.ReadAsStringAsync();
        Assert.Equal("This agent is outside your teams.", Html.Parse(body).QuerySelector("[data-testid=refused-message]").Text());
        Assert.DoesNotContain("Anna", body);
        var export = await client.GetAsync($"/?handler=Export&period=custom&from=2026-03-01&to=2026-03-31&agent={a1}");
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.DoesNotContain("Anna", await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_agent_sees_only_their_own_numbers()
    {
        await fixture.App.CreateUserAsync("anna@example.test", Roles.Agent); // the e-mail of agent A1 links the login
        var client = fixture.App.NewClient();
        await Html.SignInAsync(client, "anna@example.test", CxAppFactory.Password);
        var page = await Html.GetDocumentAsync(client, March);

        Assert.Equal("3", page.QuerySelector("[data-kpi=Contacts] [data-testid=kpi-value]").Text()); // K2, K6, K9
        Assert.Contains("your own contacts", page.QuerySelector("[data-testid=scope-line]").Text());
        Assert.Null(page.QuerySelector("[data-testid=agents-table]"));
        Assert.Null(page.QuerySelector("#agent"));
        // An agent filter in the URL cannot widen the view to someone else.
        var other = await Html.GetDocumentAsync(client, $"{March}&agent=2");
        Assert.Equal("3", other.QuerySelector("[data-kpi=Contacts] [data-testid=kpi-value]").Text());
    }

    [Fact]
    public async Task An_agent_login_without_a_linked_agent_sees_no_data()
    {
        var client = await fixture.App.SignedInClientAsync("unlinked-agent@test.local", Roles.Agent);
        var page = await Html.GetDocumentAsync(client, March);
        Assert.Equal("0", page.QuerySelector("[data-kpi=Contacts] [data-testid=kpi-value]").Text());
    }

    [Fact]
    public async Task Callback_staff_start_on_the_worklist_not_the_dashboard()
    {
        var client = await fixture.App.SignedInClientAsync("caller@test.local", Roles.Callback);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Callbacks", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Wrong_password_and_disabled_accounts_cannot_sign_in()
    {
        await fixture.App.CreateUserAsync("soon-disabled@test.local", Roles.Manager);
        var client = fixture.App.NewClient();
        var wrong = await Html.PostFormAsync(client, "/Account/Login",
            new Dictionary<string, string> { ["Email"] = "soon-disabled@test.local", ["Password"] = "wrong-password" }, postUrl: "/Account/Login");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("not right", await wrong.Content.ReadAsStringAsync());
        Assert.Null(wrong.Headers.Location);

        await fixture.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == "soon-disabled@test.local");
            await sp.GetRequiredService<UserAdminService>().UpdateAsync(user.Id, "x", [Roles.Manager], [], disabled: true);
        });
        var disabled = await Html.PostFormAsync(client, "/Account/Login",
            new Dictionary<string, string> { ["Email"] = "soon-disabled@test.local", ["Password"] = CxAppFactory.Password }, postUrl: "/Account/Login");
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Contains("disabled", await disabled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_login_post_without_the_antiforgery_token_is_refused()
    {
        var client = fixture.App.NewClient();
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "manager@test.local", ["Password"] = CxAppFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Task<(int, int)> TeamIdsAsync() => fixture.App.WithScopeAsync(sp =>
    {
        var teams = sp.GetRequiredService<CxDbContext>().Teams.ToDictionary(t => t.Name, t => t.Id);
        return Task.FromResult((teams["T1"], teams["T2"]));
    });
}
