using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Admin;

/// <summary>An administrator changes users, teams, reasons, targets and settings through the real pages.</summary>
public sealed class AdminPagesTests(AdminPagesTests.Fixture fixture) : IClassFixture<AdminPagesTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public Task InitializeAsync() => BoundaryDataset.LoadAsync(App);
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private const string March = "/?period=custom&from=2026-03-01&to=2026-03-31";
    private Task<HttpClient> Admin() => fixture.App.SignedInClientAsync("admin@test.local", Roles.Admin);

    private static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        return page.QuerySelector("[data-testid=status-message]").Text();
    }

    [Fact]
    public async Task Every_section_on_the_admin_page_opens_for_an_administrator()
    {
        var admin = await Admin();
        var page = await Html.GetDocumentAsync(admin, "/Admin");
        var links = page.QuerySelectorAll("main a.card-cx").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/Callbacks/Settings", links);
        Assert.Contains("/Maturity/Model", links);
        Assert.Contains("/hangfire", links);
        foreach (var link in links)
        {
            var response = await admin.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Only_admins_reach_the_admin_pages()
    {
        var manager = await fixture.App.SignedInClientAsync("manager-admin-test@test.local", Roles.Manager);
        var response = await manager.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        var admin = await Admin();
        var page = await Html.GetDocumentAsync(admin, "/Admin");
        Assert.Contains("Users and roles", page.QuerySelector("main").Text());
    }

    [Fact]
    public async Task An_admin_creates_a_team_limited_manager_who_then_sees_only_that_team()
    {
        var admin = await Admin();
        var t2 = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.SingleAsync(t => t.Name == "T2"));
        var response = await Html.PostFormAsync(admin, "/Admin/Users", new Dictionary<string, string>
        {
            ["Input.Email"] = "new-lead@test.local",
            ["Input.DisplayName"] = "New Lead",
            ["Input.Password"] = "Welcome!2026",
            ["Input.Roles"] = Roles.Manager,
            ["Input.TeamIds"] = t2.Id.ToString(),
        }, formSelector: "form[action*=Create]", postUrl: "/Admin/Users?handler=Create");
        Assert.Contains("created", await FollowAsync(admin, response));

        var users = await Html.GetDocumentAsync(admin, "/Admin/Users");
        var row = users.QuerySelectorAll("[data-testid=users-table] tbody tr").Select(Html.RowText).Single(r => r.Contains("new-lead@test.local"));
        Assert.Contains("Manager", row);
        Assert.Contains("T2", row);

        var lead = fixture.App.NewClient();
        await Html.SignInAsync(lead, "new-lead@test.local", "Welcome!2026");
        var dashboard = await Html.GetDocumentAsync(lead, March);
        Assert.Equal("4", dashboard.QuerySelector("[data-kpi=Contacts] [data-testid=kpi-value]").Text());
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_reason()
    {
        var admin = await Admin();
        var response = await Html.PostFormAsync(admin, "/Admin/Users", new Dictionary<string, string>
        {
            ["Input.Email"] = "weak@test.local", ["Input.DisplayName"] = "Weak", ["Input.Password"] = "alllowercase", ["Input.Roles"] = Roles.Agent,
        }, formSelector: "form[action*=Create]", postUrl: "/Admin/Users?handler=Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("uppercase", page.QuerySelector(".validation-summary-errors").Text());
    }

    [Fact]
    public async Task A_team_target_override_recolours_that_team_only()
    {
        var admin = await Admin();
        var t1 = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.SingleAsync(t => t.Name == "T1"));
        // T1's repeat rate is 75 %: red against the organisation's ≤ 15 / ≤ 20, green against an override of ≤ 80.
        var before = await Html.GetDocumentAsync(admin, $"{March}&team={t1.Id}");
        Assert.Contains("Off target", before.QuerySelector("[data-kpi=RepeatContactRate]").Text());

        var response = await Html.PostFormAsync(admin, "/Admin/Targets", new Dictionary<string, string>
        {
            ["kpi"] = "RepeatContactRate", ["teamId"] = t1.Id.ToString(), ["green"] = "80", ["amber"] = "90",
        }, formSelector: $"#target-RepeatContactRate-{t1.Id}", postUrl: "/Admin/Targets?handler=Save");
        Assert.Contains("saved", await FollowAsync(admin, response));

        var after = await Html.GetDocumentAsync(admin, $"{March}&team={t1.Id}");
        Assert.Contains("On target", after.QuerySelector("[data-kpi=RepeatContactRate]").Text());
        var organisation = await Html.GetDocumentAsync(admin, March);
        Assert.Contains("Off target", organisation.QuerySelector("[data-kpi=RepeatContactRate]").Text());
    }

    [Fact]
    public async Task After_saving_a_target_the_page_opens_at_that_row_with_the_message_beside_it()
    {
        var admin = await Admin();
        var page = await Html.GetDocumentAsync(admin, "/Admin/Targets");
        // The long table is in the page's own scroll (no inner scroll box), with a row id to come back to.
        Assert.Null(page.QuerySelector(".table-scroll [data-testid=targets-table]"));
        Assert.NotNull(page.QuerySelector(".table-page [data-testid=targets-table]"));
        var t2 = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.SingleAsync(t => t.Name == "T2"));
        Assert.NotNull(page.GetElementById($"row-target-Nps-{t2.Id}"));

        var response = await Html.PostFormAsync(admin, "/Admin/Targets", new Dictionary<string, string>
        {
            ["kpi"] = "Nps", ["teamId"] = t2.Id.ToString(), ["green"] = "20", ["amber"] = "10",
        }, formSelector: $"#target-Nps-{t2.Id}", postUrl: "/Admin/Targets?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Admin/Targets#row-target-Nps-{t2.Id}", response.Headers.Location!.OriginalString);

        var after = await Html.GetDocumentAsync(admin, response.Headers.Location.OriginalString);
        var saved = after.GetElementById($"row-target-Nps-{t2.Id}")!;
        Assert.Contains("saved", saved.NextElementSibling!.QuerySelector("[data-testid=status-message]")!.TextContent);
        Assert.Single(after.QuerySelectorAll("[data-testid=status-message]"));
    }

    [Fact]
    public async Task The_users_list_says_what_each_role_sees_not_a_team_scope_that_does_not_apply()
    {
        await fixture.App.CreateUserAsync("caller-scope@test.local", Roles.Callback);
        await fixture.App.CreateUserAsync("agent-scope@test.local", Roles.Agent);
        await fixture.App.CreateUserAsync("anna@example.test", Roles.Agent);
        var page = await Html.GetDocumentAsync(await Admin(), "/Admin/Users");
        string Sees(string email) => page.QuerySelectorAll("[data-testid=users-table] tbody tr")
            .Single(r => r.Children[1].TextContent == email).QuerySelector("[data-testid=user-scope]")!.TextContent;
        Assert.Equal("Every callback case (no KPIs)", Sees("caller-scope@test.local"));
        Assert.Equal("Nothing yet: no agent with this e-mail address", Sees("agent-scope@test.local"));
        Assert.Equal("Own scorecard only (Anna Andersson)", Sees("anna@example.test"));
        Assert.Equal("All teams", Sees("admin@test.local"));
    }

    [Fact]
    public async Task Targets_with_amber_stricter_than_green_are_refused()
    {
        var admin = await Admin();
        var response = await Html.PostFormAsync(admin, "/Admin/Targets", new Dictionary<string, string>
        {
            ["kpi"] = "CsatPercent", ["green"] = "70", ["amber"] = "80",
        }, formSelector: "#target-CsatPercent", postUrl: "/Admin/Targets?handler=Save");
        Assert.Contains("amber threshold must be at or below", await FollowAsync(admin, response));
    }

    [Fact]
    public async Task Reasons_created_by_imports_are_listed_for_review_and_can_be_named()
    {
        var admin = await Admin();
        var page = await Html.GetDocumentAsync(admin, "/Admin/Reasons");
        Assert.Contains("waiting for review", page.QuerySelector(".page-lead").Text());
        var reasonId = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ContactReasons.Where(r => r.Code == "INLOGG").Select(r => r.Id).SingleAsync());
        var response = await Html.PostFormAsync(admin, "/Admin/Reasons", new Dictionary<string, string>
        {
            ["id"] = reasonId.ToString(), ["name"] = "Inloggning och lösenord", ["complexity"] = "1",
        }, formSelector: $"#reason-{reasonId}", postUrl: "/Admin/Reasons?handler=Save");
        Assert.Contains("saved", await FollowAsync(admin, response));
        var reason = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ContactReasons.AsNoTracking().SingleAsync(r => r.Id == reasonId));
        Assert.Equal(("Inloggning och lösenord", 1, false), (reason.Name, reason.Complexity, reason.NeedsReview));
    }

    [Fact]
    public async Task Teams_can_be_added_but_not_twice()
    {
        var admin = await Admin();
        var first = await Html.PostFormAsync(admin, "/Admin/Teams", new Dictionary<string, string> { ["name"] = "Team Kiruna" },
            formSelector: "form[action*=Add]", postUrl: "/Admin/Teams?handler=Add");
        Assert.Contains("added", await FollowAsync(admin, first));
        var again = await Html.PostFormAsync(admin, "/Admin/Teams", new Dictionary<string, string> { ["name"] = "Team Kiruna" },
            formSelector: "form[action*=Add]", postUrl: "/Admin/Teams?handler=Add");
        Assert.Contains("already", await FollowAsync(admin, again));
    }
}
