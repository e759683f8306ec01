using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Dashboard;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Dashboard;

[Authorize]
public class IndexModel(DashboardService dashboard, KpiExportService export, ExportGate exports, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? Team { get; set; }
    [BindProperty(SupportsGet = true)] public int? Agent { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public int? Reason { get; set; }

    public DashboardView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ViewKpis)).Succeeded)
        {
            // Callback staff start on their worklist; anyone else without KPI access is told why.
            return User.IsInRole(Roles.Callback) ? Redirect("/Callbacks") : RedirectToPage("/Account/AccessDenied");
        }
        View = await dashboard.BuildAsync(Filter, User, ct);
        return Page();
    }

    /// <summary>The KPI workbook for the same filters, within the same scope as the page (a team-scoped manager gets their teams only).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ViewKpis)).Succeeded) return Forbid();
        using var slot = exports.Enter(User);
        var file = ExportFile.Temporary();
        try
        {
            var fileName = await export.ForDashboardAsync(Filter, User, DocumentLanguage.OfRequest(), file, ct);
            file.Position = 0;
            return File(file, ExportFile.XlsxContentType, fileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private DashboardFilter Filter => new()
    {
        Period = Period, From = From, To = To, Team = Team, Agent = Agent, Channel = Channel, Reason = Reason,
    };

    /// <summary>The export link for the filters on screen (a preset stays a preset, so a bookmarked link follows today).</summary>
    public string ExportLink()
    {
        var v = View;
        var parts = new List<string> { "handler=Export" };
        if (v.PresetKey == PeriodPresets.Custom) parts.Add($"from={Display.Date(v.Period.From)}&to={Display.Date(v.Period.To)}");
        else parts.Add($"period={v.PresetKey}");
        if (v.Filter.Team is { } team && !v.IsAgentView) parts.Add($"team={team}");
        if (v.Filter.Agent is { } agent && !v.IsAgentView) parts.Add($"agent={agent}");
        if (v.Filter.Channel is { Length: > 0 } channel) parts.Add($"channel={Uri.EscapeDataString(channel)}");
        if (v.Filter.Reason is { } reason) parts.Add($"reason={reason}");
        return "/?" + string.Join("&", parts);
    }
}
