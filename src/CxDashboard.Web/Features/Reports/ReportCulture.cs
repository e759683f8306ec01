using System.Globalization;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// Formats numbers in the organisation's culture while a report is written, whatever thread or request runs it (a
/// Hangfire worker has no request culture). The product's number helpers (<c>Display</c>) and chart tick labels read
/// the current culture, so the report sets it for the time it formats and draws, then puts the old one back.
/// </summary>
public sealed class ReportCulture : IDisposable
{
    private readonly CultureInfo previous;
    private readonly CultureInfo previousUi;

    private ReportCulture(CultureInfo culture)
    {
        previous = CultureInfo.CurrentCulture;
        previousUi = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public static ReportCulture Use(string cultureName) => new(CultureInfo.GetCultureInfo(cultureName));

    public void Dispose()
    {
        CultureInfo.CurrentCulture = previous;
        CultureInfo.CurrentUICulture = previousUi;
    }
}
