using CxDashboard.Web.Features.Organisation;
using Hangfire;
using Hangfire.Storage;

namespace CxDashboard.Web.Features.Reports;

/// <summary>The monthly report's place in the job system, for the Reports page: when it runs next, and queueing a re-run.</summary>
public sealed class ReportSchedule(JobStorage storage, IBackgroundJobClient jobs, OrganisationSettingsService organisation, TimeProvider clock)
{
    /// <summary>The newest month a report can be made for: the last month that has ended (organisation time).</summary>
    public async Task<DateOnly> LatestReportableMonthAsync(CancellationToken ct = default) =>
        MonthlyReportJob.PreviousMonth((await organisation.GetTimeAsync(ct)).Today(clock));

    /// <summary>When the recurring job runs next (UTC), or null when it is not scheduled in this instance's storage.</summary>
    public DateTime? NextRunUtc()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs([MonthlyReportJob.RecurringJobId]).FirstOrDefault(j => !j.Removed)?.NextExecution;
    }

    /// <summary>Whether any Hangfire server is running to pick up a queued re-run.</summary>
    public bool AnyServerRunning() => storage.GetMonitoringApi().Servers().Count > 0;

    /// <summary>Queues the report job for a month; returns the job id.</summary>
    public string Enqueue(DateOnly month, string requestedBy) =>
        jobs.Enqueue<MonthlyReportJob>(job => job.RunAsync(month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), requestedBy, CancellationToken.None));
}
