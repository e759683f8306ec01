using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Reports;
using CxDashboard.Web.Features.Reports.Delivery;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Reports;

/// <summary>The report library: generated monthly reports to open or download; administrators can (re)generate a month.</summary>
[Authorize(Policy = Policies.ReadReports)]
public class IndexModel(ReportLibrary library, ReportSchedule schedule, OrganisationSettingsService organisation, IAuthorizationService authorization,
    UserScopeService scopes, ReportSubscriptions subscriptions, SmtpOptions smtp, IStringLocalizer<IndexModel> text) : PageModel
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

    public bool Subscribed { get; private set; }
    public bool MailConfigured => smtp.IsConfigured;
    public IReadOnlyList<SubscriberView> Subscribers { get; private set; } = [];
    public IReadOnlyList<(string UserId, string Label)> Candidates { get; private set; } = [];

    /// <summary>Every e-mail of a report by month: to whom, which version, sent or failed.</summary>
    public ILookup<DateOnly, ReportDelivery> Deliveries { get; private set; } = Array.Empty<ReportDelivery>().ToLookup(d => d.Month);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await library.ListAsync(ct);
        TimeZone = (await organisation.GetTimeAsync(ct)).TimeZone;
        LatestMonth = await schedule.LatestReportableMonthAsync(ct);
        NextRunUtc = schedule.NextRunUtc();
        CanRerun = (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;
        JobServerRunning = CanRerun && schedule.AnyServerRunning();
        TeamLimited = !(await scopes.ScopeForAsync(User, ct)).IsUnrestricted;
        Subscribed = await subscriptions.IsSubscribedAsync(UserId, ct);
        if (CanRerun)
        {
            Subscribers = await subscriptions.ListAsync(ct);
            Candidates = await subscriptions.CandidatesAsync(ct);
            Deliveries = (await subscriptions.DeliveriesAsync(ct)).ToLookup(d => d.Month);
        }
    }

    public async Task<IActionResult> OnPostSubscribeAsync(CancellationToken ct)
    {
        var done = await subscriptions.SubscribeAsync(UserId, User.Identity?.Name ?? "self", ct);
        return Back(text[done ? ReportsPageText.Subscribed : ReportsPageText.CannotSubscribe], done);
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(CancellationToken ct)
    {
        await subscriptions.UnsubscribeAsync(UserId, ct);
        return Back(text[ReportsPageText.Unsubscribed], true);
    }

    /// <summary>Administrators subscribe anyone who may read reports.</summary>
    public async Task<IActionResult> OnPostAddSubscriberAsync(string? userId, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded) return Forbid();
        var done = userId is not null && await subscriptions.SubscribeAsync(userId, $"added by {User.Identity?.Name ?? "an administrator"}", ct);
        return Back(text[done ? ReportsPageText.SubscriberAdded : ReportsPageText.CannotSubscribeThem], done);
    }

    public async Task<IActionResult> OnPostRemoveSubscriberAsync(int id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded) return Forbid();
        await subscriptions.RemoveAsync(id, ct);
        return Back(text[ReportsPageText.SubscriberRemoved], true);
    }

    private RedirectToPageResult Back(string message, bool succeeded)
    {
        StatusMessage = message;
        StatusSucceeded = succeeded;
        return RedirectToPage();
    }
}
