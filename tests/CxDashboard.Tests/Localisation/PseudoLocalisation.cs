using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Tests.Localisation;

/// <summary>
/// Wraps every string found in the resources in ⟦…⟧, so a page shows which of its words came through the resources
/// (IStringLocalizer, IViewLocalizer, IHtmlLocalizer, data annotations and the vocabulary all come from this factory).
/// A key without a resource is left as it is: in Swedish, that is a word nobody translated.
/// </summary>
public sealed class PseudoLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public const string Open = "⟦";
    public const string Close = "⟧";

    public IStringLocalizer Create(Type resourceSource) => new PseudoLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoLocalizer(inner.Create(baseName, location));

    private sealed class PseudoLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Wrap(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Wrap(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures).Select(Wrap);

        private static LocalizedString Wrap(LocalizedString found) =>
            found.ResourceNotFound ? found : new LocalizedString(found.Name, Open + found.Value + Close, false, found.SearchedLocation);
    }
}

/// <summary>The demo organisation (two weeks, seeded at start) in Swedish, with every resource string wrapped in ⟦…⟧.</summary>
public sealed class PseudoLocalisedAppFactory : CxAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:SeedOnStart", "true");
        builder.UseSetting("Demo:Days", "14");
        builder.UseSetting("Localization:DefaultUiCulture", "sv-SE");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ResourceManagerStringLocalizerFactory>();
            services.AddSingleton<IStringLocalizerFactory>(sp => new PseudoLocalizerFactory(sp.GetRequiredService<ResourceManagerStringLocalizerFactory>()));
        });
    }
}
