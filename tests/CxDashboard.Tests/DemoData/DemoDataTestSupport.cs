using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CxDashboard.DemoData;
using Xunit;

namespace CxDashboard.Tests.DemoData;

/// <summary>Locates the shipped demo configuration and reads generated files for the demo-data tests.</summary>
internal static class DemoDataTestSupport
{
    public static readonly DateOnly EndDate = new(2026, 3, 31);

    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static string OrganisationJsonPath([CallerFilePath] string sourceFile = "")
    {
        // From the test binaries (a normal clone) or, failing that, from this source file's location.
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, DemoOrganisation.DefaultRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Could not find {DemoOrganisation.DefaultRelativePath} above {AppContext.BaseDirectory}.");
    }

    public static DemoOrganisation LoadOrganisation() => DemoOrganisation.Load(OrganisationJsonPath());

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "cx-demodata-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test run over it is not.
        }
    }

    public static CsvFile ReadCsv(string path)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',' });
        var header = reader.Headers.ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[header.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return new CsvFile(header, rows);
    }

    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

internal sealed record CsvFile(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    public int Column(string name)
    {
        var index = Header.ToList().IndexOf(name);
        return index >= 0 ? index : throw new KeyNotFoundException($"No column '{name}' in [{string.Join(",", Header)}].");
    }
}

internal sealed record DemoContact(
    string ContactId,
    string CustomerId,
    string AgentId,
    string Team,
    string Channel,
    string Reason,
    DateTimeOffset StartedAt,
    int? HandleSeconds,
    bool EscalatedFromBot,
    string CustomerName,
    string CustomerPhone,
    string CustomerEmail,
    bool DoNotContact);

internal sealed record DemoResponse(string ResponseId, string ContactId, DateTimeOffset ReceivedAt, int Csat, string Resolved, int? Nps, string Comment);

internal sealed record DemoPulseAnswer(string Team, string Period, int? Enps, IReadOnlyList<int?> Items);

/// <summary>One generated run, parsed into typed rows.</summary>
internal sealed class GeneratedDemoData
{
    public GeneratedDemoData(DemoDataSummary summary)
    {
        Summary = summary;
        Agents = DemoDataTestSupport.ReadCsv(summary.AgentsFile);
        Contacts = ParseContacts(DemoDataTestSupport.ReadCsv(summary.ContactsFile));
        Responses = ParseResponses(DemoDataTestSupport.ReadCsv(summary.SurveyResponsesFile));
        Engagement = ParseEngagement(DemoDataTestSupport.ReadCsv(summary.EngagementFile));
    }

    public DemoDataSummary Summary { get; }
    public CsvFile Agents { get; }
    public IReadOnlyList<DemoContact> Contacts { get; }
    public IReadOnlyList<DemoResponse> Responses { get; }
    public IReadOnlyList<DemoPulseAnswer> Engagement { get; }

    /// <summary>
    /// Contacts (by id) whose customer made another contact within <paramref name="window"/> after them,
    /// computed from the files as the dashboard's repeat-contact rule does.
    /// </summary>
    public HashSet<string> ContactsFollowedWithin(TimeSpan window)
    {
        var followed = new HashSet<string>();
        foreach (var customerContacts in Contacts.GroupBy(c => c.CustomerId))
        {
            var ordered = customerContacts.OrderBy(c => c.StartedAt).ToList();
            for (var i = 0; i + 1 < ordered.Count; i++)
            {
                if (ordered[i + 1].StartedAt - ordered[i].StartedAt <= window)
                {
                    followed.Add(ordered[i].ContactId);
                }
            }
        }

        return followed;
    }

    private static int? OptionalInt(string text) => text.Length == 0 ? null : int.Parse(text, CultureInfo.InvariantCulture);

    private static List<DemoContact> ParseContacts(CsvFile file)
    {
        int C(string name) => file.Column(name);
        var (id, customer, agent, team, channel, reason, started, handle, escalated, name, phone, email, doNotContact) =
            (C("contact_id"), C("customer_id"), C("agent_id"), C("team"), C("channel"), C("reason"), C("started_at"),
             C("handle_seconds"), C("escalated_from_bot"), C("customer_name"), C("customer_phone"), C("customer_email"), C("do_not_contact"));
        return file.Rows.Select(r => new DemoContact(
            r[id], r[customer], r[agent], r[team], r[channel], r[reason], DemoDataTestSupport.ParseTimestamp(r[started]),
            OptionalInt(r[handle]), bool.Parse(r[escalated]), r[name], r[phone], r[email], bool.Parse(r[doNotContact]))).ToList();
    }

    private static List<DemoResponse> ParseResponses(CsvFile file)
    {
        var (id, contact, received, csat, resolved, nps, comment) = (file.Column("response_id"), file.Column("contact_id"),
            file.Column("received_at"), file.Column("csat"), file.Column("resolved"), file.Column("nps"), file.Column("comment"));
        return file.Rows.Select(r => new DemoResponse(r[id], r[contact], DemoDataTestSupport.ParseTimestamp(r[received]),
            int.Parse(r[csat], CultureInfo.InvariantCulture), r[resolved], OptionalInt(r[nps]), r[comment])).ToList();
    }

    private static List<DemoPulseAnswer> ParseEngagement(CsvFile file)
    {
        var itemColumns = file.Header.Select((name, index) => (name, index)).Where(c => c.name.StartsWith('q')).Select(c => c.index).ToList();
        var (team, period, enps) = (file.Column("team"), file.Column("period"), file.Column("enps"));
        return file.Rows.Select(r => new DemoPulseAnswer(r[team], r[period], OptionalInt(r[enps]),
            itemColumns.Select(i => OptionalInt(r[i])).ToList())).ToList();
    }
}

/// <summary>The default demo year (the 40-agent organisation), generated and parsed once for all tests that read it.</summary>
public sealed class DemoYearFixture : IDisposable
{
    private readonly string directory = DemoDataTestSupport.NewTempDirectory();

    public DemoYearFixture()
    {
        Organisation = DemoDataTestSupport.LoadOrganisation();
        var summary = DemoDataGenerator.Generate(Organisation, new DemoGenerationOptions { EndDate = DemoDataTestSupport.EndDate }, directory);
        Data = new GeneratedDemoData(summary);
    }

    public DemoOrganisation Organisation { get; }

    internal GeneratedDemoData Data { get; }

    public void Dispose() => DemoDataTestSupport.DeleteQuietly(directory);
}

[CollectionDefinition(Name)]
public sealed class DemoYearCollection : ICollectionFixture<DemoYearFixture>
{
    public const string Name = "Demo data: default year";
}
