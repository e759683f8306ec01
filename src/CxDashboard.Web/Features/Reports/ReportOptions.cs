using System.Globalization;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// Where generated reports are kept and how their numbers are formatted. Reports:Directory may be absolute or relative
/// to the app's content root; unset, it is the repository's reports/ folder when the app runs from a source checkout,
/// else reports/ beside the app. Reports:Culture defaults to the organisation's language (Organisation:Language), else sv-SE.
/// </summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    public ReportOptions(string directory, string culture)
    {
        Directory = directory;
        Culture = culture;
    }

    /// <summary>The reports folder; monthly reports go to its monthly/ subfolder.</summary>
    public string Directory { get; }

    /// <summary>The library's report's language and number format (sv-SE or en-GB): the organisation's language unless set.</summary>
    public string Culture { get; }

    /// <summary>
    /// The language a report is written in: the one asked for (sv, sv-SE, en, en-GB) or, when none is asked for, the
    /// library's. Anything else is refused with a message.
    /// </summary>
    public string LanguageOf(string? asked) => asked is null ? Culture
        : Hosting.Localisation.Supported(asked) ?? throw new ArgumentException(
            $"'{asked}' is not a report language; use {string.Join(" or ", Hosting.Localisation.SupportedCultures.Select(c => c.Name))}.", nameof(asked));

    public static ReportOptions From(IConfiguration configuration, string contentRoot)
    {
        var culture = configuration[$"{Section}:Culture"] is { Length: > 0 } configured ? configured
            : Hosting.Localisation.DefaultCulture(configuration);
        culture = Hosting.Localisation.Supported(culture)
                  ?? throw new InvalidOperationException($"{Section}:Culture '{culture}' is not a report language; use sv-SE or en-GB.");
        return new ReportOptions(ResolveDirectory(configuration[$"{Section}:Directory"], contentRoot), culture);
    }

    public static string ResolveDirectory(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CxDashboard.sln")))
                return Path.Combine(dir.FullName, "reports");
        }
        return Path.GetFullPath(Path.Combine(contentRoot, "reports"));
    }
}
