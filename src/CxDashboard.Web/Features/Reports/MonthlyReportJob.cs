using System.Globalization;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Organisation;
using Hangfire;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// Renders a month's leadership report into the library. Scheduled for the 1st of each month (the previous month);
/// administrators re-run a month from the Reports page, and the CLI runs it too. Idempotent: running a month again
/// replaces its file and its library row.
/// </summary>
public sealed class MonthlyReportJob(
    MonthlyReportGenerator generator,
    ReportLibrary library,
    Delivery.ReportSubscriptions subscriptions,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    OrganisationSettingsService organisation,
    TimeProvider clock,
    ILogger<MonthlyReportJob> logger)
{
    public const string RecurringJobId = "monthly-leadership-report";
    public const string JobName = "MonthlyReport";

    /// <summary>06:00 on the 1st of every month, in the organisation's time zone.</summary>
    public const string DefaultCron = "0 6 1 * *";
    public const string ScheduledBy = "scheduled job";

    /// <param name="month">YYYY-MM; the month before today's (organisation time) when null.</param>
    /// <param name="requestedBy">Who asked for it, for the library; the schedule when null.</param>
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<ReportLibraryEntry> RunAsync(string? month, string? requestedBy, CancellationToken ct)
    {
        DateOnly target;
        if (month is null) target = PreviousMonth((await organisation.GetTimeAsync(ct)).Today(clock));
        else if (!ReportLibrary.TryParseMonth(month, out target))
            throw new ArgumentException($"'{month}' is not a month; use YYYY-MM.", nameof(month));

        var generated = await generator.GenerateAsync(target, null, ct);
        var entry = await library.StoreMonthlyAsync(target, generated.Pdf, requestedBy ?? ScheduledBy, (int)generated.Total.TotalMilliseconds, ct);
        logger.LogInformation("Monthly report {Month}: {Pages} pages, {Bytes} bytes, figures {GatherMs} ms, PDF {RenderMs} ms, for {RequestedBy}",
            target.ToString("yyyy-MM", CultureInfo.InvariantCulture), generated.Pdf.PageCount, generated.Pdf.Content.Length,
            (int)generated.Gathering.TotalMilliseconds, (int)generated.Rendering.TotalMilliseconds, entry.CreatedBy);

        // Right after the PDF is written: one e-mail per subscriber, each a job of its own that Hangfire retries (at
        // once, in this process, when no job server runs here, e.g. the command line).
        foreach (var deliveryId in await subscriptions.PlanAsync(target, ct))
        {
            await Ingestion.ImportFollowUp.RunAsync<Delivery.ReportDeliveryJob>(scopes, configuration,
                job => job.SendAsync(deliveryId, CancellationToken.None),
                (job, token) => job.SendAsync(deliveryId, token),
                e => logger.LogWarning(e, "The monthly report {Month} was not mailed (delivery {Id}); it is recorded as failed", target, deliveryId),
                ct);
        }
        return entry;
    }

    /// <summary>The demo's library: the reports of the last three months that have ended, as if the schedule had made them.</summary>
    public async Task CreateDemoLibraryAsync(CancellationToken ct)
    {
        var latest = PreviousMonth((await organisation.GetTimeAsync(ct)).Today(clock));
        for (var month = latest.AddMonths(-2); month <= latest; month = month.AddMonths(1))
            await RunAsync(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), ScheduledBy, ct);
    }

    public static DateOnly PreviousMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
}
