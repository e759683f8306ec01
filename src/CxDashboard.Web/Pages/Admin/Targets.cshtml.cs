using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Pages.Admin;

public class TargetsModel(CxDbContext db, MasterDataAdminService admin) : AdminPageModel
{
    public IReadOnlyList<KpiTarget> Targets { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Targets = await db.KpiTargets.AsNoTracking().ToListAsync();
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
    }

    public KpiTarget? For(KpiKind kpi, int? teamId) => Targets.FirstOrDefault(t => t.Kpi == kpi && t.TeamId == teamId);

    /// <summary>Thresholds typed in either culture ("80,5" or "80.5").</summary>
    private static double Parse(string? text) =>
        double.TryParse(text?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    public async Task<IActionResult> OnPostSaveAsync(KpiKind kpi, int? teamId, string? green, string? amber) =>
        BackWith(await admin.SetTargetAsync(kpi, teamId, Parse(green), Parse(amber)), fragment: RowId(kpi, teamId));

    public async Task<IActionResult> OnPostRemoveAsync(KpiKind kpi, int teamId) =>
        BackWith(await admin.RemoveTeamTargetAsync(kpi, teamId), fragment: RowId(kpi, teamId));

    /// <summary>The row of a KPI's target (the organisation's, or a team's): after a save the page opens there again.</summary>
    public static string RowId(KpiKind kpi, int? teamId) => teamId is { } team ? $"row-target-{kpi}-{team}" : $"row-target-{kpi}";
}
