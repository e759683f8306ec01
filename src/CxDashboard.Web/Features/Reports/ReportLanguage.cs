using System.Globalization;

namespace CxDashboard.Web.Features.Reports;

/// <summary>Which language a reader gets the monthly report in on the web: the one asked for, else the reader's own.</summary>
public static class ReportLanguage
{
    /// <summary>
    /// <c>?language=</c> when given (sv, sv-SE, en, en-GB), else the request's UI culture (the reader's language); null
    /// when the language asked for is not one the report is written in.
    /// </summary>
    public static string? ForReader(string? asked, HttpContext context) =>
        asked is not null ? Hosting.Localisation.Supported(asked)
        : Hosting.Localisation.Supported(CultureInfo.CurrentUICulture.Name) ?? context.RequestServices.GetRequiredService<ReportOptions>().Culture;
}
