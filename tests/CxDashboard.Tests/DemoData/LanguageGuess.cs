using System.Text.RegularExpressions;

namespace CxDashboard.Tests.DemoData;

/// <summary>
/// Tells Swedish from English free text by its own words (common function words of each language, and å/ä/ö), so a
/// test of the demo's language does not trust a language field that could be wrong.
/// </summary>
internal static partial class LanguageGuess
{
    // Words frequent in one language and absent (or very rare) in the other; "i", "in", "a" and the like are left out on purpose.
    private static readonly HashSet<string> SwedishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "och", "att", "det", "är", "jag", "inte", "som", "en", "ett", "på", "för", "med", "till", "har", "var", "mig",
        "min", "mitt", "mina", "ni", "er", "ert", "fick", "men", "kunde", "ingen", "inget", "någon", "något", "bra", "tack",
        "den", "de", "om", "så", "nu", "allt", "av", "vi", "oss", "hon", "han", "kunden", "kunder", "kunderna", "efter",
        "när", "redan", "fortfarande", "direkt", "samma", "innan", "också", "bara", "mycket", "ärendet", "gick", "igenom",
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "to", "is", "it", "was", "my", "for", "not", "that", "have", "had", "you", "of", "me", "but", "thank",
        "thanks", "with", "still", "no", "again", "someone", "nobody", "answer", "been", "should", "this", "be", "would",
        "i'm", "at", "got", "great", "help", "really", "time", "same", "could", "though", "whether", "sorted", "now",
    };

    public static bool LooksSwedish(string text) => Score(text) > 0;

    public static bool LooksEnglish(string text) => Score(text) < 0;

    /// <summary>Positive for Swedish, negative for English, zero when the text gives no clue.</summary>
    public static int Score(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        var swedish = words.Count(SwedishWords.Contains) + words.Count(w => w.IndexOfAny(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']) >= 0);
        var english = words.Count(EnglishWords.Contains);
        return swedish - english;
    }

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex Word();
}
