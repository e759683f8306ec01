using System.Globalization;
using CxDashboard.Web.Features.Metrics;
using Microsoft.Extensions.Caching.Memory;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// The monthly report made when asked rather than taken from the library: a team-limited manager's report (built from
/// their teams only), and the organisation-wide report in a language other than the library's. Web version and PDF are
/// kept for a few minutes. The cache key is the month, the exact set of teams, the language and the format, so one
/// scope's or language's report can never be served to another.
/// </summary>
public sealed class ScopedMonthlyReports(MonthlyReportService reports, ReportOptions options, ScopedReportCache cache, TimeProvider clock)
{
    public Task<MonthlyReportView> ViewAsync(DateOnly month, DataScope scope, CancellationToken ct = default) => ViewAsync(month, scope, null, ct);

    /// <summary>The report of <paramref name="scope"/> (everything or some teams) in <paramref name="language"/>, else the library's language.</summary>
    public Task<MonthlyReportView> ViewAsync(DateOnly month, DataScope scope, string? language, CancellationToken ct = default)
    {
        var culture = options.LanguageOf(language);
        return cache.GetOrCreateAsync(new ScopedReportKey(month, ScopeKey(scope), culture, "view"), async () =>
            MonthlyReportView.Create(await reports.BuildAsync(month, scope, culture, ct)));
    }

    public Task<RenderedPdf> PdfAsync(DateOnly month, DataScope scope, string? language = null, CancellationToken ct = default)
    {
        var culture = options.LanguageOf(language);
        return cache.GetOrCreateAsync(new ScopedReportKey(month, ScopeKey(scope), culture, "pdf"), async () =>
            MonthlyReportPdf.Render(await ViewAsync(month, scope, culture, ct), clock.GetUtcNow()));
    }

    /// <summary>"teams:2,5": the sorted team ids, or "all" for the organisation. An agent's or an empty scope has no report.</summary>
    public static string ScopeKey(DataScope scope) =>
        scope.IsUnrestricted ? "all"
        : scope.TeamIds is { Count: > 0 } teams && scope.AgentId is null && !scope.SeesNothing
            ? "teams:" + string.Join(",", teams.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)))
            : throw new ArgumentException("Only the organisation or a team scope has a report.", nameof(scope));

    /// <summary>"cx-report-2026-11-teams-2-5.pdf", "cx-report-2026-11-en-GB.pdf" (the organisation's in another language).</summary>
    public static string FileName(DateOnly month, DataScope scope, string? language = null)
    {
        var name = $"cx-report-{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
        if (!scope.IsUnrestricted) name += "-" + ScopeKey(scope).Replace(':', '-').Replace(',', '-');
        if (language is not null) name += "-" + language;
        return name + ".pdf";
    }
}

public sealed record ScopedReportKey(DateOnly Month, string Scope, string Language, string Format);

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
