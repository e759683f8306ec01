using ClosedXML.Excel;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Journeys;

/// <summary>
/// A manager limited to one team (Team Luleå in the demo) sees that team only, wherever they click: dashboard, its
/// export, coaching, callbacks, engagement. An address typed by hand for another team is refused with a reason.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed class TeamLeadJourney(JourneyApp app)
{
    private const string Who = "teamlead";
    private const string OwnTeam = "Team Luleå";

    [Fact]
    public async Task A_team_lead_sees_only_their_team_everywhere_they_can_click()
    {
        var page = await app.SignInAsync("teamlead@demo.local");
        await app.CheckAsync(page, Who);
        Assert.Contains($"your teams ({OwnTeam})", await page.Locator("[data-testid=scope-line]").InnerTextAsync());
        Assert.Equal([OwnTeam], (await page.Locator("#team option").AllInnerTextsAsync()).Skip(1));
        Assert.All(await page.Locator("[data-testid=teams-table] tbody tr td:first-child").AllInnerTextsAsync(), team => Assert.Contains(team.Trim(), new[] { OwnTeam, "Total" }));
        var agentTeams = await page.Locator("[data-testid=agents-table] tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.NotEmpty(agentTeams);
        Assert.All(agentTeams, team => Assert.Equal(OwnTeam, team.Trim()));

        // The workbook of the same view holds the same team only.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = Ui.ExportToExcel }).ClickAsync());
        using (var workbook = new XLWorkbook(await JourneyApp.SaveAsync(download)))
        {
            var teams = workbook.Worksheet("By team").RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).Where(t => t != "Total").ToList();
            Assert.Equal([OwnTeam], teams);
        }

        // Coaching: the team and its agents' alerts only.
        await page.RunAndWaitForPageAsync(() => JourneyApp.Nav(page, Ui.NavCoaching).ClickAsync());
        await app.CheckAsync(page, Who);
        Assert.Equal([OwnTeam], (await page.Locator("[data-testid=teams-table] tbody tr td:first-child").AllInnerTextsAsync()).Select(t => t.Trim()));
        var ownAgents = await app.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Agents.Where(a => a.Team!.Name == OwnTeam).Select(a => a.ExternalId).ToListAsync());
        Assert.All(await page.Locator("[data-testid=coaching-alert]").EvaluateAllAsync<string[]>("alerts => alerts.map(a => a.dataset.agent)"),
            agent => Assert.Contains(agent, ownAgents));

        // Callbacks: the team's cases only, and the team list holds only the team.
        await page.RunAndWaitForPageAsync(() => JourneyApp.Nav(page, Ui.NavCallbacks).ClickAsync());
        await app.CheckAsync(page, Who);
        Assert.Equal([OwnTeam], (await page.Locator("#team option").AllInnerTextsAsync()).Skip(1));
        var cases = await page.Locator("[data-testid=worklist] tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.Contains(OwnTeam, c));

        // Engagement: the team's rows only.
        await page.RunAndWaitForPageAsync(() => JourneyApp.Nav(page, Ui.NavEngagement).ClickAsync());
        await app.CheckAsync(page, Who);
        Assert.All(await page.Locator("[data-testid=latest-table] tbody tr td:first-child").AllInnerTextsAsync(),
            team => Assert.True(team.Trim() == OwnTeam || team.StartsWith("All shown teams"), team));

        // Another team's address, typed by hand: refused, with the reason, and none of its figures.
        var other = await app.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "Team Sundsvall").Select(t => t.Id).SingleAsync());
        await page.GotoAsync($"{app.BaseUrl}/?team={other}");
        var body = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Team Sundsvall is outside your teams", body);
        Assert.Equal(0, await page.Locator("[data-kpi=Contacts] [data-testid=kpi-value]").CountAsync());
        await JourneyApp.ScreenshotAsync(page, "teamlead-other-team-refused");
    }
}
