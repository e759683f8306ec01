using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Reports;
using CxDashboard.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Reports;

/// <summary>
/// The monthly report as a web page, with today's figures, from the same worded report as the PDF: for screen readers,
/// for reading on a phone, and printable from the browser. Defaults to the last month that has ended. A team-limited
/// manager gets the report of their own teams. Written in the reader's language (or <c>?language=</c>).
/// </summary>
[Authorize(Policy = Policies.ReadReports)]
public class MonthlyModel(MonthlyReportGenerator generator, ScopedMonthlyReports scoped, UserScopeService scopes, ReportSchedule schedule) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? month, string? language, CancellationToken ct)
    {
        var culture = ReportLanguage.ForReader(language, HttpContext);
        if (culture is null) return BadRequest();
        var latest = await schedule.LatestReportableMonthAsync(ct);
        var target = latest;
        // A month that is not YYYY-MM within the period rule's bounds is refused (400); one without a report yet is 404.
        if (month is not null && (target = Features.Metrics.PeriodRule.ParseMonth(month, "month")) > latest) return NotFound();
        var scope = await scopes.ScopeForAsync(User, ct);
        if (scope.SeesNothing || scope.AgentId is not null) return Forbid();
        var view = scope.IsUnrestricted ? await generator.ViewAsync(target, culture, ct) : await scoped.ViewAsync(target, scope, culture, ct);
        Response.Headers.CacheControl = "private, no-store";
        // The page is self-contained (it is also saved as a file): its one <style> element is allowed by its hash.
        SecurityHeaders.AllowInlineStyle(HttpContext, MonthlyReportHtml.Styles);
        return Content(MonthlyReportHtml.Write(view), "text/html; charset=utf-8");
    }
}
