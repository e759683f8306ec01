using CxDashboard.DemoData;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace CxDashboard.Tests.Coaching;

/// <summary>
/// A team pack of a realistic team (the demo generator's 12 agents, 16 weeks of contacts, surveys with comments) read
/// back with PdfPig: an overview page, then each agent on exactly one page of their own.
/// </summary>
public sealed class CoachingPackPagingTests(CoachingPackPagingTests.Fixture fixture) : IClassFixture<CoachingPackPagingTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public static readonly DateOnly EndDate = new(2026, 3, 30);
        public int TeamId { get; private set; }
        public string TeamName { get; private set; } = "";
        public IReadOnlyList<string> AgentNames { get; private set; } = [];

        public async Task InitializeAsync()
        {
            var directory = Directory.CreateTempSubdirectory("cx-packs-");
            try
            {
                var organisation = DemoOrganisation.Load(Path.Combine(FindSeedData(), "demo", "organisation.json"));
                DemoDataGenerator.Generate(organisation, new DemoGenerationOptions
                {
                    EndDate = EndDate,
                    Days = 112, // the 12 weeks of trend and the alerts' 28 + 84 days
                    Scale = new DemoScale(1, 12) { ContactsPerYear = 15_000 },
                }, directory.FullName);
                foreach (var (kind, file) in new[] { (ImportKind.Agents, "agents.csv"), (ImportKind.Contacts, "contacts.csv"), (ImportKind.SurveyResponses, "survey_responses.csv") })
                    await App.ImportOkAsync(kind, await File.ReadAllTextAsync(Path.Combine(directory.FullName, file)));
            }
            finally
            {
                directory.Delete(true);
            }
            (TeamId, TeamName, AgentNames) = await App.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<CxDbContext>();
                var team = await db.Teams.SingleAsync();
                var agents = await db.Agents.Where(a => a.TeamId == team.Id).Select(a => a.Name).ToListAsync();
                return (team.Id, team.Name, (IReadOnlyList<string>)agents);
            });
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }

        private static string FindSeedData()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "seed-data"))) return Path.Combine(dir.FullName, "seed-data");
            throw new DirectoryNotFoundException("seed-data");
        }
    }

    [Fact]
    public async Task A_twelve_agent_team_pack_has_an_overview_and_one_page_per_agent()
    {
        Assert.Equal(12, fixture.AgentNames.Count);
        var client = await fixture.App.SignedInClientAsync("coach@paging.test", Roles.Manager);
        var from = Fixture.EndDate.AddDays(-27);
        var response = await client.GetAsync($"/Coaching/Team/{fixture.TeamId}?handler=Pack&format=pdf&from={from:yyyy-MM-dd}&to={Fixture.EndDate:yyyy-MM-dd}");
        response.EnsureSuccessStatusCode();

        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var pages = document.GetPages().Select(page => string.Join(' ', page.GetWords().Select(w => w.Text)).Replace('\u00a0', ' ')).ToList();
        Assert.Equal(1 + 12, pages.Count);
        Assert.Contains("How to read this pack", pages[0]);
        Assert.Contains("One page per agent follows (12).", pages[0]);

        // Each agent's section starts on its own page (its heading) and ends there (its last section), and no other
        // agent's section shares the page.
        var seen = new HashSet<int>();
        foreach (var name in fixture.AgentNames)
        {
            var heading = $"{name} · {fixture.TeamName}";
            var onPages = Enumerable.Range(0, pages.Count).Where(i => pages[i].Contains(heading, StringComparison.Ordinal)).ToList();
            var page = Assert.Single(onPages);
            Assert.True(page > 0, $"{name} starts after the overview");
            Assert.True(seen.Add(page), $"{name} has a page of their own");
            Assert.Contains("KPIs against the team and the target", pages[page]);
            Assert.Contains("Open coaching actions", pages[page]);
            Assert.Equal(1, Count(pages[page], "KPIs against the team and the target"));
        }
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
