using System.Net;
using System.Text.RegularExpressions;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Reports;
using Hangfire.Storage;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Reports;

/// <summary>The monthly job through Hangfire: its schedule in the organisation's time zone, and an administrator's re-run run by the job server.</summary>
public sealed class ReportJobWiringTests(ReportJobWiringTests.Fixture fixture) : IClassFixture<ReportJobWiringTests.Fixture>
{
    /// <summary>One host with a job server for the class: Hangfire keeps some state in statics.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppWithJobServerFactory App { get; } = new();

        public async Task InitializeAsync()
        {
            App.Clock.SetUtcNow(ReportDataset.JobTime);
            await ReportDataset.LoadAsync(App);
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void The_report_is_scheduled_for_06_00_on_the_1st_of_each_month_in_the_organisations_time_zone()
    {
        using var connection = fixture.App.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == MonthlyReportJob.RecurringJobId);
        Assert.Equal(("0 6 1 * *", "Europe/Stockholm"), (job.Cron, job.TimeZoneId));
        Assert.Equal((typeof(MonthlyReportJob), nameof(MonthlyReportJob.RunAsync)), (job.Job.Type, job.Job.Method.Name));
        // The schedule's month argument is empty: each run reports the month before its own.
        Assert.Null(job.Job.Args[0]);
    }

    [Fact]
    public async Task An_administrators_rerun_is_made_by_the_job_server_and_listed()
    {
        var admin = await fixture.App.SignedInClientAsync("admin@jobs.test", Roles.Admin);
        var page = await Html.GetDocumentAsync(admin, "/Reports");
        // Hangfire works out the next run itself (from the real clock): the 1st of a month at 06:00 Stockholm time.
        Assert.Matches(new Regex(@"next scheduled run \d{4}-\d{2}-01 06:00"), page.QuerySelector("[data-testid=scope-line]").Text());
        Assert.Null(page.QuerySelector("[data-testid=no-job-server]"));

        var posted = await Html.PostFormAsync(admin, "/Reports", new Dictionary<string, string> { ["month"] = "2026-03" }, "[data-testid=rerun-form]");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var message = (await Html.GetDocumentAsync(admin, "/Reports")).QuerySelector("[data-testid=status-message]").Text();
        Assert.Equal("The report for 2026-03 is being made; it replaces the library's entry for 2026-03 within a minute. Reload this page to see it.", message);

        // Wait for the job server's work (not for a time): the job succeeds and the library holds its entry.
        var monitoring = fixture.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        bool Done() => monitoring.SucceededJobs(0, 20).Any(j => j.Value.Job?.Type == typeof(MonthlyReportJob));
        for (var tries = 0; tries < 600 && !Done() && monitoring.FailedCount() == 0; tries++) await Task.Delay(100);
        Assert.True(Done(), $"{monitoring.EnqueuedCount("default")} enqueued, {monitoring.ProcessingCount()} processing, {monitoring.FailedCount()} failed");

        var entry = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ReportLibrary.SingleAsync());
        Assert.Equal("re-run by admin@jobs.test", entry.CreatedBy);
        Assert.StartsWith("Kundupplevelse – mars 2026", PdfText.Read(await fixture.App.MonthlyPdfAsync("2026-03")).Pages[0]);
        var listed = await Html.GetDocumentAsync(admin, "/Reports");
        Assert.Equal("re-run by admin@jobs.test", listed.QuerySelector("[data-testid=library-table] tr[data-month='2026-03'] td:nth-of-type(2)").Text());
    }
}

/// <summary>The schedule is a setting (Jobs:MonthlyReport:Cron).</summary>
public sealed class ReportScheduleConfigurationTests
{
    private sealed class ScheduledApp : CxAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Jobs:MonthlyReport:Cron", "30 7 2 * *");
        }
    }

    [Fact]
    public void The_cron_expression_is_a_setting()
    {
        using var app = new ScheduledApp();
        _ = app.Server;
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Equal("30 7 2 * *", connection.GetRecurringJobs().Single(j => j.Id == MonthlyReportJob.RecurringJobId).Cron);
    }
}
