using System.Net;
using System.Text;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Features.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CxDashboard.Tests.Security;

/// <summary>
/// Who may reach what: every endpoint the app maps (read from its endpoint data source, so a new page or handler is
/// in the table at once) is requested by an anonymous visitor, each demo role, a manager limited to one team and the
/// two kinds of API key, and the status each gets is compared with one table. Routes with ids are tried with an id in
/// the team-limited manager's team ("own") and one outside it ("other"). Posts are sent without the antiforgery token,
/// so they change nothing: whoever may post gets 400, whoever may not is stopped before (login, denied).
/// </summary>
public sealed class RoleMatrixTests(RoleMatrixTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<RoleMatrixTests.Fixture>
{
    public sealed class ShortDemoApp : CxAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Days", "7");
            // The table asks each endpoint once per caller; the abuse limits have their own tests.
            builder.UseSetting("Api:RateLimit:FailedKeysPerAddressPerMinute", "100000");
            builder.UseSetting("Surveys:RateLimit:PermitsPerMinute", "100000");
        }
    }

    /// <summary>The columns of the table, in order.</summary>
    public static readonly string[] Callers = ["anon", "admin", "manager", "lead", "callback", "leader", "agent", "key:read", "key:write"];

    public sealed class Fixture : IAsyncLifetime
    {
        public ShortDemoApp App { get; } = new();
        public Dictionary<string, HttpClient> Clients { get; } = [];
        public Dictionary<string, string> Ids { get; } = [];

        public async Task InitializeAsync()
        {
            await App.WithScopeAsync(sp => sp.GetRequiredService<DemoSeeder>().SeedAsync());
            await App.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<CxDbContext>();
                var lead = await db.Users.SingleAsync(u => u.Email == "teamlead@demo.local");
                var admin = await db.Users.SingleAsync(u => u.Email == "admin@demo.local");
                var ownTeam = await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
                var otherTeam = await db.Teams.Where(t => t.Id != ownTeam).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
                var ownAgent = await db.Agents.Where(a => a.TeamId == ownTeam).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
                var otherAgent = await db.Agents.Where(a => a.TeamId == otherTeam).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
                var now = App.Clock.GetUtcNow().UtcDateTime;
                CoachingAction Action(int agent) => new()
                {
                    AgentId = agent, Title = "Listen first", DueDate = new DateOnly(2026, 4, 15), CreatedByUserId = admin.Id,
                    CreatedAtUtc = now, UpdatedAtUtc = now,
                };
                var (ownAction, otherAction) = (Action(ownAgent), Action(otherAgent));
                var run = new ImportRun { UserId = admin.Id, UserName = admin.Email!, CreatedAtUtc = now, Status = ImportRunStatus.Failed, Message = "test" };
                db.AddRange(ownAction, otherAction, run);
                await db.SaveChangesAsync();

                Ids["own team"] = ownTeam.ToString();
                Ids["other team"] = otherTeam.ToString();
                Ids["own agent"] = ownAgent.ToString();
                Ids["other agent"] = otherAgent.ToString();
                Ids["own action"] = ownAction.Id.ToString();
                Ids["other action"] = otherAction.Id.ToString();
                Ids["own case"] = (await db.CallbackCases.Where(c => c.TeamId == ownTeam).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()).ToString();
                Ids["other case"] = (await db.CallbackCases.Where(c => c.TeamId == otherTeam).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()).ToString();
                Ids["round"] = (await db.MaturityRounds.OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync()).ToString();
                Ids["import run"] = run.Id.ToString();
                Assert.Equal([ownTeam], (await sp.GetRequiredService<Web.Features.Accounts.UserScopeService>().ScopeForAsync(
                    await sp.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<AppUser>>().CreateUserPrincipalAsync(lead))).TeamIds!);
                var keys = sp.GetRequiredService<ApiKeyService>();
                Ids["key:read"] = (await keys.CreateAsync("matrix read", ApiKeyScope.Read)).Secret;
                Ids["key:write"] = (await keys.CreateAsync("matrix write", ApiKeyScope.Write)).Secret;
            });

            Clients["anon"] = App.NewClient();
            foreach (var (caller, email) in new[]
                     {
                         ("admin", "admin@demo.local"), ("manager", "manager@demo.local"), ("lead", "teamlead@demo.local"),
                         ("callback", "callback@demo.local"), ("leader", "leader@demo.local"), ("agent", "agent@demo.local"),
                     })
            {
                var client = App.NewClient();
                await Html.SignInAsync(client, email, DemoSeeder.DemoPassword);
                Clients[caller] = client;
            }
            foreach (var key in new[] { "key:read", "key:write" })
            {
                var client = App.NewClient();
                client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, Ids[key]);
                Clients[key] = client;
            }
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    /// <summary>
    /// Addresses for routes with parameters; a new route with parameters fails the test until it has a line here.
    /// {own …}/{other …} are filled from the fixture's ids.
    /// </summary>
    private static readonly Dictionary<string, string[]> Samples = new()
    {
        ["/openapi/{documentName}.json"] = ["/openapi/v1.json"],
        ["/hangfire/{**path}"] = ["/hangfire"],
        ["/api/v1/kpis"] = ["/api/v1/kpis?from=2026-03-01&to=2026-03-31"],
        ["/api/v1/callbacks/kpis"] = ["/api/v1/callbacks/kpis?from=2026-03-01&to=2026-03-31"],
        ["/Callbacks/Case/{id:long}"] = ["/Callbacks/Case/{own case}", "/Callbacks/Case/{other case}"],
        ["/Coaching/Actions/Edit/{id:int}"] = ["/Coaching/Actions/Edit/{own action}", "/Coaching/Actions/Edit/{other action}"],
        ["/Coaching/Agent/{id:int}"] = ["/Coaching/Agent/{own agent}", "/Coaching/Agent/{other agent}"],
        ["/Coaching/Team/{id:int}"] = ["/Coaching/Team/{own team}", "/Coaching/Team/{other team}"],
        ["/Import/Run/{id:long}"] = ["/Import/Run/{import run}"],
        ["/Import/Template/{kind}.{format}"] = ["/Import/Template/contacts.csv"],
        ["/Maturity/Actions/Edit/{id:int?}"] = ["/Maturity/Actions/Edit"],
        ["/Maturity/Capabilities/{key}"] = ["/Maturity/Capabilities/organisation"],
        ["/Maturity/Model/Edit/{key}"] = ["/Maturity/Model/Edit/organisation"],
        ["/Maturity/Rounds/{id:int}"] = ["/Maturity/Rounds/{round}"],
        ["/Maturity/Rounds/{id:int}/Edit"] = ["/Maturity/Rounds/{round}/Edit"],
        ["/Maturity/Rounds/{id:int}/Rate"] = ["/Maturity/Rounds/{round}/Rate"],
        ["/pulse/{token}"] = ["/pulse/not-a-token"],
        ["/s/{token}"] = ["/s/not-a-token"],
        ["/Reports/Download/{month}"] = ["/Reports/Download/2026-02"],
    };

    /// <summary>
    /// The expected status of every request. login = sent to the sign-in form, denied = sent to "access denied",
    /// → /x = sent elsewhere; otherwise the HTTP status.
    /// </summary>
    private const string Expected = """
        request                                                    anon      admin     manager   lead      callback  leader    agent     key:read  key:write
        GET /                                                      login     200       200       200       →/Callbacks 200       200       login     login
        GET /?handler=Export                                       login     200       200       200       denied    200       200       login     login
        GET /Account/AccessDenied                                  200       200       200       200       200       200       200       200       200
        GET /Account/Culture                                       →/        →/        →/        →/        →/        →/        →/        →/        →/
        POST /Account/Culture                                      400       400       400       400       400       400       400       400       400
        GET /Account/Login                                         200       200       200       200       200       200       200       200       200
        POST /Account/Login                                        400       400       400       400       400       400       400       400       400
        GET /Account/Logout                                        login     login     login     login     login     login     login     login     login
        POST /Account/Logout                                       400       400       400       400       400       400       400       400       400
        GET /Admin                                                 login     200       denied    denied    denied    denied    denied    login     login
        GET /Admin/ApiKeys                                         login     200       denied    denied    denied    denied    denied    login     login
        POST /Admin/ApiKeys?handler=Create                         login     400       denied    denied    denied    denied    denied    login     login
        POST /Admin/ApiKeys?handler=Revoke                         login     400       denied    denied    denied    denied    denied    login     login
        GET /Admin/Pulse                                           login     200       denied    denied    denied    denied    denied    login     login
        POST /Admin/Pulse?handler=Renew                            login     400       denied    denied    denied    denied    denied    login     login
        GET /Admin/Reasons                                         login     200       denied    denied    denied    denied    denied    login     login
        POST /Admin/Reasons?handler=Save                           login     400       denied    denied    denied    denied    denied    login     login
        GET /Admin/Settings                                        login     200       denied    denied    denied    denied    denied    login     login
        POST /Admin/Settings                                       login     400       denied    denied    denied    denied    denied    login     login
        GET /Admin/Targets                                         login     200       denied    denied    denied    denied    denied    login     login
        POST /Admin/Targets?handler=Remove                         login     400       denied    denied    denied    denied    denied    login     login
        POST /Admin/Targets?handler=Save                           login     400       denied    denied    denied    denied    denied    login     login
        GET /Admin/Teams                                           login     200       denied    denied    denied    denied    denied    login     login
        POST /Admin/Teams?handler=Add                              login     400       denied    denied    denied    denied    denied    login     login
        POST /Admin/Teams?handler=Save                             login     400       denied    denied    denied    denied    denied    login     login
        GET /Admin/Users                                           login     200       denied    denied    denied    denied    denied    login     login
        GET /Admin/Users/Edit                                      login     404       denied    denied    denied    denied    denied    login     login
        POST /Admin/Users/Edit                                     login     400       denied    denied    denied    denied    denied    login     login
        POST /Admin/Users/Edit?handler=Password                    login     400       denied    denied    denied    denied    denied    login     login
        POST /Admin/Users?handler=Create                           login     400       denied    denied    denied    denied    denied    login     login
        POST /api/v1/agents                                        401       401       401       401       401       401       401       403       400
        GET /api/v1/callbacks                                      401       401       401       401       401       401       401       200       200
        GET /api/v1/callbacks/kpis?from=2026-03-01&to=2026-03-31   401       401       401       401       401       401       401       200       200
        GET /api/v1/contact-reasons                                401       401       401       401       401       401       401       200       200
        POST /api/v1/contacts                                      401       401       401       401       401       401       401       403       400
        POST /api/v1/engagement                                    401       401       401       401       401       401       401       403       400
        GET /api/v1/kpis?from=2026-03-01&to=2026-03-31             401       401       401       401       401       401       401       200       200
        POST /api/v1/survey-links                                  401       401       401       401       401       401       401       403       400
        POST /api/v1/survey-responses                              401       401       401       401       401       401       401       403       400
        GET /Callbacks                                             login     200       200       200       200       denied    denied    login     login
        GET /Callbacks/Case/{other case}                           login     200       200       404       200       denied    denied    login     login
        POST /Callbacks/Case/{other case}?handler=Assign           login     400       400       400       400       denied    denied    login     login
        POST /Callbacks/Case/{other case}?handler=Attempt          login     400       400       400       400       denied    denied    login     login
        POST /Callbacks/Case/{other case}?handler=Claim            login     400       400       400       400       denied    denied    login     login
        POST /Callbacks/Case/{other case}?handler=Close            login     400       400       400       400       denied    denied    login     login
        POST /Callbacks/Case/{other case}?handler=FollowUp         login     400       400       400       400       denied    denied    login     login
        POST /Callbacks/Case/{other case}?handler=Release          login     400       400       400       400       denied    denied    login     login
        GET /Callbacks/Case/{own case}                             login     200       200       200       200       denied    denied    login     login
        POST /Callbacks/Case/{own case}?handler=Assign             login     400       400       400       400       denied    denied    login     login
        POST /Callbacks/Case/{own case}?handler=Attempt            login     400       400       400       400       denied    denied    login     login
        POST /Callbacks/Case/{own case}?handler=Claim              login     400       400       400       400       denied    denied    login     login
        POST /Callbacks/Case/{own case}?handler=Close              login     400       400       400       400       denied    denied    login     login
        POST /Callbacks/Case/{own case}?handler=FollowUp           login     400       400       400       400       denied    denied    login     login
        POST /Callbacks/Case/{own case}?handler=Release            login     400       400       400       400       denied    denied    login     login
        GET /Callbacks/Settings                                    login     200       denied    denied    denied    denied    denied    login     login
        POST /Callbacks/Settings                                   login     400       denied    denied    denied    denied    denied    login     login
        POST /Callbacks/Settings?handler=SwedishHolidays           login     400       denied    denied    denied    denied    denied    login     login
        POST /Callbacks?handler=Claim                              login     400       400       400       400       denied    denied    login     login
        GET /Coaching                                              login     200       200       200       denied    denied    →/Coaching/Agent/{id} login     login
        GET /Coaching/Actions/Edit/{other action}                  login     200       200       denied    denied    denied    denied    login     login
        POST /Coaching/Actions/Edit/{other action}                 login     400       400       400       denied    denied    400       login     login
        GET /Coaching/Actions/Edit/{own action}                    login     200       200       200       denied    denied    denied    login     login
        POST /Coaching/Actions/Edit/{own action}                   login     400       400       400       denied    denied    400       login     login
        GET /Coaching/Agent/{other agent}                          login     200       200       denied    denied    denied    denied    login     login
        POST /Coaching/Agent/{other agent}?handler=AddAction       login     400       400       400       denied    denied    400       login     login
        GET /Coaching/Agent/{other agent}?handler=Pack             login     200       200       denied    denied    denied    denied    login     login
        GET /Coaching/Agent/{own agent}                            login     200       200       200       denied    denied    200       login     login
        POST /Coaching/Agent/{own agent}?handler=AddAction         login     400       400       400       denied    denied    400       login     login
        GET /Coaching/Agent/{own agent}?handler=Pack               login     200       200       200       denied    denied    200       login     login
        GET /Coaching/Team/{other team}                            login     200       200       denied    denied    denied    denied    login     login
        GET /Coaching/Team/{other team}?handler=Pack               login     200       200       denied    denied    denied    denied    login     login
        GET /Coaching/Team/{own team}                              login     200       200       200       denied    denied    denied    login     login
        GET /Coaching/Team/{own team}?handler=Pack                 login     200       200       200       denied    denied    denied    login     login
        GET /Engagement                                            login     200       200       200       denied    200       denied    login     login
        GET /Engagement?handler=Export                             login     200       200       200       denied    200       denied    login     login
        GET /Error                                                 200       200       200       200       200       200       200       200       200
        POST /Error                                                200       200       200       200       200       200       200       200       200
        GET /Exports                                               login     200       200       200       denied    denied    denied    login     login
        GET /Exports?handler=Download                              login     400       400       400       denied    denied    denied    login     login
        GET /hangfire                                              login     200       denied    denied    denied    denied    denied    login     login
        GET /health                                                200       200       200       200       200       200       200       200       200
        GET /help/metrics                                          login     200       200       200       200       200       200       login     login
        GET /Import                                                login     200       200       200       denied    denied    denied    login     login
        POST /Import                                               login     400       400       400       denied    denied    denied    login     login
        GET /Import/Run/{import run}                               login     200       404       404       denied    denied    denied    login     login
        POST /Import/Run/{import run}?handler=Discard              login     400       400       400       denied    denied    denied    login     login
        POST /Import/Run/{import run}?handler=Import               login     400       400       400       denied    denied    denied    login     login
        POST /Import/Run/{import run}?handler=ImportValid          login     400       400       400       denied    denied    denied    login     login
        GET /Import/Run/{import run}?handler=Progress              login     200       404       404       denied    denied    denied    login     login
        GET /Import/Template/contacts.csv                          login     200       200       200       denied    denied    denied    login     login
        GET /Maturity                                              login     200       200       200       denied    200       denied    login     login
        GET /Maturity/Actions                                      login     200       200       200       denied    200       denied    login     login
        GET /Maturity/Actions/Edit                                 login     200       200       200       denied    denied    denied    login     login
        POST /Maturity/Actions/Edit                                login     400       400       400       denied    denied    denied    login     login
        GET /Maturity/Capabilities/organisation                    login     200       200       200       denied    200       denied    login     login
        GET /Maturity/Model                                        login     200       200       200       denied    200       denied    login     login
        GET /Maturity/Model/Edit/organisation                      login     200       denied    denied    denied    denied    denied    login     login
        POST /Maturity/Model/Edit/organisation                     login     400       denied    denied    denied    denied    denied    login     login
        GET /Maturity/Model/Levels                                 login     200       denied    denied    denied    denied    denied    login     login
        POST /Maturity/Model/Levels                                login     400       denied    denied    denied    denied    denied    login     login
        GET /Maturity/Rounds/New                                   login     200       200       200       denied    denied    denied    login     login
        POST /Maturity/Rounds/New                                  login     400       400       400       denied    denied    denied    login     login
        GET /Maturity/Rounds/{round}                               login     200       200       200       denied    200       denied    login     login
        GET /Maturity/Rounds/{round}/Edit                          login     →/Maturity/Rounds/{id} →/Maturity/Rounds/{id} →/Maturity/Rounds/{id} denied    denied    denied    login     login
        POST /Maturity/Rounds/{round}/Edit                         login     400       400       400       denied    denied    denied    login     login
        GET /Maturity/Rounds/{round}/Rate                          login     200       200       200       denied    denied    denied    login     login
        POST /Maturity/Rounds/{round}/Rate                         login     400       400       400       denied    denied    denied    login     login
        POST /Maturity/Rounds/{round}?handler=Close                login     400       400       400       denied    400       denied    login     login
        GET /Maturity/Rounds/{round}?handler=Export                login     200       200       200       denied    200       denied    login     login
        GET /openapi/v1.json                                       200       200       200       200       200       200       200       200       200
        GET /pulse/not-a-token                                     404       404       404       404       404       404       404       404       404
        POST /pulse/not-a-token                                    400       400       400       400       400       400       400       400       400
        GET /Reports                                               login     200       200       200       denied    200       denied    login     login
        GET /Reports/Download/2026-02                              login     200       200       200       denied    200       denied    login     login
        GET /Reports/Monthly                                       login     200       200       200       denied    200       denied    login     login
        GET /Reports/Rerun                                         login     →/Reports denied    denied    denied    denied    denied    login     login
        POST /Reports/Rerun                                        login     400       denied    denied    denied    denied    denied    login     login
        POST /Reports?handler=AddSubscriber                        login     400       400       400       denied    400       denied    login     login
        POST /Reports?handler=RemoveSubscriber                     login     400       400       400       denied    400       denied    login     login
        POST /Reports?handler=Subscribe                            login     400       400       400       denied    400       denied    login     login
        POST /Reports?handler=Unsubscribe                          login     400       400       400       denied    400       denied    login     login
        GET /s/not-a-token                                         404       404       404       404       404       404       404       404       404
        POST /s/not-a-token                                        400       400       400       400       400       400       400       400       400
        """;

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_the_table_says()
    {
        var requests = await RequestsAsync();
        var table = new StringBuilder();
        table.AppendLine(Line("request", Callers));
        foreach (var (method, label, url) in requests)
        {
            var cells = new List<string>();
            foreach (var caller in Callers) cells.Add(await StatusAsync(fixture.Clients[caller], method, url));
            table.AppendLine(Line($"{method} {label}", cells));
        }
        output.WriteLine(table.ToString());
        Assert.Equal(Normalise(Expected), Normalise(table.ToString()));
    }

    /// <summary>
    /// What the team-limited manager can open — pages, workbooks, CSV and PDFs — names people and teams of their own
    /// team only: no other team's agent or team name appears anywhere in them.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/?handler=Export")]
    [InlineData("/?period=90d")]
    [InlineData("/Coaching")]
    [InlineData("/Coaching/Team/{own team}")]
    [InlineData("/Coaching/Team/{own team}?handler=Pack&format=pdf")]
    [InlineData("/Coaching/Team/{own team}?handler=Pack&format=xlsx")]
    [InlineData("/Coaching/Agent/{own agent}?handler=Pack&format=pdf")]
    [InlineData("/Engagement")]
    [InlineData("/Engagement?handler=Export&format=xlsx")]
    [InlineData("/Engagement?handler=Export&format=csv")]
    [InlineData("/Callbacks")]
    [InlineData("/Callbacks?status=all")]
    [InlineData("/Callbacks/Case/{own case}")]
    [InlineData("/Exports?handler=Download&kind=contacts&from=2026-03-01&to=2026-03-31")]
    [InlineData("/Exports?handler=Download&kind=responses&from=2026-03-01&to=2026-03-31")]
    [InlineData("/Exports?handler=Download&kind=callbacks&from=2026-03-01&to=2026-03-31")]
    [InlineData("/Maturity/Rounds/{round}?handler=Export")]
    public async Task A_team_limited_manager_sees_no_other_teams_people_in_pages_exports_and_pdfs(string sample)
    {
        var response = await fixture.Clients["lead"].GetAsync(Filled(sample));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = DocumentText(response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());

        var (own, others) = await fixture.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var ownTeam = int.Parse(fixture.Ids["own team"], System.Globalization.CultureInfo.InvariantCulture);
            var teams = await db.Teams.AsNoTracking().ToListAsync();
            var agents = await db.Agents.AsNoTracking().ToListAsync();
            var ownNames = agents.Where(a => a.TeamId == ownTeam).Select(a => a.Name).Append(teams.Single(t => t.Id == ownTeam).Name).ToList();
            var otherNames = agents.Where(a => a.TeamId != ownTeam).Select(a => a.Name)
                .Concat(teams.Where(t => t.Id != ownTeam).Select(t => t.Name))
                .Where(n => !ownNames.Contains(n)).ToList();
            return (ownNames, otherNames);
        });
        var named = others.Where(n => text.Contains(n, StringComparison.Ordinal)).ToList();
        Assert.True(named.Count == 0, $"{sample} names {string.Join(", ", named)}");
        if (!sample.Contains("Maturity", StringComparison.Ordinal) && !sample.Contains("kind=responses", StringComparison.Ordinal))
            Assert.True(own.Any(n => text.Contains(n, StringComparison.Ordinal)), $"{sample} names nobody of the own team: the check would prove nothing");
    }

    /// <summary>
    /// Another team typed into an address by the team-limited manager is refused, naming the team and no person, in
    /// pages and exports alike (before, some showed zeros labelled with the team, or all teams).
    /// </summary>
    [Theory]
    [InlineData("/?team={other team}")]
    [InlineData("/?handler=Export&team={other team}")]
    [InlineData("/?agent={other agent}")]
    [InlineData("/Engagement?team={other team}")]
    [InlineData("/Engagement?handler=Export&format=xlsx&team={other team}")]
    [InlineData("/Callbacks?team={other team}")]
    public async Task Another_team_typed_into_an_address_is_refused_by_name_without_naming_people(string sample)
    {
        var response = await fixture.Clients["lead"].GetAsync(Filled(sample));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var (otherTeam, otherAgents) = await fixture.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var id = int.Parse(fixture.Ids["other team"], System.Globalization.CultureInfo.InvariantCulture);
            return (await db.Teams.Where(t => t.Id == id).Select(t => t.Name).SingleAsync(),
                await db.Agents.Where(a => a.TeamId != int.Parse(fixture.Ids["own team"], System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Name).ToListAsync());
        });
        var message = page.QuerySelector("[data-testid=refused-message]").Text();
        // Demo teams are called "Team Sundsvall": the message says "Team Sundsvall is outside your teams.", once.
        Assert.StartsWith("Team ", otherTeam);
        Assert.Equal(sample.Contains("agent", StringComparison.Ordinal) ? "This agent is outside your teams." : $"{otherTeam} is outside your teams.", message);
        Assert.DoesNotContain(otherAgents, name => page.Body!.TextContent.Contains(name, StringComparison.Ordinal));
    }

    private static string DocumentText(string? mediaType, byte[] body)
    {
        switch (mediaType)
        {
            case "application/pdf":
                using (var pdf = UglyToad.PdfPig.PdfDocument.Open(body))
                    return string.Join(" ", pdf.GetPages().Select(p => UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(p)));
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
                using (var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(body)))
                    return string.Join("\n", workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetFormattedString()));
            default:
                var text = Encoding.UTF8.GetString(body);
                return mediaType == "text/html" ? Html.Parse(text).Body.Text() : text;
        }
    }

    private static string Line(string request, IEnumerable<string> cells) =>
        $"{request,-58}" + string.Concat(cells.Select(c => $" {c,-9}")).TrimEnd();

    private static string Normalise(string table) =>
        string.Join('\n', table.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));

    private string Filled(string sample) => fixture.Ids.Aggregate(sample, (u, id) => u.Replace("{" + id.Key + "}", id.Value));

    private async Task<IReadOnlyList<(string Method, string Label, string Url)>> RequestsAsync()
    {
        var services = fixture.App.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var requests = new List<(string Method, string Label, string Url)>();
        var seenPages = new HashSet<string>();
        var missing = new List<string>();
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .OrderBy(e => e.RoutePattern.RawText!.Length); // a page's shortest route stands for its aliases
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var labels = Samples.TryGetValue(pattern, out var samples) ? samples : [pattern];
            if (labels.Any(l => Filled(l).Contains('{'))) { missing.Add(pattern); continue; }

            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (!seenPages.Add(page.ViewEnginePath)) continue;
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                foreach (var label in labels)
                {
                    var withHandler = handler.Name is null ? label : $"{label}{(label.Contains('?') ? '&' : '?')}handler={handler.Name}";
                    requests.Add((handler.HttpMethod.ToUpperInvariant(), withHandler, Filled(withHandler)));
                }
                if (compiled.HandlerMethods.Count == 0) requests.AddRange(labels.Select(l => ("GET", l, Filled(l))));
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
                foreach (var method in methods.DefaultIfEmpty("GET"))
                    requests.AddRange(labels.Select(l => (method, l, Filled(l))));
            }
        }
        Assert.True(missing.Count == 0, $"Routes with parameters need a sample address in {nameof(Samples)}: {string.Join(", ", missing)}");
        return requests.OrderBy(r => r.Label, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Method, StringComparer.Ordinal).ToList();
    }

    private static async Task<string> StatusAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET") request.Content = new StringContent("", Encoding.UTF8, url.StartsWith("/api/", StringComparison.Ordinal) ? "application/json" : "application/x-www-form-urlencoded");
        using var response = await client.SendAsync(request);
        if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            return path switch
            {
                "/Account/Login" => "login",
                "/Account/AccessDenied" => "denied",
                _ => "→" + System.Text.RegularExpressions.Regex.Replace(path, @"/\d+(?=/|$)", "/{id}"),
            };
        }
        return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
