using System.Globalization;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// Writes the report in its language, whatever thread or request runs it (a Hangfire worker has no request culture):
/// the one document-language mechanism (<see cref="DocumentLanguage"/>) sets words, numbers and the vocabulary for the
/// time the report is worded and drawn, then puts the old ones back. In a request that already reads the report's
/// language, the request's own localizers keep serving the words.
/// </summary>
public static class ReportCulture
{
    public static IDisposable Use(string cultureName) =>
        (CultureInfo.CurrentCulture.Name == cultureName && CultureInfo.CurrentUICulture.Name == cultureName
            ? DocumentLanguage.OfRequest()
            : DocumentLanguage.Of(cultureName)).Use();
}
