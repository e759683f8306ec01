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

    public string Culture { get; }

    public static ReportOptions From(IConfiguration configuration, string contentRoot)
    {
        var culture = configuration[$"{Section}:Culture"] is { Length: > 0 } configured ? configured
            : Hosting.Localisation.DefaultCulture(configuration);
        try
        {
            culture = CultureInfo.GetCultureInfo(culture, predefinedOnly: true).Name;
        }
        catch (CultureNotFoundException)
        {
            throw new InvalidOperationException($"{Section}:Culture '{culture}' is not a known culture; use e.g. sv-SE or en-GB.");
        }
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
