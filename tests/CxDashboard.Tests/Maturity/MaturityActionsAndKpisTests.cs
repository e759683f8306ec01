using System.Net;
using AngleSharp.Dom;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Maturity;

/// <summary>
/// Live KPIs beside capabilities, over the boundary dataset (see <see cref="BoundaryDataset"/>), and improvement actions.
/// As of 2026-03-31 the live period is the last 90 days, 2026-01-01 – 2026-03-31: all 11 contacts K1–K11 and all 6 responses.
/// </summary>
public sealed class MaturityActionsAndKpisTests(MaturityActionsAndKpisTests.Fixture fixture) : IClassFixture<MaturityActionsAndKpisTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();

        public async Task InitializeAsync()
        {
            await BoundaryDataset.LoadAsync(App);
            await App.CreateUserAsync(Manager, Roles.Manager);
            await App.CreateUserAsync(Leader, Roles.Leadership);
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private const string Manager = "actions-manager@test.local";
    private const string Leader = "actions-leader@test.local";
    private CxAppFactory App => fixture.App;


    private static IElement Chip(IDocument page, string key) => page.QuerySelector($"[data-kpi-key={key}]")!;

    [Fact]
    public async Task Capabilities_show_the_live_kpis_that_bear_on_them()
    {
        var client = await App.SignInAsync(Manager);

        var strategy = await Html.GetDocumentAsync(client, "/Maturity/Capabilities/strategy");
        Assert.Contains("live KPIs 2026-01-01 – 2026-03-31", strategy.QuerySelector("[data-testid=scope-line]").Text());
        var csat = Chip(strategy, "csat").Text(); // R1 5, R3 4, R6 4 of six responses: 3/6
        Assert.Contains("CSAT 50,0 %", csat);
        Assert.Contains("■ Off target", csat);
        Assert.Contains("n = 6", csat);
        Assert.Contains("small sample", csat);
        // CSAT, CSAT mean, survey FCR, contact FCR, repeat rate and NPS have values; engagement and callbacks have none.
        Assert.Contains("0 of 6 targeted KPIs green", Chip(strategy, "kpis-on-target").Text());

        var insight = await Html.GetDocumentAsync(client, "/Maturity/Capabilities/insight");
        Assert.Contains("Responses with a comment 66,7 %", Chip(insight, "comment-share").Text()); // R1, R2, R4, R6
        Assert.Contains("Contacts with a reviewed reason 0,0 %", Chip(insight, "reviewed-reason-share").Text()); // imported codes await review

        var technology = await Html.GetDocumentAsync(client, "/Maturity/Capabilities/technology");
        Assert.Contains("Self-service share 9,1 %", Chip(technology, "self-service-share").Text()); // K8 of 11
        Assert.Contains("Bot→human escalations 100,0 %", Chip(technology, "bot-escalation-rate").Text()); // K9 from K8's session
        Assert.Contains("1 escalated", Chip(technology, "bot-escalation-rate").Text());

        var journey = await Html.GetDocumentAsync(client, "/Maturity/Capabilities/journey");
        Assert.Contains("Repeat-contact rate 36,4 %", Chip(journey, "repeat-rate").Text()); // K2, K5, K6, K11 of 11
        Assert.Contains("Contact-based FCR 66,7 %", Chip(journey, "contact-fcr").Text()); // 6 of 9 decidable

        var leadership = await Html.GetDocumentAsync(client, "/Maturity/Capabilities/leadership");
        Assert.Contains("no pulse answers in the period", Chip(leadership, "engagement-index").Text());

        var change = await Html.GetDocumentAsync(client, "/Maturity/Capabilities/change");
        Assert.Contains("No live KPI is linked", change.QuerySelector("#kpi-heading")!.ParentElement.Text());
    }

    [Fact]
    public async Task Organisation_and_roles_shows_the_callback_kpis_beside_its_score()
    {
        var page = await Html.GetDocumentAsync(await App.SignInAsync(Manager), "/Maturity/Capabilities/organisation");

        // No callback case is due in the boundary dataset's period: the chips say so with their n instead of a number.
        Assert.DoesNotContain("not available yet", Chip(page, "callback-sla-met").Text());
        Assert.Contains("0 of 0 cases due had a first attempt in time", Chip(page, "callback-sla-met").Text());
        Assert.Contains("0 of 0 follow-up answers scored 4–5", Chip(page, "recovery-rate").Text());
    }

    [Fact]
    public async Task A_reviewed_reason_counts_at_once()
    {
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            await db.ContactReasons.Where(r => r.Code == "FAKTURA").ExecuteUpdateAsync(s => s.SetProperty(r => r.NeedsReview, false));
        });
        try
        {
            var insight = await Html.GetDocumentAsync(await App.SignInAsync(Manager), "/Maturity/Capabilities/insight");
            Assert.Contains("Contacts with a reviewed reason 45,5 %", Chip(insight, "reviewed-reason-share").Text()); // K1, K3, K4, K5, K7 of 11
        }
        finally
        {
            await App.WithScopeAsync(async sp => await sp.GetRequiredService<CxDbContext>().ContactReasons
                .Where(r => r.Code == "FAKTURA").ExecuteUpdateAsync(s => s.SetProperty(r => r.NeedsReview, true)));
        }
    }

    [Fact]
    public async Task A_manager_limited_to_a_team_sees_that_teams_kpis()
    {
        var teamTwo = await App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "T2").Select(t => t.Id).SingleAsync());
        var client = await App.SignedInClientAsync("t2-manager@test.local", Roles.Manager, teamTwo);

        var strategy = await Html.GetDocumentAsync(client, "/Maturity/Capabilities/strategy");
        Assert.Contains("CSAT 0,0 %", Chip(strategy, "csat").Text()); // only R5 (3) rates a T2 contact
        Assert.Contains("n = 1", Chip(strategy, "csat").Text());
    }

    [Fact]
    public async Task An_action_needs_a_title_an_owner_and_a_due_date_and_leadership_cannot_add_one()
    {
        var manager = await App.SignInAsync(Manager);
        var response = await Html.PostFormAsync(manager, "/Maturity/Actions/Edit", new Dictionary<string, string> { ["CapabilityKey"] = "insight", ["Status"] = "Open" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=errors]").Text();
        Assert.Contains("Say what will be done", errors);
        Assert.Contains("Choose an owner", errors);
        Assert.Contains("Give a due date", errors);

        var leader = await App.SignInAsync(Leader);
        Assert.Contains("/Account/AccessDenied", (await leader.GetAsync("/Maturity/Actions/Edit")).Headers.Location!.ToString());
        var list = await Html.GetDocumentAsync(leader, "/Maturity/Actions");
        Assert.Null(list.QuerySelector("a[href='/Maturity/Actions/Edit']"));
    }

    [Fact]
    public async Task A_rounds_summary_lists_the_actions_opened_from_it()
    {
        await App.CreateUserAsync("summary-rater@test.local", Roles.Manager);
        var roundId = await MaturityTestData.OpenRoundAsync(App, "Action round", new DateOnly(2026, 3, 1), ["summary-rater@test.local"]);
        var manager = await App.SignInAsync(Manager);
        var form = await Html.GetDocumentAsync(manager, $"/Maturity/Actions/Edit?capability=technology&round={roundId}");
        Assert.Equal(roundId.ToString(), form.QuerySelector("#RoundId option[selected]")!.GetAttribute("value"));
        var fields = MaturityTestData.FormFields(form.QuerySelector("[data-testid=action-form]")!);
        fields["Title"] = "Hand over from the bot with the whole chat";
        fields["OwnerUserId"] = form.QuerySelectorAll("#OwnerUserId option").Single(o => o.Text() == Manager).GetAttribute("value")!;
        fields["Status"] = "Dropped";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(manager, $"/Maturity/Actions/Edit?capability=technology&round={roundId}", fields)).StatusCode);

        var round = await Html.GetDocumentAsync(manager, $"/Maturity/Rounds/{roundId}");
        var row = round.QuerySelectorAll("[data-testid=actions-table] tbody tr").Single(r => r.Text().Contains("Hand over from the bot"));
        Assert.Contains("Technology, self-service and AI", row.Text());
        Assert.Contains("Dropped", row.QuerySelector("[data-testid=action-status]").Text());
        Assert.Contains("Action round", row.Text());
    }
}
