using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Presentation;

/// <summary>
/// The product's shared words, defined once in <c>Resources/Vocabulary.resx</c> (English) and
/// <c>Resources/Vocabulary.sv.resx</c> (Swedish): KPI names and definitions, target statuses, channels, callback
/// rules, results, outcomes and statuses, roles and units. Pages, charts, PDFs, workbooks and the CLI all read them
/// here, so a KPI or a channel has one name per language everywhere. Codes in files, JSON and on the command line
/// (<c>selfservice</c>, <c>reached-resolved</c>) are not words and stay where they are.
/// <para>
/// From DI (a singleton) the words follow the current UI culture and go through <see cref="IStringLocalizerFactory"/>
/// (so a localizer decorator sees them); <see cref="For(CultureInfo)"/> gives a fixed language for documents made
/// outside a request (PDFs, workbooks, CLI). Static helpers read <see cref="Current"/>: the request's vocabulary
/// inside a request, else the resources in the current UI culture.
/// </para>
/// </summary>
public sealed class Vocabulary
{
    /// <summary>The resource name of <c>Resources/Vocabulary.resx</c> (root namespace + folder + file).</summary>
    public const string BaseName = "Vocabulary";

    private static readonly ResourceManager Resources = new($"CxDashboard.Web.Resources.{BaseName}", typeof(Vocabulary).Assembly);
    private static readonly ConcurrentDictionary<string, Vocabulary> ByCulture = new();
    private static readonly AsyncLocal<Vocabulary?> RequestVocabulary = new();

    private readonly Func<string, string> _lookup;

    public Vocabulary(IStringLocalizerFactory localizers)
    {
        var localizer = localizers.Create(BaseName, typeof(Vocabulary).Assembly.GetName().Name!);
        _lookup = key => localizer[key];
    }

    private Vocabulary(CultureInfo culture) =>
        _lookup = key => Resources.GetString(key, culture) ?? key;

    /// <summary>The words in one language, whatever the current culture (a PDF or workbook in a chosen language).</summary>
    public static Vocabulary For(CultureInfo culture) => ByCulture.GetOrAdd(culture.Name, _ => new Vocabulary(culture));

    public static Vocabulary For(string cultureName) => For(CultureInfo.GetCultureInfo(cultureName));

    /// <summary>The request's vocabulary inside a request (set by <see cref="UseRequestVocabulary"/>), else the current UI culture's.</summary>
    public static Vocabulary Current => RequestVocabulary.Value ?? For(CultureInfo.CurrentUICulture);

    /// <summary>Makes the DI vocabulary the one static helpers read for the rest of the request.</summary>
    public static IApplicationBuilder UseRequestVocabulary(IApplicationBuilder app) => app.Use((context, next) =>
    {
        RequestVocabulary.Value = context.RequestServices.GetRequiredService<Vocabulary>();
        DocumentLanguage.RequestLocalizers = context.RequestServices.GetRequiredService<IStringLocalizerFactory>();
        return next(context);
    });

    /// <summary>
    /// Makes <paramref name="words"/> the vocabulary static helpers read until the result is disposed (a document in
    /// another language than the request's, see <see cref="DocumentLanguage.Use"/>).
    /// </summary>
    public static IDisposable Use(Vocabulary words)
    {
        var previous = RequestVocabulary.Value;
        RequestVocabulary.Value = words;
        return new Restore(() => RequestVocabulary.Value = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>The word for a key of <c>Vocabulary.resx</c>; the key itself when it has none.</summary>
    public string this[string key] => _lookup(key);

    /// <summary>"{0}" format strings from the vocabulary, filled in the current culture.</summary>
    public string Format(string key, params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, this[key], arguments);

    public string Kpi(KpiKind kind) => this[$"Kpi.{kind}"];

    /// <summary>A KPI's short name for a table column ("Repeat rate", "Contact FCR").</summary>
    public string KpiShort(KpiKind kind) => this[$"Kpi.{kind}.Short"];

    public string KpiDefinition(KpiKind kind) => this[$"Kpi.{kind}.Definition"];

    public string Status(TargetStatus status) => this[$"Status.{status}"];

    public string Channel(Channel channel) => this[$"Channel.{channel}"];

    /// <summary>The channel inside running text, lower-case where the language wants it ("on 22 March (e-mail)").</summary>
    public string ChannelInSentence(Channel channel) => this[$"Channel.{channel}.InSentence"];

    public string CallbackChannel(CallbackChannel channel) => this[$"CallbackChannel.{channel}"];

    public string CallbackRule(CallbackRule rule) => this[$"CallbackRule.{rule}"];

    public string CallbackResult(CallbackAttemptResult result) => this[$"CallbackResult.{result}"];

    public string CallbackOutcome(CallbackOutcome outcome) => this[$"CallbackOutcome.{outcome}"];

    public string CallbackStatus(CallbackCaseStatus status) => this[$"CallbackStatus.{status}"];

    public string CoachingActionStatus(CoachingActionStatus status) => this[$"CoachingActionStatus.{status}"];

    /// <summary>A role's name (roles are stored by their English code, e.g. "Manager").</summary>
    public string Role(string role) => this[$"Role.{role}"];

    public string RoleDescription(string role) => this[$"Role.{role}.Description"];

    /// <summary>"p.p." (percentage points) in English, "p.e." (procentenheter) in Swedish.</summary>
    public string PercentagePoints => this["Unit.PercentagePoints"];

    public string SmallSample => this["Unit.SmallSample"];

    /// <summary>"n = 1 234".</summary>
    public string SampleSize(long n) => Format("Unit.SampleSize", Display.Count(n));

    /// <summary>"n = 12", or "n = –" when there is no count.</summary>
    public string SampleSize(int? n) => Format("Unit.SampleSize", Display.Count(n));

    /// <summary>"n=1 234", beside a figure in a table cell.</summary>
    public string SampleShort(long n) => Format("Unit.SampleSizeShort", Display.Count(n));

    /// <summary>"▲ 1,5 min": a change or a length in minutes.</summary>
    public string Minutes(string value) => Format("Unit.Minutes", value);

    /// <summary>Whose contacts a page shows: "your own contacts", "your teams (T1, T2)", "all teams".</summary>
    public string Scope(bool ownContacts, IReadOnlyList<string>? teamNames) =>
        ownContacts ? this["Scope.Own"]
        : teamNames is not null ? Format("Scope.Teams", string.Join(", ", teamNames))
        : this["Scope.All"];
}
