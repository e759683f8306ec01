using System.Text;
using CxDashboard.DemoData;
using Xunit;

namespace CxDashboard.Tests.DemoData;

/// <summary>The files as the importer sees them: columns, encoding, timestamps and determinism.</summary>
[Collection(DemoYearCollection.Name)]
public sealed class DemoDataFileFormatTests(DemoYearFixture fixture)
{
    // Copied from shared/import-formats.md on purpose, not from the generator's own column lists.
    private static readonly Dictionary<string, string> ExpectedHeaders = new()
    {
        [DemoDataFiles.Agents] = "agent_id,name,team,email",
        [DemoDataFiles.Contacts] = "contact_id,customer_id,agent_id,team,channel,reason,started_at,handle_seconds,escalated_from_bot,"
            + "customer_name,customer_phone,customer_email,do_not_contact",
        [DemoDataFiles.SurveyResponses] = "response_id,contact_id,received_at,csat,resolved,nps,comment",
        [DemoDataFiles.Engagement] = "team,period,enps,q1,q2,q3,q4,q5,q6,q7,q8",
    };

    private readonly GeneratedDemoData data = fixture.Data;

    [Theory]
    [InlineData(DemoDataFiles.Agents)]
    [InlineData(DemoDataFiles.Contacts)]
    [InlineData(DemoDataFiles.SurveyResponses)]
    [InlineData(DemoDataFiles.Engagement)]
    public void EachFile_StartsWithTheImportFormatHeader_InUtf8WithoutBom(string fileName)
    {
        var path = Path.Combine(data.Summary.OutputDirectory, fileName);
        var bytes = File.ReadAllBytes(path);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte-order mark");

        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        var header = text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
        Assert.Equal(ExpectedHeaders[fileName], header);
    }

    [Fact]
    public void CommentsWithCommas_AreQuotedAndReadBackWhole()
    {
        var text = File.ReadAllText(data.Summary.SurveyResponsesFile, Encoding.UTF8);
        Assert.Contains("\"Helt okej, men jag hade hellre löst det själv på webben.\"", text);
        Assert.Contains(data.Responses, r => r.Comment == "Helt okej, men jag hade hellre löst det själv på webben.");
    }

    [Fact]
    public void DemoAgentLogin_LinksToAnAgentOfTheFirstTeam()
    {
        var (email, team) = (data.Agents.Column("email"), data.Agents.Column("team"));
        var demoAgent = Assert.Single(data.Agents.Rows, r => r[email] == "agent@demo.local");
        Assert.Equal(fixture.Organisation.Teams[0].Name, demoAgent[team]);
        Assert.Equal(fixture.Organisation.Agents.Count, data.Agents.Rows.Count);
        Assert.Equal(data.Agents.Rows.Count, data.Agents.Rows.Select(r => r[email]).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void EveryTimestamp_CarriesTheStockholmOffsetOfItsInstant()
    {
        var timestamps = data.Contacts.Select(c => c.StartedAt).Concat(data.Responses.Select(r => r.ReceivedAt)).ToList();
        Assert.All(timestamps, t => Assert.Equal(DemoDataTestSupport.Stockholm.GetUtcOffset(t.UtcDateTime), t.Offset));

        // A year spans both changes: winter (+01:00) and summer (+02:00) times both occur.
        Assert.Contains(timestamps, t => t.Offset == TimeSpan.FromHours(1));
        Assert.Contains(timestamps, t => t.Offset == TimeSpan.FromHours(2));
    }

    [Fact]
    public void SpringForward_NoContactFallsInsideTheMissingHour()
    {
        var contacts = GenerateReferenceLoadDays(new DateOnly(2026, 3, 29), days: 2);
        var changeDay = contacts.Where(c => DateOnly.FromDateTime(c.StartedAt.DateTime) == new DateOnly(2026, 3, 29)).ToList();

        Assert.DoesNotContain(changeDay, c => c.StartedAt.Hour == 2);
        Assert.Contains(changeDay, c => c.StartedAt.Hour < 2 && c.StartedAt.Offset == TimeSpan.FromHours(1));
        Assert.Contains(changeDay, c => c.StartedAt.Hour >= 3 && c.StartedAt.Offset == TimeSpan.FromHours(2));
        Assert.All(changeDay, c => Assert.Equal(DemoDataTestSupport.Stockholm.GetUtcOffset(c.StartedAt.UtcDateTime), c.StartedAt.Offset));
    }

    [Fact]
    public void FallBack_TheRepeatedHourOccursWithBothOffsets()
    {
        var contacts = GenerateReferenceLoadDays(new DateOnly(2025, 10, 26), days: 2);
        var repeatedHour = contacts.Where(c => c.StartedAt.Date == new DateTime(2025, 10, 26) && c.StartedAt.Hour == 2).ToList();

        Assert.Contains(repeatedHour, c => c.StartedAt.Offset == TimeSpan.FromHours(2));
        Assert.Contains(repeatedHour, c => c.StartedAt.Offset == TimeSpan.FromHours(1));
        Assert.All(contacts, c => Assert.Equal(DemoDataTestSupport.Stockholm.GetUtcOffset(c.StartedAt.UtcDateTime), c.StartedAt.Offset));
    }

    [Fact]
    public void SameOptionsTwice_WriteByteIdenticalFiles_AndAnotherSeedDoesNot()
    {
        var organisation = fixture.Organisation;
        var options = new DemoGenerationOptions { EndDate = new DateOnly(2026, 1, 15), Days = 40 };
        var first = DemoDataTestSupport.NewTempDirectory();
        var second = DemoDataTestSupport.NewTempDirectory();
        var otherSeed = DemoDataTestSupport.NewTempDirectory();
        try
        {
            DemoDataGenerator.Generate(organisation, options, first);
            DemoDataGenerator.Generate(organisation, options, second);
            DemoDataGenerator.Generate(organisation, options with { Seed = options.Seed + 1 }, otherSeed);

            foreach (var file in ExpectedHeaders.Keys)
            {
                var bytes = File.ReadAllBytes(Path.Combine(first, file));
                Assert.True(bytes.Length > 0);
                Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), $"{file} differs between two runs");
            }

            Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, DemoDataFiles.Contacts)), File.ReadAllBytes(Path.Combine(otherSeed, DemoDataFiles.Contacts)));
        }
        finally
        {
            DemoDataTestSupport.DeleteQuietly(first);
            DemoDataTestSupport.DeleteQuietly(second);
            DemoDataTestSupport.DeleteQuietly(otherSeed);
        }
    }

    [Fact]
    public void ReferenceScale_Has25TeamsOf10AgentsAndAbout10000ContactsPerAgentYear()
    {
        var directory = DemoDataTestSupport.NewTempDirectory();
        try
        {
            var options = new DemoGenerationOptions { EndDate = new DateOnly(2025, 11, 30), Days = 14, Scale = DemoScale.ReferenceLoad };
            var summary = DemoDataGenerator.Generate(fixture.Organisation, options, directory);
            var agents = DemoDataTestSupport.ReadCsv(summary.AgentsFile);
            var (id, email, team) = (agents.Column("agent_id"), agents.Column("email"), agents.Column("team"));

            Assert.Equal(250, agents.Rows.Count);
            Assert.Equal(250, agents.Rows.Select(r => r[id]).Distinct().Count());
            Assert.Equal(250, agents.Rows.Select(r => r[email]).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(agents.Rows.GroupBy(r => r[team]), g => Assert.Equal(10, g.Count()));
            Assert.Equal(25, agents.Rows.Select(r => r[team]).Distinct().Count());
            Assert.Contains(agents.Rows, r => r[email] == "agent@demo.local");

            // 2.5 million a year, within the noise of two weeks in late autumn.
            var expected = 2_500_000 * 14 / 365.0;
            Assert.InRange(summary.Contacts, expected * 0.85, expected * 1.2);
            Assert.InRange(summary.SurveyResponses / (double)summary.Contacts, 0.17, 0.23);
        }
        finally
        {
            DemoDataTestSupport.DeleteQuietly(directory);
        }
    }

    /// <summary>A short stretch at the reference load, so that even night hours have contacts.</summary>
    private IReadOnlyList<DemoContact> GenerateReferenceLoadDays(DateOnly endDate, int days)
    {
        var directory = DemoDataTestSupport.NewTempDirectory();
        try
        {
            var options = new DemoGenerationOptions { EndDate = endDate, Days = days, Scale = DemoScale.ReferenceLoad };
            return new GeneratedDemoData(DemoDataGenerator.Generate(fixture.Organisation, options, directory)).Contacts;
        }
        finally
        {
            DemoDataTestSupport.DeleteQuietly(directory);
        }
    }
}
