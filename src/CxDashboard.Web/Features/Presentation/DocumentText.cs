using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Presentation;

/// <summary>
/// A document's own words (headers, headings, notes) in the document's language, looked up in the same resources an
/// <c>IStringLocalizer&lt;T&gt;</c> reads (<c>Resources/&lt;namespace path of T&gt;.sv.resx</c>, keyed by the English
/// text), but for a chosen language rather than the current request's. English needs no file: the key is the text.
/// </summary>
public sealed class DocumentText
{
    private static readonly ConcurrentDictionary<(Type, string), DocumentText> Cache = new();
    private static readonly ConcurrentDictionary<string, byte> Missing = new();

    private readonly ResourceSet? _words;
    private readonly IStringLocalizer? _localizer;
    private readonly string _source;

    private DocumentText(IStringLocalizer localizer, Type type, DocumentLanguage language)
    {
        Language = language;
        _source = type.Name;
        _localizer = localizer;
    }

    private DocumentText(Type type, DocumentLanguage language)
    {
        Language = language;
        _source = type.Name;
        var assembly = type.Assembly;
        var root = assembly.GetName().Name!;
        var path = type.FullName!.StartsWith(root + ".", StringComparison.Ordinal) ? type.FullName[(root.Length + 1)..] : type.FullName;
        var resources = new ResourceManager($"{root}.Resources.{path}", assembly);
        // The most specific satellite the language has (sv-SE, then sv); none for English, whose words are the keys.
        for (var culture = language.UiCulture; !Equals(culture, CultureInfo.InvariantCulture) && _words is null; culture = culture.Parent)
            _words = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
    }

    /// <summary>The words of <typeparamref name="T"/>'s resources in the document's language.</summary>
    public static DocumentText For<T>(DocumentLanguage language) => For(typeof(T), language);

    /// <summary>The words of <paramref name="type"/>'s resources (a static class's too) in the document's language.</summary>
    public static DocumentText For(Type type, DocumentLanguage language) => language.Localizers is { } localizers
        // The request's language: through the request's localizers, as the page around it.
        ? new DocumentText(localizers.Create(type), type, language)
        : Cache.GetOrAdd((type, $"{language.UiCulture.Name}|{language.Culture.Name}"), _ => new DocumentText(type, language));

    public DocumentLanguage Language { get; }

    /// <summary>The number format the document's placeholders are filled in.</summary>
    public CultureInfo Culture => Language.Culture;

    /// <summary>The word for an English text; the text itself in English (and where a translation is missing).</summary>
    public string this[string english]
    {
        get
        {
            if (_localizer is not null) return _localizer[english];
            if (_words is null) return english;
            if (_words.GetString(english) is { } word) return word;
            Missing.TryAdd($"{_source}: {english}", 0);
            return english;
        }
    }

    /// <summary>
    /// A heading's words with a lower-case first letter, for inside a cell or a list ("short calls, many repeats" under
    /// the header "Short calls, many repeats"): one resource for both, since resource names ignore case.
    /// </summary>
    public string Lower(string english) => LowerFirst(this[english]);

    /// <summary>A word with a lower-case first letter in the document's language ("open" for the status "Open").</summary>
    public string LowerFirst(string word) => word.Length == 0 ? word : char.ToLower(word[0], Language.UiCulture) + word[1..];

    /// <summary>A whole sentence with numbered placeholders, filled in the document's number format.</summary>
    public string Format(string english, params object?[] arguments) => string.Format(Culture, this[english], arguments);

    /// <summary>Texts a document asked for in a translated language that its resources lack ("Type: text").</summary>
    public static IReadOnlyCollection<string> Untranslated => [.. Missing.Keys.Order()];
}
