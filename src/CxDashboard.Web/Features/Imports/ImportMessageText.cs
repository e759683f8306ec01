using System.Reflection;
using System.Text.RegularExpressions;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Imports;

/// <summary>
/// The importer's messages (<see cref="ImportText"/>) and a run's (<see cref="ImportRunText"/>) in the reader's language.
/// They are written and kept in English (the command line, the API and the import history share them); a page recognises
/// each message by its sentence, takes the values out of its placeholders and fills the same sentence from
/// <c>Resources/Features/Imports/ImportMessageText.sv.resx</c> (keyed by the English sentence). A value that is itself one
/// of the sentences ("the agent", "seconds, at most one day", a kind of file) is put in the reader's words too. A message
/// that is none of them (an older run's) shows as it was written.
/// </summary>
public sealed class ImportMessageText(IStringLocalizer<ImportMessageText> text)
{
    private static readonly IReadOnlyList<(string Sentence, Regex Pattern)> Sentences = [.. new[] { typeof(ImportText), typeof(ImportRunText) }
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        // The longest first, so "no team named '{0}' (create it …)" is not read as "no team named '{0}'" with a longer value.
        .OrderByDescending(s => s.Length)
        .Select(s => (s, Pattern(s)))];

    /// <summary>Every sentence a page may have to show, for the test that each has its Swedish.</summary>
    public static IEnumerable<string> All => Sentences.Select(s => s.Sentence);

    public string this[string message] => Translate(message, depth: 0);

    /// <summary>A run's outcome: its status colour and word.</summary>
    public (string CssClass, string Word) Status(Data.Entities.ImportRun run)
    {
        var (css, word) = ImportRunDisplay.Status(run);
        return (css, text[word]);
    }

    /// <summary>What a kind of file holds, as a page names it ("survey responses").</summary>
    public string Kind(ImportKind kind) => this[kind.DisplayName()];

    /// <summary>A kind as a run keeps it (its code, "survey-responses"), named for the reader.</summary>
    public string Kind(string code) => ImportSchemas.TryParseKind(code, out var kind) ? Kind(kind) : code;

    private string Translate(string message, int depth)
    {
        foreach (var (sentence, pattern) in Sentences)
        {
            var match = pattern.Match(message);
            if (!match.Success) continue;
            var values = match.Groups.Cast<Group>().Skip(1).OrderBy(g => g.Name, StringComparer.Ordinal)
                .Select(g => depth < 2 ? Translate(g.Value, depth + 1) : g.Value).ToArray<object>();
            return text[sentence, values];
        }
        return message;
    }

    /// <summary>The sentence as a pattern: its words literally, each "{n}" any text (the same n the same text).</summary>
    private static Regex Pattern(string sentence)
    {
        var seen = new HashSet<string>();
        var pattern = Regex.Replace(Regex.Escape(sentence), @"\\\{(\d+)}", m =>
            seen.Add(m.Groups[1].Value) ? $"(?<p{m.Groups[1].Value}>.*?)" : $@"\k<p{m.Groups[1].Value}>");
        return new Regex("^" + pattern + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
