using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace CxDashboard.Web.Pages.Reports;

/// <summary>
/// A monthly report's PDF. Every request is authorised; the month is parsed (YYYY-MM only) and the organisation-wide
/// file found through the library, so nothing in the URL ever becomes a path. A team-limited manager never gets the
/// library's file: they get the report of their own teams, made when asked.
/// </summary>
[Authorize(Policy = Policies.ReadReports)]
public class DownloadModel(ReportLibrary library, ScopedMonthlyReports scoped, UserScopeService scopes, ReportSchedule schedule) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? month, bool inline, CancellationToken ct)
    {
        if (!ReportLibrary.TryParseMonth(month, out var target)) return NotFound();
        var scope = await scopes.ScopeForAsync(User, ct);
        if (scope.SeesNothing || scope.AgentId is not null) return Forbid();
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";

        if (!scope.IsUnrestricted)
        {
            if (target > await schedule.LatestReportableMonthAsync(ct)) return NotFound();
            var pdf = await scoped.PdfAsync(target, scope, ct);
            var teamFile = ScopedMonthlyReports.FileName(target, scope);
            if (!inline) return File(pdf.Content, "application/pdf", teamFile);
            Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = teamFile }.ToString();
            return File(pdf.Content, "application/pdf");
        }

        var file = await library.OpenMonthlyAsync(target, ct);
        if (file is not { } found) return NotFound();
        var name = ReportLibrary.MonthlyFileName(found.Entry.Month);
        if (!inline) return File(found.Content, "application/pdf", name);
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = name }.ToString();
        return File(found.Content, "application/pdf");
    }
}
