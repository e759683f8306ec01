using System.Text;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using static CxDashboard.Tests.Imports.ImportTestSupport;

namespace CxDashboard.Tests.Imports;

public sealed class ImportJobTestsOnSqlite(ImportJobTests<OnSqlite>.Fixture fixture) : ImportJobTests<OnSqlite>(fixture);

public sealed class ImportJobTestsOnPostgres(ImportJobTests<OnPostgres>.Fixture fixture) : ImportJobTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>Large uploads go through Hangfire: the check and the import run as jobs while the page polls their progress.</summary>
public abstract class ImportJobTests<TDb>(ImportJobTests<TDb>.Fixture fixture) : IClassFixture<ImportJobTests<TDb>.Fixture> where TDb : ITestDatabase
{
    /// <summary>The app with its job server, treating every upload as large.</summary>
    public sealed class BackgroundImportsApp() : CxAppFactory(TDb.Provider)
    {
        protected override bool RunJobServer => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Imports:BackgroundThresholdBytes", "0");
        }
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public BackgroundImportsApp App { get; } = new();
        public Task InitializeAsync() => BoundaryDataset.LoadAsync(App);
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    /// <summary>Polls the progress endpoint the page's script uses until the job has ended (jobs run on Hangfire's workers).</summary>
    private static async Task<List<JsonElement>> WaitForJobAsync(HttpClient client, string runUrl)
    {
        var seen = new List<JsonElement>();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync($"{runUrl}?handler=Progress")).RootElement;
            seen.Add(json);
            if (json.GetProperty("done").GetBoolean()) return seen;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The job of {runUrl} did not end within a minute.");
    }

    [DbFact]
    public async Task A_large_upload_is_checked_and_imported_by_background_jobs_with_progress()
    {
        var client = await fixture.App.SignedInClientAsync("admin@test.local", Roles.Admin);
        var csv = ImportBehaviourTests.ManyContacts(30_000, "JOB");
        var runUrl = await ImportPageTests.UploadAsync(client, ("ContactsFile", "stor.csv", Encoding.UTF8.GetBytes(csv)));

        // Right after the upload the page shows the check running, with a progress bar its script polls.
        var page = await Html.GetDocumentAsync(client, runUrl);
        var status = page.QuerySelector("[data-testid=run-status]").Text();
        Assert.True(status is "Checking…" or "Checked, not imported", status);
        if (status == "Checking…")
        {
            Assert.NotNull(page.QuerySelector("[role=progressbar][aria-valuenow]"));
            Assert.Equal($"{runUrl}?handler=Progress", page.QuerySelector("[data-progress-url]")!.GetAttribute("data-progress-url"));
        }
        await WaitForJobAsync(client, runUrl);
        page = await Html.GetDocumentAsync(client, runUrl);
        Assert.Equal("All 30 000 rows are valid.", page.QuerySelector("[data-testid=check-summary]").Text());
        Assert.Equal(0, Scalar(fixture.App, """SELECT COUNT(*) FROM "Contacts" WHERE "ExternalId" LIKE 'JOB%'"""));

        await ImportPageTests.PressAsync(client, runUrl, "Import");
        var progress = await WaitForJobAsync(client, runUrl);
        Assert.All(progress.Where(p => !p.GetProperty("done").GetBoolean()), p =>
        {
            Assert.Equal(30_000, p.GetProperty("rowsTotal").GetInt64());
            Assert.InRange(p.GetProperty("rowsDone").GetInt64(), 0, 30_000);
            Assert.Equal(0, p.GetProperty("errors").GetInt64());
        });
        page = await Html.GetDocumentAsync(client, runUrl);
        Assert.Equal("Imported", page.QuerySelector("[data-testid=run-status]").Text());
        Assert.Equal(30_000, Scalar(fixture.App, """SELECT COUNT(*) FROM "Contacts" WHERE "ExternalId" LIKE 'JOB%'"""));

        var history = await Html.GetDocumentAsync(client, "/Import");
        var row = history.QuerySelectorAll("[data-testid=import-history] tbody tr").Select(Html.RowText).First(r => r.Contains("stor.csv"));
        Assert.Contains("contacts 30 000 30 000 0 0 0 Imported", row);
    }
}
