using CxDashboard.Web.Features.Presentation;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Coaching;
using CxDashboard.Web.Features.Coaching.Packs;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CxDashboard.Web.Pages.Coaching;

/// <summary>One team's agents against the rest of the team and the targets, with the team's coaching pack.</summary>
[Authorize(Policy = Policies.Coach)]
public class TeamModel(CoachingAccess access, CoachingOverviewService overview, CoachingPackService packs, ExportGate exports, OrganisationSettingsService organisation, TimeProvider clock)
    : CoachingPageModel(access, organisation, clock)
{
    public TeamCoachingView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        await LoadViewerAndPeriodAsync(ct);
        if (!Viewer.MayViewTeam(id)) return Forbid();
        var view = await overview.TeamAsync(id, Viewer, SelectedPeriod, ct);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }

    /// <summary>The team's coaching pack for the period on screen, as PDF or Excel; only for the team's managers.</summary>
    public async Task<IActionResult> OnGetPackAsync(int id, string? format, CancellationToken ct)
    {
        await LoadViewerAndPeriodAsync(ct);
        if (!Viewer.MayViewTeam(id)) return Forbid();
        using var slot = exports.Enter(User);
        var file = await packs.TeamPackAsync(id, Viewer, SelectedPeriod, CoachingPackService.ParseFormat(format), DocumentLanguage.OfRequest(), ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
