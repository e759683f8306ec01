using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Reports;
using Hangfire;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// Registers the recurring jobs with their schedules (cron, configurable under Jobs:&lt;Name&gt;:Cron) in the
/// organisation's time zone. Jobs are plain classes: the CLI's run-job verb and tests call them directly.
/// </summary>
public static class RecurringJobsRegistrar
{
    public static void Register(IServiceProvider services, IConfiguration configuration)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        TimeZoneInfo timeZone;
        using (var scope = services.CreateScope())
            timeZone = scope.ServiceProvider.GetRequiredService<OrganisationSettingsService>().GetTimeAsync().GetAwaiter().GetResult().TimeZone;
        var options = new RecurringJobOptions { TimeZone = timeZone };

        AddOrUpdate<CallbackFlaggingJob>(manager, configuration, "FlagCallbacks", CallbackFlaggingJob.RecurringJobId, "*/15 * * * *", options,
            job => job.RunAsync(null, CancellationToken.None));
        AddOrUpdate<CallbackEscalationJob>(manager, configuration, "EscalateOverdue", CallbackEscalationJob.RecurringJobId, "*/15 * * * *", options,
            job => job.RunAsync(null, CancellationToken.None));
        // Days a large import left pending (e.g. a command-line import stopped before its rebuild) are rebuilt while the
        // app runs, not only at its next start; a run with nothing pending costs one tiny query.
        AddOrUpdate<Features.Metrics.Rollups.PendingRollupsJob>(manager, configuration, Features.Metrics.Rollups.PendingRollupsJob.JobName,
            Features.Metrics.Rollups.PendingRollupsJob.RecurringJobId, Features.Metrics.Rollups.PendingRollupsJob.DefaultCron, options,
            job => job.RunAsync(CancellationToken.None));
        AddOrUpdate<MonthlyReportJob>(manager, configuration, MonthlyReportJob.JobName, MonthlyReportJob.RecurringJobId, MonthlyReportJob.DefaultCron, options,
            job => job.RunAsync(null, null, CancellationToken.None));
    }

    /// <summary>Schedules a job by Jobs:&lt;name&gt;:Cron (or the default); a bad expression stops the start with a clear message.</summary>
    private static void AddOrUpdate<TJob>(IRecurringJobManager manager, IConfiguration configuration, string name, string jobId, string defaultCron,
        RecurringJobOptions options, System.Linq.Expressions.Expression<Func<TJob, Task>> call)
    {
        var cron = configuration[$"Jobs:{name}:Cron"] ?? defaultCron;
        try
        {
            manager.AddOrUpdate(jobId, call, cron, options);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Jobs:{name}:Cron '{cron}' is not a valid cron expression: {e.Message}", e);
        }
    }
}
