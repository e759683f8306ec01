using CxDashboard.Tests.DemoData;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Maturity;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Features.Coaching.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Coaching;

/// <summary>The demo organisation's managers are coaching the agents its story is about, in Swedish.</summary>
public sealed class CoachingDemoTests(MaturityDemoTests.Fixture fixture) : IClassFixture<MaturityDemoTests.Fixture>
{
    private const string DecliningAgentAction = "Gå igenom de senaste missnöjda svaren tillsammans och hitta mönstret";

    private Task<List<(CoachingAction Action, string Agent, string Team, string CreatedBy)>> ActionsAsync() =>
        fixture.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var rows = await db.CoachingActions.AsNoTracking()
                .Select(a => new { Action = a, Agent = a.Agent!.Name, Team = a.Agent.Team!.Name, CreatedBy = a.CreatedBy!.Email! })
                .ToListAsync();
            return rows.Select(r => (r.Action, r.Agent, r.Team, r.CreatedBy)).ToList();
        });

    [Fact]
    public async Task The_demo_agents_in_the_story_have_coaching_actions_written_in_Swedish()
    {
        var actions = await ActionsAsync();

        Assert.Equal(9, actions.Count);
        var declining = Assert.Single(actions, a => a.Agent == "Peter Sandberg");
        Assert.Equal((DecliningAgentAction, CoachingActionStatus.InProgress), (declining.Action.Title, declining.Action.Status));
        Assert.Contains(actions, a => a.Agent == "Johan Berg" && a.Action.Title == "Bekräfta att fakturafrågan är löst innan samtalet avslutas");
        Assert.Single(actions, a => a.Action.Status == CoachingActionStatus.Done && a.Action.CompletedOn is not null);
        Assert.Single(actions, a => a.Action.Status == CoachingActionStatus.Open && a.Action.DueDate < new DateOnly(2026, 3, 31));
        Assert.All(actions, a => Assert.True(LanguageGuess.LooksSwedish(a.Action.Title), a.Action.Title));
        Assert.All(actions.Select(a => a.Action.Notes).OfType<string>(), n => Assert.True(LanguageGuess.LooksSwedish(n), n));
        Assert.All(actions, a => Assert.Equal(a.Team == "Team Luleå" ? CoachingDemoSeeder.TeamLeadLogin : CoachingDemoSeeder.ManagerLogin, a.CreatedBy));
    }

    [Fact]
    public async Task A_manager_reads_the_action_on_the_agents_scorecard_and_seeding_again_adds_nothing()
    {
        await fixture.App.WithScopeAsync(async sp => await sp.GetRequiredService<CoachingDemoSeeder>()
            .SeedAsync(CxDashboard.DemoData.DemoOrganisation.LoadShipped()));
        var actions = await ActionsAsync();
        Assert.Equal(9, actions.Count);

        var client = fixture.App.NewClient();
        await Html.SignInAsync(client, CoachingDemoSeeder.ManagerLogin, DemoSeeder.DemoPassword);
        var page = await Html.GetDocumentAsync(client, $"/Coaching/Agent/{actions.Single(a => a.Agent == "Peter Sandberg").Action.AgentId}");
        Assert.Contains(DecliningAgentAction, page.QuerySelector("[data-testid=actions-table]").Text());
    }
}
