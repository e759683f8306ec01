using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Presentation;

/// <summary>
/// The language a document is written in (a coaching pack, a workbook, an export for people): its words
/// (<see cref="UiCulture"/>) and its number format (<see cref="Culture"/>). A document takes its language explicitly:
/// on the web the requesting user's (<see cref="OfRequest"/>), on the command line <c>--language</c>, so it never
/// depends on which page or thread happens to produce it.
/// </summary>
public sealed record DocumentLanguage(CultureInfo Culture, CultureInfo UiCulture)
{
    private static readonly AsyncLocal<IStringLocalizerFactory?> RequestFactory = new();

    /// <summary>The request's localizers (set with the request's vocabulary), so words a page draws go through them.</summary>
    internal static IStringLocalizerFactory? RequestLocalizers
    {
        get => RequestFactory.Value;
        set => RequestFactory.Value = value;
    }

    /// <summary>
    /// The request's localizers when this is the request's language (<see cref="OfRequest"/>): a page's words then go
    /// through the same lookup as the rest of the page; null for a language of its own.
    /// </summary>
    public IStringLocalizerFactory? Localizers { get; init; }

    /// <summary>The shared words (KPI, status, channel, outcome names) in the document's language.</summary>
    public Vocabulary Words => Localizers is null ? Vocabulary.For(UiCulture) : Vocabulary.Current;

    /// <summary>Words and numbers in one supported language ("sv-SE", "en-GB").</summary>
    public static DocumentLanguage Of(string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        return new DocumentLanguage(culture, culture);
    }

    /// <summary>The current request's language: the words and number format the user reads the page in.</summary>
    public static DocumentLanguage OfRequest() => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) { Localizers = RequestLocalizers };

    /// <summary>
    /// Makes this language the current one while the document is gathered and written, so the shared helpers it
    /// calls (<see cref="Display"/> for numbers, <see cref="Vocabulary.Current"/> for KPI and status names, chart tick
    /// labels) read the same language as the document's own words; the previous culture and vocabulary come back on
    /// dispose.
    /// </summary>
    public IDisposable Use() => new Scope(this);

    private sealed class Scope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
        private readonly IDisposable _words;

        public Scope(DocumentLanguage language)
        {
            CultureInfo.CurrentCulture = language.Culture;
            CultureInfo.CurrentUICulture = language.UiCulture;
            _words = Vocabulary.Use(language.Words);
        }

        public void Dispose()
        {
            _words.Dispose();
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
