using System.Globalization;
using System.Security.Claims;
using CxDashboard.Web.Features.Presentation;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// The languages the product speaks and how a request picks one. Swedish (sv-SE) is the default
/// (<c>Organisation:Language</c>, older configuration: <c>Localization:DefaultCulture</c>), English (en-GB) on request.
/// A request's culture (numbers and dates) and UI culture (words) come from, in order: the query string
/// (<c>?culture=</c>, <c>?ui-culture=</c>), the <c>.AspNetCore.Culture</c> cookie the top bar's switch sets, the
/// signed-in user's saved choice, the browser's Accept-Language, then the default.
/// </summary>
public static class Localisation
{
    public const string Swedish = "sv-SE";
    public const string English = "en-GB";

    /// <summary>Where the .resx files live, under the project (and as a prefix of their resource names).</summary>
    public const string ResourcesPath = "Resources";

    public static readonly CultureInfo[] SupportedCultures = [new(Swedish), new(English)];

    /// <summary>The claim in the sign-in cookie carrying the user's saved culture (from <c>AppUser.Culture</c>).</summary>
    public const string CultureClaim = "culture";

    /// <summary>The supported culture a setting names ("sv", "sv-SE", "en", "en-GB", any case); null for anything else.</summary>
    public static string? Supported(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var trimmed = name.Trim();
        return SupportedCultures.FirstOrDefault(c =>
            string.Equals(c.Name, trimmed, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(c.TwoLetterISOLanguageName, trimmed, StringComparison.OrdinalIgnoreCase))?.Name;
    }

    /// <summary>The organisation's language: <c>Organisation:Language</c>, else <c>Localization:DefaultCulture</c>, else sv-SE.</summary>
    public static string DefaultCulture(IConfiguration configuration) =>
        Setting(configuration, "Organisation:Language") ?? Setting(configuration, "Localization:DefaultCulture") ?? Swedish;

    /// <summary>
    /// The default words' language when it differs from the number format (<c>Localization:DefaultUiCulture</c>);
    /// else the organisation's language.
    /// </summary>
    public static string DefaultUiCulture(IConfiguration configuration) =>
        Setting(configuration, "Localization:DefaultUiCulture") ?? DefaultCulture(configuration);

    private static string? Setting(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value)) return null;
        return Supported(value) ?? throw new InvalidOperationException(
            $"{key}: '{value}' is not a language the product speaks; use {Swedish} or {English}.");
    }

    public static IServiceCollection AddCxLocalisation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization(options => options.ResourcesPath = ResourcesPath);
        services.TryAddSingleton<Vocabulary>();
        var culture = DefaultCulture(configuration);
        var uiCulture = DefaultUiCulture(configuration);
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(culture, uiCulture);
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new UserPreferenceCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>Razor views and data annotations look their words up in the resources too (<c>IViewLocalizer</c>).</summary>
    public static IMvcBuilder AddCxViewLocalisation(this IMvcBuilder mvc) => mvc
        .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
        .AddDataAnnotationsLocalization(options =>
            options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(ValidationText.BaseName, typeof(Localisation).Assembly.GetName().Name!));

    /// <summary>The value of the <c>.AspNetCore.Culture</c> cookie for one culture used for both numbers and words.</summary>
    public static string CookieValue(string culture) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));
}

/// <summary>The signed-in user's saved language (a claim from <c>AppUser.Culture</c>), after the query string and the cookie.</summary>
public sealed class UserPreferenceCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var saved = Localisation.Supported(httpContext.User.FindFirstValue(Localisation.CultureClaim));
        return Task.FromResult(saved is null ? null : new ProviderCultureResult(saved));
    }
}

/// <summary>Where validation messages of data annotations are looked up: <c>Resources/ValidationText.resx</c>.</summary>
public static class ValidationText
{
    public const string BaseName = "ValidationText";
}
