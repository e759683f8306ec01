using System.Globalization;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Reports;

/// <summary>Administrators queue the monthly report job for a month (post from the Reports page), then return there.</summary>
[Authorize(Policy = Policies.Admin)]
public class RerunModel(ReportSchedule schedule) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    [TempData] public bool StatusSucceeded { get; set; }

    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(string? month, CancellationToken ct)
    {
        var latest = await schedule.LatestReportableMonthAsync(ct);
        if (!ReportLibrary.TryParseMonth(month, out var target))
            return Back($"'{month}' is not a month: choose one as YYYY-MM.", false);
        if (target > latest)
            return Back($"{target:yyyy-MM} has not ended yet: the newest month with a report is {latest.ToString("yyyy-MM", CultureInfo.InvariantCulture)}.", false);

        schedule.Enqueue(target, $"re-run by {User.Identity?.Name ?? "an administrator"}");
        var label = target.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return Back(schedule.AnyServerRunning()
            ? $"The report for {label} is being made; it replaces the library's entry for {label} within a minute. Reload this page to see it."
            : $"The report for {label} is queued, but no job server runs in this instance; it is made when one starts (or run `report monthly --month {label}`).", true);
    }

    private RedirectToPageResult Back(string message, bool succeeded)
    {
        StatusMessage = message;
        StatusSucceeded = succeeded;
        return RedirectToPage("Index");
    }
}
