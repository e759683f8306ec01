using CxDashboard.Tests.DemoData;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Features.Maturity.Demo;
using CxDashboard.Web.Features.Maturity.Results;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Maturity;

/// <summary>The demo organisation (a week of data, to stay quick) comes with a maturity history that tells a story.</summary>
public sealed class MaturityDemoTests(MaturityDemoTests.Fixture fixture) : IClassFixture<MaturityDemoTests.Fixture>
{
    public sealed class ShortDemoApp : CxAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Days", "7");
        }
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public ShortDemoApp App { get; } = new();
        public Task InitializeAsync() => App.WithScopeAsync(sp => sp.GetRequiredService<DemoSeeder>().SeedAsync());
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private Task<IReadOnlyList<MaturityRoundResult>> HistoryAsync() =>
        fixture.App.WithScopeAsync(sp => sp.GetRequiredService<MaturityResultsService>().ClosedHistoryAsync());

    [Fact]
    public async Task The_demo_has_two_closed_rounds_half_a_year_apart_rated_by_five_managers()
    {
        var history = await HistoryAsync();

        Assert.Equal(2, history.Count);
        var (first, second) = (history[0], history[1]);
        Assert.Equal(new DateOnly(2026, 2, 19), second.Round.AssessedOn); // 40 days before 2026-03-31
        Assert.Equal(second.Round.AssessedOn.AddMonths(-6), first.Round.AssessedOn);
        Assert.Equal("Vintern 2025/26", second.Round.Name);
        Assert.Equal("Sommaren 2025", first.Round.Name);
        Assert.All(history, r => Assert.Equal((5, 5), (r.RatersAsked, r.RatersSubmitted)));
        Assert.Equal(first.Round.Id, second.Previous!.Id);
    }

    [Fact]
    public async Task The_demo_ratings_tell_of_a_callback_role_that_lifted_organisation_and_roles()
    {
        var history = await HistoryAsync();
        var latest = history[1];

        // Spring, worked by hand: rater levels 2.0, 2.0, 1.5, 2.0, 1.5 → 1.8.
        Assert.Equal(1.8, history[0].Capability("organisation")!.Score.Mean!.Value, 9);
        var organisation = latest.Capability("organisation")!.Score;
        Assert.Equal(latest.Capabilities.Max(c => c.Score.Change), organisation.Change);
        Assert.True(latest.Capability("change")!.Score.Change < 0, "change management slipped");
        Assert.Equal(["technology"], latest.Capabilities.Where(c => c.Score.Disagreement).Select(c => c.Key));
        Assert.True(latest.Capability("offering")!.Score.DontKnows > 0);
        Assert.Equal("offering", latest.RankedByGap[0].Key);
    }

    [Fact]
    public async Task The_demo_has_actions_in_every_status_one_of_them_overdue_and_seeding_twice_adds_nothing()
    {
        await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<MaturityDemoSeeder>().SeedAsync(DemoSeeder.DemoPassword));

        var (rounds, actions) = await fixture.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            return (await db.MaturityRounds.CountAsync(), await db.ImprovementActions.ToListAsync());
        });
        Assert.Equal(2, rounds);
        Assert.Equal(7, actions.Count);
        Assert.Equal(Enum.GetValues<ImprovementActionStatus>().Order(), actions.Select(a => a.Status).Distinct().Order());
        Assert.Single(actions, a => a.Status == ImprovementActionStatus.Open && a.DueDate < new DateOnly(2026, 3, 31));
    }

    [Fact]
    public async Task The_extra_demo_raters_can_sign_in()
    {
        var client = fixture.App.NewClient();
        await Html.SignInAsync(client, MaturityDemoSeeder.ExtraRaters[0].Email, DemoSeeder.DemoPassword);
        var page = await Html.GetDocumentAsync(client, "/Maturity");
        Assert.Contains("Vintern 2025/26", page.QuerySelector("[data-testid=scope-line]").Text());
    }

    [Fact]
    public async Task The_demo_actions_and_rater_comments_are_written_in_Swedish()
    {
        var (actions, comments) = await fixture.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            return (await db.ImprovementActions.AsNoTracking().ToListAsync(), await db.MaturityComments.AsNoTracking().Select(c => c.Text).ToListAsync());
        });
        Assert.Contains(actions, a => a.Title == "Ledningsgruppen medlyssnar på kundsamtal en gång per kvartal");
        Assert.All(actions, a => Assert.True(LanguageGuess.LooksSwedish(a.Title), a.Title));
        Assert.All(actions.Select(a => a.Notes).OfType<string>(), n => Assert.True(LanguageGuess.LooksSwedish(n), n));
        Assert.NotEmpty(comments);
        Assert.All(comments, c => Assert.True(LanguageGuess.LooksSwedish(c), c));

        // What a manager reads on the actions page.
        var client = fixture.App.NewClient();
        await Html.SignInAsync(client, MaturityDemoSeeder.ExtraRaters[1].Email, DemoSeeder.DemoPassword);
        var page = await Html.GetDocumentAsync(client, "/Maturity/Actions");
        var table = page.QuerySelector("[data-testid=actions-table]").Text();
        Assert.Contains("Inför en återringningsroll: två medarbetare per dagpass ringer upp missnöjda kunder", table);
        Assert.Contains("Mät överlämningar från bot till människa per kontaktorsak och åtgärda de tre vanligaste", table);
    }
}
