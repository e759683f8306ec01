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
public class DownloadModel(ReportLibrary library, ScopedMonthlyReports scoped, UserScopeService scopes, ReportSchedule schedule, ReportOptions options) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? month, bool inline, string? language, CancellationToken ct)
    {
        if (!ReportLibrary.TryParseMonth(month, out var target)) return NotFound();
        var culture = ReportLanguage.ForReader(language, HttpContext);
        if (culture is null) return BadRequest();
        var scope = await scopes.ScopeForAsync(User, ct);
        if (scope.SeesNothing || scope.AgentId is not null) return Forbid();
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";

        if (!scope.IsUnrestricted)
        {
            if (target > await schedule.LatestReportableMonthAsync(ct)) return NotFound();
            return Pdf((await scoped.PdfAsync(target, scope, culture, ct)).Content, ScopedMonthlyReports.FileName(target, scope), inline);
        }

        var file = await library.OpenMonthlyAsync(target, ct);
        if (file is not { } found) return NotFound();
        // The library keeps the report in its own language; a reader of the other gets it made in theirs when asked.
        if (culture != options.Culture)
            return Pdf((await scoped.PdfAsync(target, scope, culture, ct)).Content, ScopedMonthlyReports.FileName(target, scope, culture), inline);
        return Pdf(found.Content, ReportLibrary.MonthlyFileName(found.Entry.Month), inline);
    }

    private FileContentResult Pdf(byte[] content, string name, bool inline)
    {
        if (!inline) return File(content, "application/pdf", name);
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = name }.ToString();
        return File(content, "application/pdf");
    }
}
