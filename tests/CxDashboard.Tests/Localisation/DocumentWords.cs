using System.Text.RegularExpressions;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Tests.Localisation;

/// <summary>
/// What a document in one language may and may not contain: the other language's KPI and channel names (as whole words;
/// a name the languages share, such as "NPS", or one inside the other's, such as "CSAT" in "Kundnöjdhet (CSAT)", is not
/// a giveaway).
/// </summary>
public static class DocumentWords
{
    public static readonly Vocabulary Swedish = Vocabulary.For("sv-SE");
    public static readonly Vocabulary English = Vocabulary.For("en-GB");

    private static readonly KpiKind[] Kpis = Enum.GetValues<KpiKind>();

    public static IEnumerable<string> KpiAndChannelNames(Vocabulary words) =>
        Kpis.Select(words.Kpi).Concat(Channels.All.Select(words.Channel));

    /// <summary>The names in <paramref name="other"/> that never appear in <paramref name="own"/>'s names.</summary>
    public static IReadOnlyList<string> ForeignNames(Vocabulary own, Vocabulary other)
    {
        var ownNames = KpiAndChannelNames(own).ToList();
        return KpiAndChannelNames(other).Distinct().Where(name => !ownNames.Any(o => Contains(o, name))).ToList();
    }

    /// <summary>Whether <paramref name="word"/> stands in <paramref name="text"/> as a whole word (not "Chat" in "Chatt").</summary>
    public static bool Contains(string text, string word) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\-]){Regex.Escape(word)}(?![\p{{L}}])");

    /// <summary>Fails with the words found when a document holds any of the other language's KPI or channel names.</summary>
    public static void AssertNoneOf(IEnumerable<string> foreign, string document)
    {
        var found = foreign.Where(name => Contains(document, name)).ToList();
        Assert.True(found.Count == 0, $"Words of the other language: {string.Join(", ", found)}");
    }
}
