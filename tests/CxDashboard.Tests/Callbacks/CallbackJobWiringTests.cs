using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Features.Callbacks;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Callbacks;

/// <summary>The jobs through Hangfire: scheduled in the organisation's time zone, and run by the job server after an import.</summary>
public sealed class CallbackJobWiringTests(CallbackJobWiringTests.Fixture fixture) : IClassFixture<CallbackJobWiringTests.Fixture>
{
    /// <summary>One host with a job server for the class: Hangfire keeps some state in statics.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppWithJobServerFactory App { get; } = new();
        public Task InitializeAsync() => Task.CompletedTask;
        public async Task DisposeAsync()
        {
            // A job the server still runs when the host stops would reach into disposed services: let it finish first.
            var monitoring = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
            for (var tries = 0; tries < 300 && monitoring.ProcessingCount() > 0; tries++) await Task.Delay(100);
            try
            {
                App.Dispose();
            }
            catch (ObjectDisposedException)
            {
                // The job server's shutdown can still race the provider's disposal; the tests' assertions are all done by now.
            }
        }
    }

    [Fact]
    public async Task Both_jobs_are_scheduled_every_15_minutes_in_the_organisations_time_zone()
    {
        await fixture.App.WithScopeAsync(_ => Task.CompletedTask); // start the app
        using var connection = fixture.App.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        Assert.Equal(("*/15 * * * *", "Europe/Stockholm"), (jobs[CallbackFlaggingJob.RecurringJobId].Cron, jobs[CallbackFlaggingJob.RecurringJobId].TimeZoneId));
        Assert.Equal(("*/15 * * * *", "Europe/Stockholm"), (jobs[CallbackEscalationJob.RecurringJobId].Cron, jobs[CallbackEscalationJob.RecurringJobId].TimeZoneId));
        Assert.Equal(nameof(CallbackFlaggingJob.RunAsync), jobs[CallbackFlaggingJob.RecurringJobId].Job.Method.Name);
    }

    [Fact]
    public async Task An_import_has_the_job_server_flag_the_new_data()
    {
        await CallbackDataset.LoadAsync(fixture.App);

        // The imports enqueued the flagging job; the job server runs it in the background. Wait for that work, not for a time.
        var monitoring = fixture.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        bool Done() => monitoring.EnqueuedCount("default") == 0 && monitoring.ProcessingCount() == 0
                       && monitoring.SucceededJobs(0, 10).Count(j => j.Value.Job?.Type == typeof(CallbackFlaggingJob)) >= 2;
        for (var tries = 0; tries < 300 && !Done(); tries++) await Task.Delay(100);

        Assert.True(Done(), $"{monitoring.EnqueuedCount("default")} enqueued, {monitoring.ProcessingCount()} processing, {monitoring.FailedCount()} failed");
        var cases = await CallbackDataset.CasesAsync(fixture.App);
        Assert.Equal(CallbackDataset.FlaggedCustomers, cases.Select(c => c.Customer).Order());
    }
}

/// <summary>Schedules come from configuration; a bad one stops the start with a message that names the setting.</summary>
public sealed class CallbackScheduleConfigurationTests
{
    private sealed class ScheduledApp(string flagCron) : CxAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Jobs:FlagCallbacks:Cron", flagCron);
            builder.UseSetting("Jobs:EscalateOverdue:Cron", "5 * * * 1-5");
        }
    }

    [Fact]
    public void The_cron_expressions_are_settings()
    {
        using var app = new ScheduledApp("0 7-17 * * 1-5");
        _ = app.Server;
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);
        Assert.Equal("0 7-17 * * 1-5", jobs[CallbackFlaggingJob.RecurringJobId]);
        Assert.Equal("5 * * * 1-5", jobs[CallbackEscalationJob.RecurringJobId]);
    }

    [Fact]
    public void A_bad_cron_expression_names_the_setting()
    {
        using var app = new ScheduledApp("every quarter hour");
        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("Jobs:FlagCallbacks:Cron 'every quarter hour' is not a valid cron expression", error.ToString());
    }
}
