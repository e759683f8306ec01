using System.Net;
using CxDashboard.Tests.Callbacks;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Reports;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Reports;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Data;

/// <summary>
/// Two app instances on real Kestrel ports sharing one PostgreSQL database, as behind a load balancer: a sign-in on one is
/// accepted by the other (the key ring is in the database), /health on each names the shared database and job storage,
/// the flagging job run on both at once opens each case once, and the monthly report one of them makes is the report
/// both serve.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime, IRunsOnPostgres
{
    private CxAppFactory _a = null!;
    private CxAppFactory _b = null!;

    public Task InitializeAsync()
    {
        // Imports do not flag callbacks here (no import listener): the flagging job is run by the tests, on both at once.
        _a = Started(new JobDrivenAppFactory(DatabaseProvider.Postgres));
        _b = Started(new JobDrivenAppFactory(DatabaseProvider.Postgres) { SharesDatabaseWith = _a });
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _b.Dispose();
        _a.Dispose();
        return Task.CompletedTask;
    }

    private static CxAppFactory Started(CxAppFactory app)
    {
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    private static string BaseUrl(CxAppFactory app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    /// <summary>A client of the instance's real port that sends the given sign-in cookie (as a browser sent to either instance would).</summary>
    private static HttpClient ClientOf(CxAppFactory app, string? cookie = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookie is null }) { BaseAddress = new Uri(BaseUrl(app)) };
        if (cookie is not null) client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task<string> SignInOnAAsync(string email, string role)
    {
        await _a.CreateUserAsync(email, role);
        using var client = ClientOf(_a);
        return await Html.SignInAsync(client, email, CxAppFactory.Password);
    }

    [DbFact]
    public async Task A_sign_in_on_one_instance_is_accepted_by_the_other()
    {
        var cookie = await SignInOnAAsync("manager@two.test", Roles.Manager);
        using var onB = ClientOf(_b, cookie);
        var response = await onB.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("manager@two.test", Html.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent);

        using var anonymous = ClientOf(_b, "CxDashboard.Auth=not-a-ticket");
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/")).StatusCode);
    }

    [DbFact]
    public async Task Health_on_each_instance_names_the_shared_database_and_job_storage()
    {
        var cookie = await SignInOnAAsync("admin@two.test", Roles.Admin);
        foreach (var app in new[] { _a, _b })
        {
            using var client = ClientOf(app, cookie);
            using var health = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/health"));
            var checks = health.RootElement.GetProperty("checks");
            Assert.Equal("PostgreSQL", checks.GetProperty("database").GetProperty("description").GetString());
            Assert.StartsWith("Jobs kept in PostgreSQL", checks.GetProperty("jobs").GetProperty("description").GetString());
            Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        }
    }

    [DbFact]
    public async Task The_flagging_job_started_on_both_instances_at_once_opens_each_case_once()
    {
        await CallbackDataset.LoadAsync(_a);
        _b.Clock.SetUtcNow(_a.Clock.GetUtcNow());
        var runs = await Task.WhenAll(Task.Run(() => CallbackDataset.FlagAsync(_a)), Task.Run(() => CallbackDataset.FlagAsync(_b)));

        var cases = await CallbackDataset.CasesAsync(_b);
        Assert.Equal(CallbackDataset.FlaggedCustomers, cases.Select(c => c.Customer).Order());
        Assert.Equal(5, runs.Sum(r => r.CasesOpened));
        Assert.Equal(cases.Sum(c => c.Triggers.Count), runs.Sum(r => r.CasesOpened + r.TriggersAdded));
        // Run again on either: the shared high-water mark leaves nothing to do.
        Assert.Equal(0, (await CallbackDataset.FlagAsync(_b)).CasesOpened + (await CallbackDataset.FlagAsync(_a)).TriggersAdded);
    }

    [DbFact]
    public async Task The_monthly_report_made_on_one_instance_is_the_one_both_serve()
    {
        _a.Clock.SetUtcNow(ReportDataset.JobTime);
        _b.Clock.SetUtcNow(ReportDataset.JobTime);
        await ReportDataset.LoadAsync(_a);
        await _a.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportJob>().RunAsync(null, null, CancellationToken.None));
        var stored = await _a.MonthlyPdfAsync("2026-03");

        var cookie = await SignInOnAAsync("leader@two.test", Roles.Leadership);
        foreach (var app in new[] { _a, _b })
        {
            using var client = ClientOf(app, cookie);
            var library = Html.Parse(await client.GetStringAsync("/Reports"));
            Assert.Single(library.QuerySelectorAll("[data-testid=library-table] tbody tr"));
            Assert.Equal(stored, await client.GetByteArrayAsync("/Reports/Download/2026-03?language=sv-SE"));
        }
        Assert.Equal(1, await _b.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ReportLibrary.CountAsync()));
    }
}
