using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// Looks each word up once per UI culture. A resource lookup walks the culture's fallback chain under the resource
/// manager's lock on every call, and a page of tables asks for its status and unit words thousands of times; the
/// resources do not change while the app runs. Formatted words are filled in the current culture on every call, as the
/// localizer it wraps does.
/// </summary>
public sealed class KeptWordsLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> _localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _localizers.GetOrAdd((resourceSource.AssemblyQualifiedName ?? resourceSource.FullName ?? resourceSource.Name, ""), _ => new KeptWords(inner.Create(resourceSource)));

    public IStringLocalizer Create(string baseName, string location) =>
        _localizers.GetOrAdd((baseName, location), _ => new KeptWords(inner.Create(baseName, location)));

    private sealed class KeptWords(IStringLocalizer inner) : IStringLocalizer
    {
        private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _words = new();

        public LocalizedString this[string name] =>
            _words.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), static (key, localizer) => localizer[key.Name], inner);

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var word = this[name];
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, word.Value, arguments), word.ResourceNotFound, word.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
