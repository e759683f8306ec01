using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Reports;

/// <summary>The report library: generated monthly reports to open or download; administrators can (re)generate a month.</summary>
[Authorize(Policy = Policies.ReadReports)]
public class IndexModel(ReportLibrary library, ReportSchedule schedule, OrganisationSettingsService organisation, IAuthorizationService authorization,
    UserScopeService scopes) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    [TempData] public bool StatusSucceeded { get; set; }

    public IReadOnlyList<ReportLibraryEntry> Entries { get; private set; } = [];
    public TimeZoneInfo TimeZone { get; private set; } = TimeZoneInfo.Utc;
    public DateOnly LatestMonth { get; private set; }
    public DateTime? NextRunUtc { get; private set; }
    public bool CanRerun { get; private set; }
    public bool JobServerRunning { get; private set; }

    /// <summary>A team-limited manager: every report they open is made from their teams' figures.</summary>
    public bool TeamLimited { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await library.ListAsync(ct);
        TimeZone = (await organisation.GetTimeAsync(ct)).TimeZone;
        LatestMonth = await schedule.LatestReportableMonthAsync(ct);
        NextRunUtc = schedule.NextRunUtc();
        CanRerun = (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;
        JobServerRunning = CanRerun && schedule.AnyServerRunning();
        TeamLimited = !(await scopes.ScopeForAsync(User, ct)).IsUnrestricted;
    }
}
