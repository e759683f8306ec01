using System.CommandLine;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Cli;

/// <summary>Option builders and parsers shared by the verbs.</summary>
public static class CliOptions
{
    public static Option<string> Format(params string[] allowed)
    {
        var option = new Option<string>("--format") { Description = $"Output format: {string.Join(" or ", allowed)}", DefaultValueFactory = _ => allowed[0] };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    /// <summary>
    /// <c>--language sv-SE|en-GB</c>: the language of a document the verb writes (words and numbers); without it, the
    /// organisation's (<c>Organisation:Language</c>).
    /// </summary>
    public static Option<string?> Language(string? description = null) => new("--language")
    {
        Description = description
            ?? $"The document's language: {Hosting.Localisation.Swedish} or {Hosting.Localisation.English} (default: the organisation's language, Organisation:Language)",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Hosting.Localisation.Supported(text) is { } name) return name;
            result.AddError($"--language: '{text}' is not a language the product speaks; use {Hosting.Localisation.Swedish} or {Hosting.Localisation.English}.");
            return null;
        },
    };

    /// <summary>
    /// The language <see cref="Language"/> chose, else the app's default: the organisation's language (its words may be
    /// set apart by <c>Localization:DefaultUiCulture</c>, as on the web).
    /// </summary>
    public static Features.Presentation.DocumentLanguage LanguageOrDefault(string? chosen, IServiceProvider services)
    {
        if (chosen is not null) return Features.Presentation.DocumentLanguage.Of(chosen);
        var configuration = services.GetRequiredService<IConfiguration>();
        return new Features.Presentation.DocumentLanguage(
            System.Globalization.CultureInfo.GetCultureInfo(Hosting.Localisation.DefaultCulture(configuration)),
            System.Globalization.CultureInfo.GetCultureInfo(Hosting.Localisation.DefaultUiCulture(configuration)));
    }

    public static Option<DateOnly> RequiredDate(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        CustomParser = result => ParseDate(result.Tokens.Single().Value, name, result),
    };

    public static Option<DateTime?> OptionalTime(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            try
            {
                return PeriodRule.ParseTime(result.Tokens.Single().Value, name);
            }
            catch (PeriodException e)
            {
                result.AddError(e.Message);
                return null;
            }
        },
    };

    /// <summary>A date by <see cref="PeriodRule"/> (YYYY-MM-DD within its bounds); otherwise a usage error (exit 2).</summary>
    private static DateOnly ParseDate(string text, string name, System.CommandLine.Parsing.ArgumentResult result)
    {
        try
        {
            return PeriodRule.ParseDate(text, name);
        }
        catch (PeriodException e)
        {
            result.AddError(e.Message);
            return default;
        }
    }
}
