using System.Net;
using CxDashboard.Tests.Callbacks;
using CxDashboard.Tests.Imports;
using CxDashboard.Tests.Metrics;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Reports;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Imports;
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
/// both serve; an import started on one shows its progress on the other, a check on one is imported on the other, and
/// killing the instance in the middle of an import leaves nothing of it written while the other keeps serving.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime, IRunsOnPostgres
{
    private CxAppFactory _a = null!;
    private CxAppFactory _b = null!;

    public Task InitializeAsync()
    {
        // Imports do not flag callbacks here (no import listener): the flagging job is run by the tests, on both at once.
        _a = Started(new JobDrivenAppFactory(DatabaseProvider.Postgres));
        // B shares A's upload folder, as the deployment guide asks of instances behind one address.
        _b = Started(new JobDrivenAppFactory(DatabaseProvider.Postgres) { SharesDatabaseWith = _a, SharesUploadsWith = _a });
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

    private const string March = "/?period=custom&from=2026-03-01&to=2026-03-31";

    /// <summary>Contacts in March 2026 (the dashboard's period in these tests), of the boundary dataset's agents.</summary>
    private static byte[] MarchContacts(int rows, string prefix)
    {
        var text = new System.Text.StringBuilder("contact_id,customer_id,agent_id,team,channel,reason,started_at,customer_name\n");
        var start = new DateTime(2026, 3, 2, 8, 0, 0);
        for (var i = 0; i < rows; i++)
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{i},{prefix}C{i % 3000},A{i % 3 + 1},,chat,FAKTURA,{start.AddMinutes(i):yyyy-MM-dd HH:mm},Customer {i % 3000}\n");
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A signed-in client of an instance that keeps the cookies it is given (antiforgery included), as a browser does.</summary>
    private static HttpClient BrowserOf(string baseUrl, string authCookie)
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies };
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        cookies.SetCookies(client.BaseAddress, authCookie);
        return client;
    }

    private static async Task<System.Text.Json.JsonElement> ProgressAsync(HttpClient client, string runUrl) =>
        System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"{runUrl}?handler=Progress")).RootElement;

    /// <summary>
    /// Holds back every write to the contacts table (a SHARE lock) until disposed: an import then reads, checks and stages
    /// all its rows and waits, inside its transaction, at the statement that writes them.
    /// </summary>
    private sealed class ContactWritesHeld : IAsyncDisposable
    {
        private readonly Npgsql.NpgsqlConnection _connection;
        private readonly Npgsql.NpgsqlTransaction _transaction;

        private ContactWritesHeld(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction) => (_connection, _transaction) = (connection, transaction);

        public static async Task<ContactWritesHeld> StartAsync(CxAppFactory app)
        {
            var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using var command = new Npgsql.NpgsqlCommand("""LOCK TABLE "Contacts" IN SHARE MODE""", connection, transaction);
            await command.ExecuteNonQueryAsync();
            return new ContactWritesHeld(connection, transaction);
        }

        public async ValueTask DisposeAsync()
        {
            await _transaction.RollbackAsync();
            await _connection.DisposeAsync();
        }
    }

    /// <summary>Polls until the condition holds (an event in another instance or process, not a deadline), at most a minute.</summary>
    private static async Task<T> WhenAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), $"Still not {what} after a minute: {value}");
            await Task.Delay(100);
        }
    }

    [DbFact]
    public async Task An_import_started_on_one_instance_shows_its_progress_on_the_other()
    {
        await BoundaryDataset.LoadAsync(_a);
        var cookie = await SignInOnAAsync("admin@two.test", Roles.Admin);
        using var onA = BrowserOf(BaseUrl(_a), cookie);
        using var onB = BrowserOf(BaseUrl(_b), cookie);
        var runUrl = await ImportPageTests.UploadAsync(onA, ("ContactsFile", "mars.csv", MarchContacts(12_000, "PRG")));

        Task<HttpResponseMessage> import;
        await using (await ContactWritesHeld.StartAsync(_a))
        {
            import = ImportPageTests.PressAsync(onA, runUrl, "Import");
            var progress = await WhenAsync(() => ProgressAsync(onB, runUrl), p => p.GetProperty("rowsDone").GetInt64() == 12_000, "12,000 rows read on B");
            Assert.Equal("Importing", progress.GetProperty("status").GetString());
            Assert.False(progress.GetProperty("done").GetBoolean());
            Assert.Equal(12_000, progress.GetProperty("rowsTotal").GetInt64());
            Assert.Equal(100, progress.GetProperty("percent").GetDouble());

            var page = Html.Parse(await onB.GetStringAsync(runUrl));
            Assert.Equal("Importing…", page.QuerySelector("[data-testid=run-status]").Text());
            Assert.StartsWith("12 000 rows of 12 000", page.QuerySelector("[data-progress-text]").Text());
        }
        Assert.Equal(HttpStatusCode.Redirect, (await import).StatusCode);

        var done = await ProgressAsync(onB, runUrl);
        Assert.Equal("Imported", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("done").GetBoolean());
        Assert.Equal(0, ImportTestSupport.Scalar(_b, """SELECT COUNT(*) FROM "ImportRunProgress" """));
    }

    [DbFact]
    public async Task A_check_on_one_instance_is_imported_on_another_sharing_the_upload_folder_and_refused_clearly_on_one_without()
    {
        await BoundaryDataset.LoadAsync(_a);
        var cookie = await SignInOnAAsync("admin@two.test", Roles.Admin);
        using var onA = BrowserOf(BaseUrl(_a), cookie);
        var runUrl = await ImportPageTests.UploadAsync(onA, ("ContactsFile", "mars.csv", MarchContacts(50, "SHR")));
        var before = ImportTestSupport.Fingerprint(_a);

        using (var apart = Started(new JobDrivenAppFactory(DatabaseProvider.Postgres) { SharesDatabaseWith = _a }))
        {
            using var onC = BrowserOf(BaseUrl(apart), cookie);
            var page = Html.Parse(await onC.GetStringAsync(runUrl));
            Assert.Equal(ImportRunText.UploadNotHere, page.QuerySelector("[data-testid=action-error]").Text());
            Assert.Equal("Checked, not imported", page.QuerySelector("[data-testid=run-status]").Text());
            Assert.Null(page.QuerySelector("button[formaction$='handler=Import']"));
            // Pressed anyway (a form kept open from before): refused the same way, the upload still waits to be imported.
            var refused = await Html.PostFormAsync(onC, "/Import", new Dictionary<string, string>(), "form[enctype]", $"{runUrl}?handler=Import");
            page = Html.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal(ImportRunText.UploadNotHere, page.QuerySelector("[data-testid=action-error]").Text());
            Assert.Equal("Checked, not imported", page.QuerySelector("[data-testid=run-status]").Text());
            Assert.Equal(before, ImportTestSupport.Fingerprint(_a));
        }

        using var onB = BrowserOf(BaseUrl(_b), cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await ImportPageTests.PressAsync(onB, runUrl, "Import")).StatusCode);
        Assert.Equal("Imported", Html.Parse(await onA.GetStringAsync(runUrl)).QuerySelector("[data-testid=run-status]").Text());
        Assert.Equal(50, ImportTestSupport.Scalar(_a, """SELECT COUNT(*) FROM "Contacts" WHERE "ExternalId" LIKE 'SHR%'"""));
    }

    [DbFact]
    public async Task Killing_an_instance_in_the_middle_of_an_import_leaves_nothing_of_it_and_the_other_keeps_serving()
    {
        await BoundaryDataset.LoadAsync(_a);
        var cookie = await SignInOnAAsync("admin@two.test", Roles.Admin);
        using var onB = BrowserOf(BaseUrl(_b), cookie);
        var contactsBefore = Html.Parse(await onB.GetStringAsync(March)).QuerySelector("[data-kpi=Contacts] [data-testid=kpi-value]").Text();
        var before = ImportTestSupport.Fingerprint(_a);

        string runUrl;
        using (var killed = await AppProcess.StartAsync(_a))
        {
            using var onKilled = BrowserOf(killed.BaseUrl, "x=y");
            await Html.SignInAsync(onKilled, "admin@two.test", CxAppFactory.Password);
            runUrl = await ImportPageTests.UploadAsync(onKilled, ("ContactsFile", "mars.csv", MarchContacts(12_000, "KIL")));
            await using (await ContactWritesHeld.StartAsync(_a))
            {
                _ = ImportPageTests.PressAsync(onKilled, runUrl, "Import").ContinueWith(t => t.Exception, TaskScheduler.Default);
                // In its transaction: every row read and staged (B shows them), waiting to write them.
                await WhenAsync(() => ProgressAsync(onB, runUrl), p => p.GetProperty("rowsDone").GetInt64() == 12_000, "12,000 rows read");
                killed.Kill();
            }
        }

        // The server drops the killed instance's connections: its transaction never commits, and B closes the run.
        var progress = await WhenAsync(() => ProgressAsync(onB, runUrl), p => p.GetProperty("done").GetBoolean(), "closed");
        Assert.Equal("Failed", progress.GetProperty("status").GetString());
        var run = Html.Parse(await onB.GetStringAsync(runUrl));
        Assert.Equal("Failed: nothing written", run.QuerySelector("[data-testid=run-status]").Text());
        Assert.Equal(ImportRunText.CutOffWhileImporting, run.QuerySelector("[data-testid=run-message]").Text());
        Assert.False(Directory.Exists(Path.Combine(_a.UploadFolder, ImportTestSupport.Text(_a, """SELECT "UploadKey" FROM "ImportRuns" """)!)));

        await WhenAsync(() => Task.FromResult(ImportTestSupport.Scalar(_a, "SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'idle in transaction' OR wait_event_type = 'Lock'")),
            n => n == 0, "free of the killed instance's transaction");
        Assert.Equal(before, ImportTestSupport.Fingerprint(_a));
        Assert.Equal(0, ImportTestSupport.Scalar(_a, """SELECT COUNT(*) FROM "Contacts" WHERE "ExternalId" LIKE 'KIL%'"""));
        Assert.Equal(0, ImportTestSupport.Scalar(_a, """SELECT COUNT(*) FROM "Customers" WHERE "ExternalId" LIKE 'KIL%'"""));
        Assert.Equal(0, ImportTestSupport.Scalar(_a, """SELECT COUNT(*) FROM "KpiRollupPendingDates" """));
        Assert.Equal(contactsBefore, Html.Parse(await onB.GetStringAsync(March)).QuerySelector("[data-kpi=Contacts] [data-testid=kpi-value]").Text());
    }
}
