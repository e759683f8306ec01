using System.Globalization;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Reports;

/// <summary>Administrators queue the monthly report job for a month (post from the Reports page), then return there.</summary>
[Authorize(Policy = Policies.Admin)]
public class RerunModel(ReportSchedule schedule, IStringLocalizer<RerunModel> text) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    [TempData] public bool StatusSucceeded { get; set; }

    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(string? month, CancellationToken ct)
    {
        var latest = await schedule.LatestReportableMonthAsync(ct);
        if (!ReportLibrary.TryParseMonth(month, out var target))
            return Back(text["'{0}' is not a month: choose one as YYYY-MM.", month ?? ""], false);
        if (target > latest)
            return Back(text["{0} has not ended yet: the newest month with a report is {1}.", target.ToString("yyyy-MM", CultureInfo.InvariantCulture), latest.ToString("yyyy-MM", CultureInfo.InvariantCulture)], false);

        schedule.Enqueue(target, $"re-run by {User.Identity?.Name ?? "an administrator"}");
        var label = target.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return Back(schedule.AnyServerRunning()
            ? text["The report for {0} is being made; it replaces the library's entry for {0} within a minute. Reload this page to see it.", label]
            : text["The report for {0} is queued, but no job server runs in this instance; it is made when one starts (or run `report monthly --month {0}`).", label], true);
    }

    private RedirectToPageResult Back(string message, bool succeeded)
    {
        StatusMessage = message;
        StatusSucceeded = succeeded;
        return RedirectToPage("Index");
    }
}
