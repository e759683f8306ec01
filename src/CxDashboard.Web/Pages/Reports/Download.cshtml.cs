using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace CxDashboard.Web.Pages.Reports;

/// <summary>
/// A monthly report's PDF from the library. Every request is authorised; the month is parsed (YYYY-MM only) and the
/// file found through the library, so nothing in the URL ever becomes a path.
/// </summary>
[Authorize(Policy = Policies.ReadReports)]
public class DownloadModel(ReportLibrary library) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? month, bool inline, CancellationToken ct)
    {
        if (!ReportLibrary.TryParseMonth(month, out var target)) return NotFound();
        var file = await library.OpenMonthlyAsync(target, ct);
        if (file is not { } found) return NotFound();

        var name = ReportLibrary.MonthlyFileName(found.Entry.Month);
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        if (!inline) return PhysicalFile(found.Path, "application/pdf", name);
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = name }.ToString();
        return PhysicalFile(found.Path, "application/pdf");
    }
}
