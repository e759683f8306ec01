using Microsoft.Extensions.DependencyInjection;
using System.Net;
using AngleSharp.Dom;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Features.Accounts;

namespace CxDashboard.Tests.Dashboard;

/// <summary>A manager signs in through the real form and reads the hand-computed numbers on the dashboard.</summary>
public sealed class DashboardPageTests(DashboardPageTests.Fixture fixture) : IClassFixture<DashboardPageTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public Task InitializeAsync() => BoundaryDataset.LoadAsync(App);
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private const string March = "/?period=custom&from=2026-03-01&to=2026-03-31";

    private static IElement Tile(IDocument page, string kpi) =>
        page.QuerySelector($"[data-kpi='{kpi}']") ?? throw new Xunit.Sdk.XunitException($"No tile {kpi}");

    private static string Value(IDocument page, string kpi) => Tile(page, kpi).QuerySelector("[data-testid=kpi-value]").Text();
    private static string N(IDocument page, string kpi) => Tile(page, kpi).QuerySelector("[data-testid=kpi-n]").Text();

    [Fact]
    public async Task Tiles_show_the_hand_computed_values_with_their_n_in_swedish_format()
    {
        var client = await fixture.App.SignedInClientAsync("manager@test.local", Roles.Manager);
        var page = await Html.GetDocumentAsync(client, March);

        Assert.Equal("9", Value(page, "Contacts"));
        Assert.Equal("44,4 %", Value(page, "RepeatContactRate"));
        Assert.Equal("contacts: 9", N(page, "RepeatContactRate"));
        Assert.Equal("85,7 %", Value(page, "ContactFcrPercent"));
        Assert.Equal("decidable: 7", N(page, "ContactFcrPercent"));
        Assert.Contains("2 contacts of the last 7 days are not yet decidable", Tile(page, "ContactFcrPercent").Text());
        Assert.Equal("60,0 %", Value(page, "CsatPercent"));
        Assert.Equal("responses: 5", N(page, "CsatPercent"));
        Assert.Equal("3,60", Value(page, "CsatMean"));
        Assert.Equal("50,0 %", Value(page, "SurveyFcrPercent"));
        Assert.Equal("answered: 4", N(page, "SurveyFcrPercent"));
        Assert.Equal("+25,0", Value(page, "Nps"));
        Assert.Contains("small sample", Tile(page, "CsatPercent").Text());
        Assert.Contains("23,1–88,2 %", Tile(page, "CsatPercent").Text()); // Wilson interval under Details
    }

    [Fact]
    public async Task Tiles_carry_a_target_status_in_words_and_handle_time_has_none()
    {
        var client = await fixture.App.SignedInClientAsync("manager@test.local", Roles.Manager);
        var page = await Html.GetDocumentAsync(client, March);
        // Default targets: CSAT green ≥ 80, amber ≥ 70 → 60 % is off target; repeat rate green ≤ 15, amber ≤ 20 → 44 % off.
        Assert.Contains("Off target", Tile(page, "CsatPercent").Text());
        Assert.Contains("status-red", Tile(page, "RepeatContactRate").ClassName);
        Assert.Contains("On target", Tile(page, "ContactFcrPercent").Text());
        var handleTime = Tile(page, "Average handle time");
        Assert.DoesNotContain("target ≥", handleTime.Text());
        Assert.Null(handleTime.QuerySelector(".status-word"));
    }

    [Fact]
    public async Task A_team_filter_in_the_query_string_changes_the_numbers_and_says_so()
    {
        var client = await fixture.App.SignedInClientAsync("manager@test.local", Roles.Manager);
        var teamId = await TeamIdAsync("T1");
        var page = await Html.GetDocumentAsync(client, $"{March}&team={teamId}");
        Assert.Equal("4", Value(page, "Contacts"));
        Assert.Equal("75,0 %", Value(page, "RepeatContactRate"));
        Assert.Contains("team T1", page.QuerySelector("[data-testid=scope-line]").Text());
        Assert.Equal(teamId.ToString(), page.QuerySelector("#team option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Breakdowns_list_reasons_channels_teams_and_agents()
    {
        var client = await fixture.App.SignedInClientAsync("manager@test.local", Roles.Manager);
        var page = await Html.GetDocumentAsync(client, March);

        var reasons = page.QuerySelectorAll("[data-testid=reasons-table] tbody tr").Select(Html.RowText).ToList();
        Assert.StartsWith("FAKTURA", reasons[0].Split(' ')[0]); // K3, K4, K5: the most frequent reason
        Assert.True(reasons.Any(r => r.StartsWith("ABONNEMANG") && r.Contains("50,0 %")), string.Join(" | ", reasons)); // 1 of 2 repeats

        var teams = page.QuerySelectorAll("[data-testid=teams-table] tbody tr").Select(Html.RowText).ToList();
        Assert.True(teams.Any(t => t.StartsWith("T1 4 ■Off target: 75,0 %")), string.Join(" | ", teams));
        Assert.True(teams.Any(t => t.StartsWith("No team (self-service) 1")), string.Join(" | ", teams));
        Assert.True(teams.Any(t => t.StartsWith("Total 9 ■Off target: 44,4 %")), string.Join(" | ", teams));

        var agents = page.QuerySelectorAll("[data-testid=agents-table] tbody tr").Select(Html.RowText).ToList();
        Assert.True(agents.Any(a => a.StartsWith("Anna Andersson scorecard of Anna Andersson T1 3")), string.Join(" | ", agents));
        var channels = page.QuerySelectorAll("[data-testid=channels-table] tbody tr").Select(Html.RowText).ToList();
        Assert.True(channels.Any(c => c.StartsWith("Chat 3")), string.Join(" | ", channels));
    }

    [Fact]
    public async Task Table_cells_show_their_target_status_by_shape_and_word_as_well_as_colour()
    {
        var client = await fixture.App.SignedInClientAsync("manager@test.local", Roles.Manager);
        var page = await Html.GetDocumentAsync(client, March);
        var t1 = page.QuerySelectorAll("[data-testid=teams-table] tbody tr").First(r => r.Children[0].TextContent.Trim() == "T1");
        // Repeat rate 75,0 % (off target), contact FCR 100,0 % (on target), CSAT 75,0 % (near target).
        var (repeat, fcr, csat) = (t1.Children[2], t1.Children[3], t1.Children[4]);
        Assert.Equal(("■", "Off target: ", "Off target"), (repeat.QuerySelector(".status-mark")!.TextContent, repeat.QuerySelector(".visually-hidden")!.TextContent, repeat.GetAttribute("title")));
        Assert.Contains("cell-red", repeat.ClassList);
        Assert.Equal(("●", "On target"), (fcr.QuerySelector(".status-mark")!.TextContent, fcr.GetAttribute("title")));
        Assert.Contains("cell-green", fcr.ClassList);
        Assert.Equal(("▲", "Near target"), (csat.QuerySelector(".status-mark")!.TextContent, csat.GetAttribute("title")));
        Assert.Contains("cell-amber", csat.ClassList);
        // Under 30 answers the CSAT cell says so in words.
        var badge = csat.QuerySelector(".badge-small-sample")!;
        Assert.Equal(("small", "Fewer than 30 responses"), (badge.TextContent, badge.GetAttribute("title")));
        // Handle time has no target: no mark.
        Assert.Null(t1.Children[7].QuerySelector(".status-mark"));
        // The reasons table too, and a key to the shapes above the tables.
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=reasons-table] .status-mark"));
        Assert.Equal(["● On target", "▲ Near target", "■ Off target", "no mark: no target for that figure"],
            page.QuerySelector("[data-testid=status-legend]")!.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task The_agents_table_opens_an_agents_scorecard_for_those_who_coach()
    {
        var manager = await Html.GetDocumentAsync(await fixture.App.SignedInClientAsync("manager@test.local", Roles.Manager), March);
        var anna = manager.QuerySelectorAll("[data-testid=agents-table] tbody tr").First(r => r.TextContent.Contains("Anna Andersson"));
        var link = anna.QuerySelector("[data-testid=scorecard-link]")!.GetAttribute("href")!;
        Assert.Matches("^/Coaching/Agent/[0-9]+[?]from=2026-03-01&to=2026-03-31$", link);
        var leader = await Html.GetDocumentAsync(await fixture.App.SignedInClientAsync("leader@test.local", Roles.Leadership), March);
        Assert.Null(leader.QuerySelector("[data-testid=scorecard-link]"));
    }

    [Fact]
    public async Task Eight_tiles_sit_in_rows_of_four()
    {
        var client = await fixture.App.SignedInClientAsync("manager@test.local", Roles.Manager);
        var page = await Html.GetDocumentAsync(client, March);
        var tiles = page.QuerySelector("[data-testid=kpi-tiles]")!;
        Assert.Equal(8, tiles.QuerySelectorAll(".kpi-tile").Length);
        Assert.Contains("kpi-grid-4", tiles.ClassList);
    }

    [Fact]
    public async Task Charts_are_inline_svg_with_words_for_screen_readers()
    {
        var client = await fixture.App.SignedInClientAsync("manager@test.local", Roles.Manager);
        var page = await Html.GetDocumentAsync(client, March);
        var charts = page.QuerySelectorAll("svg[role=img]");
        Assert.True(charts.Length >= 4);
        Assert.All(charts, c => Assert.False(string.IsNullOrWhiteSpace(c.GetAttribute("aria-label"))));
        Assert.True(charts.Any(c => c.GetAttribute("aria-label")!.StartsWith("CSAT and FCR by 31 periods")), string.Join(" | ", charts));
    }

    [Fact]
    public async Task Comments_that_look_like_formulas_are_shown_as_plain_text()
    {
        // The response comment "=cmd|' /C calc'!A0" is stored verbatim: nothing evaluates it.
        var stored = await fixture.App.WithScopeAsync(sp => Task.FromResult(
            sp.GetRequiredService<CxDashboard.Web.Data.CxDbContext>().SurveyResponses.Single(r => r.ExternalId == "R6").Comment));
        Assert.Equal("=cmd|' /C calc'!A0", stored);
    }

    [Fact]
    public async Task English_number_format_is_one_click_away()
    {
        var client = await fixture.App.SignedInClientAsync("manager@test.local", Roles.Manager);
        var response = await Html.PostFormAsync(client, March, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = March },
            formSelector: "form[action='/Account/Culture']", postUrl: "/Account/Culture");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.GetDocumentAsync(client, March);
        Assert.Equal("44.4 %", Value(page, "RepeatContactRate"));
    }

    private Task<int> TeamIdAsync(string name) => fixture.App.WithScopeAsync(sp =>
        Task.FromResult(sp.GetRequiredService<CxDashboard.Web.Data.CxDbContext>().Teams.Single(t => t.Name == name).Id));
}
