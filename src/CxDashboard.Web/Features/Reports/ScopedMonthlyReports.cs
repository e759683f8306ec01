using System.Globalization;
using CxDashboard.Web.Features.Metrics;
using Microsoft.Extensions.Caching.Memory;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// The monthly report for a team-limited manager: the same report built from their teams only (web version and PDF),
/// made when asked and kept for a few minutes. The cache key is the month, the exact set of teams and the format, so
/// one scope's report can never be served to another; the organisation-wide report is the library's, not cached here.
/// </summary>
public sealed class ScopedMonthlyReports(MonthlyReportService reports, ScopedReportCache cache, TimeProvider clock)
{
    public Task<MonthlyReportView> ViewAsync(DateOnly month, DataScope scope, CancellationToken ct = default) =>
        cache.GetOrCreateAsync(new ScopedReportKey(month, ScopeKey(scope), "view"), async () =>
            MonthlyReportView.Create(await reports.BuildAsync(month, scope, ct)));

    public Task<RenderedPdf> PdfAsync(DateOnly month, DataScope scope, CancellationToken ct = default) =>
        cache.GetOrCreateAsync(new ScopedReportKey(month, ScopeKey(scope), "pdf"), async () =>
            MonthlyReportPdf.Render(await ViewAsync(month, scope, ct), clock.GetUtcNow()));

    /// <summary>"teams:2,5": the sorted team ids. Only a team scope has a report of its own here.</summary>
    public static string ScopeKey(DataScope scope) =>
        scope.TeamIds is { Count: > 0 } teams && scope.AgentId is null && !scope.SeesNothing
            ? "teams:" + string.Join(",", teams.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)))
            : throw new ArgumentException("Only a team scope has a team report.", nameof(scope));

    /// <summary>"cx-report-2026-11-teams-2-5.pdf".</summary>
    public static string FileName(DateOnly month, DataScope scope) =>
        $"cx-report-{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}-{ScopeKey(scope).Replace(':', '-').Replace(',', '-')}.pdf";
}

public sealed record ScopedReportKey(DateOnly Month, string Scope, string Format);

/// <summary>The process's cache of team reports: a bounded number of entries, each for a few minutes.</summary>
public sealed class ScopedReportCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const int MaxEntries = 64;

    private readonly MemoryCache cache;

    public ScopedReportCache(TimeProvider clock) =>
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxEntries, Clock = new SystemClockAdapter(clock) });

    public async Task<T> GetOrCreateAsync<T>(ScopedReportKey key, Func<Task<T>> create) where T : class
    {
        if (cache.TryGetValue(key, out T? found) && found is not null) return found;
        var made = await create();
        cache.Set(key, made, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return made;
    }

    public void Dispose() => cache.Dispose();

#pragma warning disable CS0618 // MemoryCache still takes its clock as an ISystemClock.
    private sealed class SystemClockAdapter(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
#pragma warning restore CS0618
}

/// <summary>The Reports page's words for the library and the e-mailed report: English keys of the page's resources (Swedish in <c>Resources/Pages/Reports</c>).</summary>
public static class ReportsPageText
{
    public const string TeamLimitedNote =
        "Your access is limited to your teams, so Download PDF, Open and Web version give the report of your teams: the same report built from your teams' figures only, made when you ask. The pages and size listed are the organisation-wide report's.";

    public const string MailHeading = "The monthly report by e-mail";
    public const string MailLead = "Subscribers receive the PDF (their teams' version when their access is limited to teams) with a link to the web version, right after the report is made on the 1st.";
    public const string YouAreSubscribed = "You receive the monthly report by e-mail.";
    public const string YouAreNotSubscribed = "You do not receive the monthly report by e-mail.";
    public const string SubscribeButton = "E-mail me the monthly report";
    public const string UnsubscribeButton = "Stop e-mailing me the report";
    public const string Subscribed = "You will receive the monthly report by e-mail.";
    public const string Unsubscribed = "You will no longer receive the monthly report by e-mail.";
    public const string CannotSubscribe = "Your account has no e-mail address or no access to reports, so the report cannot be mailed to you.";
    public const string SubscriberAdded = "The person will receive the monthly report by e-mail.";
    public const string CannotSubscribeThem = "That person cannot receive the report: the account is disabled, has no e-mail address or no access to reports.";
    public const string SubscriberRemoved = "The subscription is removed.";
    public const string NoSmtp = "No SMTP server is set (Smtp:Host and Smtp:From), so reports are not mailed: each planned e-mail is recorded as failed.";
    public const string SubscribersHeading = "Subscribers";
    public const string AddSubscriber = "Subscribe";
    public const string Remove = "Remove";
    public const string DeliveriesHeading = "E-mails sent";
    public const string NoDeliveries = "No report has been mailed yet.";
    public const string NoSubscribers = "Nobody receives the report by e-mail yet.";
}
