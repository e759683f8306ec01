using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Presentation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Engagement;

/// <summary>Engagement index and eNPS per team and month beside the teams' CSAT and FCR, with CSV/XLSX exports.</summary>
[Authorize(Policy = Policies.ViewEngagement)]
public class IndexModel(EngagementReportService reports, ExportGate exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? Team { get; set; }

    public EngagementView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => View = await reports.BuildAsync(new EngagementFilter(From, To, Team), User, ct);

    /// <summary>The table by team and month, with the same filters, scope and anonymity threshold as the page.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        using var slot = exports.Enter(User);
        View = await reports.BuildAsync(new EngagementFilter(From, To, Team), User, ct);
        var rows = View.Rows.Concat(View.Totals).ToList();
        var name = $"engagement-{EngagementReportService.MonthLabel(View.FromMonth)}-{EngagementReportService.MonthLabel(View.ToMonth)}";
        return format == "xlsx"
            ? File(EngagementExport.ToXlsx(rows, DocumentLanguage.OfRequest(), View.FromMonth, View.ToMonth, View.ScopeDescription),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : File(EngagementExport.ToCsv(rows), "text/csv; charset=utf-8", name + ".csv");
    }

    public string Query(string? format = null)
    {
        var parts = new List<string> { $"from={EngagementReportService.MonthLabel(View.FromMonth)}", $"to={EngagementReportService.MonthLabel(View.ToMonth)}" };
        if (View.TeamId is { } team) parts.Add($"team={team}");
        if (format is not null) parts.Add($"handler=Export&format={format}");
        return "?" + string.Join("&", parts);
    }
}
