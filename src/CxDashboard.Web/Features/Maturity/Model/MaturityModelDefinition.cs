using System.Globalization;
using System.Text.Json.Serialization;

namespace CxDashboard.Web.Features.Maturity.Model;

/// <summary>A text in both product languages. Pages show the one of the request's UI culture.</summary>
public sealed record LocalizedText(string Sv, string En)
{
    public string In(string language) => language == "sv" ? Sv : En;

    /// <summary>Swedish for a Swedish UI culture, English otherwise.</summary>
    [JsonIgnore]
    public string Current => In(CurrentLanguage);

    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv" ? "sv" : "en";

    public override string ToString() => Current;
}

public sealed record MaturityLevel(int Level, LocalizedText Name);

public sealed record MaturityStatement(string Key, LocalizedText Text);

/// <summary>One capability: what it means, what levels 1–5 look like, the statements raters score, and the live KPIs that bear on it.</summary>
public sealed record MaturityCapability(
    string Key,
    LocalizedText Name,
    LocalizedText Definition,
    IReadOnlyList<LocalizedText> Levels,
    IReadOnlyList<MaturityStatement> Statements,
    IReadOnlyList<string> Kpis)
{
    public LocalizedText LevelDescription(int level) => Levels[level - 1];
}

/// <summary>
/// The maturity model as data (seed-data/maturity-model.json): immutable once stored as a version, so a round always
/// reads the text its raters saw.
/// </summary>
public sealed record MaturityModelDefinition(
    LocalizedText Name,
    LocalizedText Scale,
    IReadOnlyList<MaturityLevel> Levels,
    IReadOnlyList<MaturityCapability> Capabilities)
{
    public const int LevelCount = 5;

    public MaturityCapability? Capability(string key) => Capabilities.FirstOrDefault(c => c.Key == key);

    public LocalizedText LevelName(int level) => Levels.First(l => l.Level == level).Name;

    /// <summary>The name of the level a mean score falls in (2.5 rounds to 3, as a rater's whole-number level would).</summary>
    public LocalizedText LevelNameOf(double score) => LevelName(Math.Clamp((int)Math.Round(score, MidpointRounding.AwayFromZero), 1, LevelCount));

    [JsonIgnore]
    public IEnumerable<MaturityStatement> AllStatements => Capabilities.SelectMany(c => c.Statements);

    public MaturityModelDefinition WithCapability(MaturityCapability capability) => this with
    {
        Capabilities = Capabilities.Select(c => c.Key == capability.Key ? capability : c).ToList(),
    };
}
