using System.Text;
using CxDashboard.DemoData;
using Xunit;

namespace CxDashboard.Tests.DemoData;

/// <summary>The shipped seed-data/demo/organisation.json and the loader's validation.</summary>
public sealed class DemoOrganisationConfigTests
{
    private readonly DemoOrganisation organisation = DemoDataTestSupport.LoadOrganisation();

    [Fact]
    public void ShippedOrganisation_HasAFewTeamsOfSwedishNamedAgents()
    {
        Assert.InRange(organisation.Teams.Count, 3, 6);
        Assert.InRange(organisation.Agents.Count, 30, 50);
        Assert.All(organisation.Teams, t => Assert.True(organisation.Agents.Count(a => a.Team == t.Name) >= 3, $"{t.Name} has too few agents"));
        Assert.All(organisation.Agents.Where(a => a.Email != "agent@demo.local"),
            a => Assert.Matches(@"^[a-z\-]+\.[a-z\-]+@demo\.local$", a.Email));

        var demoAgent = Assert.Single(organisation.Agents, a => a.Email == "agent@demo.local");
        Assert.Equal(organisation.Teams[0].Name, demoAgent.Team);
    }

    [Fact]
    public void ShippedOrganisation_HasQualityProfilesForTheCoachingStories()
    {
        int AgentsWith(string profile) => organisation.Agents.Count(a => a.Profile == profile);
        Assert.InRange(AgentsWith("quickRepeat"), 2, 6);
        Assert.InRange(AgentsWith("excellent"), 2, 6);

        var quick = organisation.AgentProfiles["quickRepeat"];
        Assert.True(quick.HandleTimeFactor < 1 && quick.RepeatFactor > 1, "short handle time, many repeats");
    }

    [Fact]
    public void ShippedOrganisation_DescribesTheContactReasons()
    {
        Assert.InRange(organisation.Reasons.Count, 8, 12);
        var codes = organisation.Reasons.Select(r => r.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { "FAKTURA", "BETALNING", "FLYTT", "FEL", "AVSLUT", "INLOGG", "KLAGOMAL" }, codes);
        Assert.All(organisation.Reasons, r =>
        {
            Assert.InRange(r.Complexity, 1, 5);
            Assert.False(string.IsNullOrWhiteSpace(r.NameSv));
            Assert.False(string.IsNullOrWhiteSpace(r.NameEn));
        });

        // Frequency × complexity: the invoice question is frequent and simple, a fault is complex.
        var invoice = organisation.Reasons.Single(r => r.Code == "FAKTURA");
        Assert.Equal(organisation.Reasons.Max(r => r.Share), invoice.Share);
        Assert.True(invoice.Complexity <= 2 && organisation.Reasons.Single(r => r.Code == "FEL").Complexity >= 4);
    }

    [Fact]
    public void ShippedOrganisation_ChannelMixMovesFromPhoneToDigital()
    {
        var phone = organisation.Channels.Single(c => c.Code == "phone");
        var selfService = organisation.Channels.Single(c => c.Code == "selfservice");
        Assert.True(phone.Share.Start > phone.Share.End);
        Assert.True(selfService.Share.End > selfService.Share.Start);
        Assert.False(selfService.AgentHandled);
    }

    [Fact]
    public void CommentBank_IsMostlySwedishAndCoversEverySentiment()
    {
        var comments = organisation.Comments;
        Assert.True(comments.Count >= 90, $"{comments.Count} comments");
        Assert.True(comments.Count(c => c.Language == "sv") >= comments.Count * 0.75, "the bank is mostly Swedish");
        foreach (var sentiment in Enum.GetValues<Sentiment>())
        {
            Assert.Contains(comments, c => c.Language == "sv" && c.Sentiment == sentiment);
            Assert.Contains(comments, c => c.Language == "en" && c.Sentiment == sentiment);
        }

        Assert.Contains(comments, c => c.Text == "Tredje gången jag ringer om samma faktura.");
        Assert.Contains(comments, c => c.EscalatedFromBot && c.Sentiment == Sentiment.Negative);
    }

    [Fact]
    public void CommentBank_LanguageFieldSaysWhatTheTextIsWrittenIn()
    {
        Assert.All(organisation.Comments.Where(c => c.Language == "sv"),
            c => Assert.True(LanguageGuess.LooksSwedish(c.Text), $"'{c.Text}' is marked sv but does not read as Swedish"));
        Assert.All(organisation.Comments.Where(c => c.Language == "en"),
            c => Assert.True(LanguageGuess.LooksEnglish(c.Text), $"'{c.Text}' is marked en but does not read as English"));
    }

    [Fact]
    public void ShippedOrganisation_IsSwedishWithAFewEnglishSpeakingCustomers()
    {
        Assert.InRange(organisation.Customers.EnglishSpeakingShare, 0.01, 0.08);
        Assert.All(organisation.Engagement.Items, i => Assert.True(LanguageGuess.LooksSwedish(i.Text), i.Text));
        Assert.All(organisation.Reasons, r => Assert.True(LanguageGuess.Score(r.NameSv) >= 0 && LanguageGuess.Score(r.NameEn) <= 0, r.Code));
    }

    [Fact]
    public void LoadShipped_ReadsTheSameOrganisationAsTheSeedFile()
    {
        var shipped = DemoOrganisation.LoadShipped();
        Assert.Equal(organisation.Name, shipped.Name);
        Assert.Equal(organisation.Agents.Select(a => a.Email), shipped.Agents.Select(a => a.Email));
        Assert.Equal(organisation.Comments.Count, shipped.Comments.Count);
    }

    [Fact]
    public void Load_RejectsAnAgentInAnUnknownTeam()
    {
        var json = File.ReadAllText(DemoDataTestSupport.OrganisationJsonPath())
            .Replace("\"team\": \"Team Malmö\", \"email\": \"gustav.wallin", "\"team\": \"Team Kiruna\", \"email\": \"gustav.wallin", StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<InvalidDataException>(() => DemoOrganisation.Load(stream));
        Assert.Contains("Team Kiruna", error.Message);
    }

    [Fact]
    public void Load_RejectsAMisspeltKey()
    {
        var json = File.ReadAllText(DemoDataTestSupport.OrganisationJsonPath())
            .Replace("\"repeatPropensity\": 0.22", "\"repeatPropensty\": 0.22", StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<InvalidDataException>(() => DemoOrganisation.Load(stream));
        Assert.Contains("repeatPropensty", error.Message);
    }

    [Fact]
    public void Generate_RejectsAScaleWithFewerAgentsThanTeams()
    {
        var options = new DemoGenerationOptions { EndDate = DemoDataTestSupport.EndDate, Scale = new DemoScale(Teams: 10, Agents: 5) };
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoDataGenerator.Generate(organisation, options, Path.GetTempPath()));
    }
}
