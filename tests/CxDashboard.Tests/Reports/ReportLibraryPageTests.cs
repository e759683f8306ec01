using System.Globalization;
using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Reports;

public sealed class ReportLibraryPageTestsOnSqlite(ReportLibraryPageTests<OnSqlite>.Fixture fixture) : ReportLibraryPageTests<OnSqlite>(fixture);

public sealed class ReportLibraryPageTestsOnPostgres(ReportLibraryPageTests<OnPostgres>.Fixture fixture) : ReportLibraryPageTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>The Reports page: who sees the library, downloads that are authorised each time and resolved by month only.</summary>
public abstract class ReportLibraryPageTests<TDb>(ReportLibraryPageTests<TDb>.Fixture fixture) : IClassFixture<ReportLibraryPageTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new(TDb.Provider);

        public async Task InitializeAsync()
        {
            App.Clock.SetUtcNow(ReportDataset.JobTime);
            await ReportDataset.LoadAsync(App);
            await App.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportJob>().RunAsync(null, null, CancellationToken.None));
            // A secret beside the reports folder, for the traversal attempts to aim at.
            Directory.CreateDirectory(App.ReportsDirectory);
            await File.WriteAllTextAsync(Path.Combine(App.ReportsDirectory, "secret.txt"), "not for download");
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private CxAppFactory App => fixture.App;

    [DbTheory]
    [InlineData("leader@library.test", Roles.Leadership)]
    [InlineData("manager@library.test", Roles.Manager)]
    [InlineData("admin@library.test", Roles.Admin)]
    public async Task Leadership_managers_and_admins_see_the_library_and_download_the_pdf(string email, string role)
    {
        var client = await App.SignedInClientAsync(email, role);
        var page = await Html.GetDocumentAsync(client, "/Reports");
        Assert.Equal("Reports", Assert.Single(page.QuerySelectorAll("h1")).Text());
        Assert.Contains(page.QuerySelectorAll("nav a.nav-link"), a => a.Text() == "Reports" && a.GetAttribute("href") == "/Reports");

        var row = Assert.Single(page.QuerySelectorAll("[data-testid=library-table] tbody tr"));
        var cells = row.Children.Select(c => c.Text()).ToList();
        Assert.Equal("2026-03 (March 2026)", cells[0]);
        Assert.Equal("2026-04-01 06:00", cells[1]);
        Assert.Equal(MonthlyReportJob.ScheduledBy, cells[2]);
        var pdf = await App.MonthlyPdfAsync("2026-03");
        Assert.Equal($"{Math.Ceiling(pdf.Length / 1024d).ToString(CultureInfo.InvariantCulture)} kB", cells[4]);

        // The library keeps the report in the organisation's language (Swedish); asked for in it, the stored file is served.
        var download = await client.GetAsync("/Reports/Download/2026-03?language=sv-SE");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("cx-report-2026-03.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(pdf, bytes);
        Assert.StartsWith("Kundupplevelse – mars 2026", PdfText.Read(bytes).Pages[0]);

        var open = await client.GetAsync("/Reports/Download/2026-03?inline=true&language=sv-SE");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("inline", open.Content.Headers.ContentDisposition?.DispositionType);

        // A reader of English (the test host's words) gets the report written in English, made when asked.
        var english = await client.GetAsync("/Reports/Download/2026-03");
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Equal("cx-report-2026-03-en-GB.pdf", english.Content.Headers.ContentDisposition?.FileNameStar ?? english.Content.Headers.ContentDisposition?.FileName);
        var englishText = PdfText.Read(await english.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("Customer experience – March 2026", englishText.Pages[0]);
        Assert.DoesNotContain("Kundupplevelse", englishText.All);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Reports/Download/2026-03?language=fi-FI")).StatusCode);
    }

    [DbTheory]
    [InlineData("agent@library.test", Roles.Agent)]
    [InlineData("callback@library.test", Roles.Callback)]
    public async Task Agents_and_callback_staff_get_neither_the_page_nor_the_file(string email, string role)
    {
        var client = await App.SignedInClientAsync(email, role);
        foreach (var url in new[] { "/Reports", "/Reports/Download/2026-03", "/Reports/Monthly?month=2026-03" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        var anyPage = await Html.GetDocumentAsync(client, "/Account/AccessDenied");
        Assert.NotEmpty(anyPage.QuerySelectorAll("[data-testid=user-name]"));
        Assert.DoesNotContain(anyPage.QuerySelectorAll("nav a.nav-link"), a => a.Text() == "Reports");
    }

    [DbFact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_instead_of_getting_the_file()
    {
        var response = await App.NewClient().GetAsync("/Reports/Download/2026-03");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [DbTheory]
    [InlineData("..%2Fsecret.txt")]
    [InlineData("..%2F..%2Fsecret.txt")]
    [InlineData("..%2Fmonthly%2Fcx-report-2026-03.pdf")]
    [InlineData("%2E%2E%2Fsecret.txt")]
    [InlineData("..%5Csecret.txt")]
    [InlineData("2026-03%2F..%2F..%2Fsecret.txt")]
    [InlineData("2026-13")]
    [InlineData("2026-3")]
    [InlineData("cx-report-2026-03.pdf")]
    [InlineData("2026-02")]
    public async Task A_download_is_found_only_by_a_month_in_the_library(string name)
    {
        var client = await App.SignedInClientAsync("leader@library.test", Roles.Leadership);
        var response = await client.GetAsync("/Reports/Download/" + name);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("not for download", body);
        Assert.DoesNotContain("%PDF", body);
    }

    [DbFact]
    public async Task A_listed_report_whose_pdf_is_gone_is_not_found_rather_than_an_error()
    {
        using var app = new CxAppFactory(TDb.Provider);
        app.Clock.SetUtcNow(ReportDataset.JobTime);
        await app.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportJob>().RunAsync("2026-02", null, CancellationToken.None));
        await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ReportLibraryFiles.ExecuteDeleteAsync());
        var client = await app.SignedInClientAsync("leader@gone.test", Roles.Leadership);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Reports/Download/2026-02")).StatusCode);
    }

    [DbFact]
    public async Task Only_administrators_see_the_rerun_form_and_only_they_may_post_it()
    {
        var admin = await App.SignedInClientAsync("admin@library.test", Roles.Admin);
        var adminPage = await Html.GetDocumentAsync(admin, "/Reports");
        var form = adminPage.QuerySelector("[data-testid=rerun-form]");
        Assert.NotNull(form);
        Assert.Equal("2026-03", form!.QuerySelector("input[name=month]")!.GetAttribute("value"));
        Assert.Equal("2026-03", form.QuerySelector("input[name=month]")!.GetAttribute("max"));
        // This test host runs no job server, and the page says what that means.
        Assert.NotNull(adminPage.QuerySelector("[data-testid=no-job-server]"));

        foreach (var (email, role) in new[] { ("leader@library.test", Roles.Leadership), ("manager@library.test", Roles.Manager) })
        {
            var client = await App.SignedInClientAsync(email, role);
            var page = await Html.GetDocumentAsync(client, "/Reports");
            Assert.Null(page.QuerySelector("[data-testid=rerun-form]"));
            Assert.Empty(page.QuerySelectorAll("form[action='/Reports/Rerun']"));
            // Posting anyway (with a valid antiforgery token from the page) is refused.
            var response = await Html.PostFormAsync(client, "/Reports", new Dictionary<string, string> { ["month"] = "2026-03" }, postUrl: "/Reports/Rerun");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
    }

    [DbTheory]
    [InlineData("2026-04", "2026-04 has not ended yet: the newest month with a report is 2026-03.")]
    [InlineData("2026-13", "'2026-13' is not a month: choose one as YYYY-MM.")]
    [InlineData("../2026-03", "'../2026-03' is not a month: choose one as YYYY-MM.")]
    public async Task A_rerun_of_a_month_that_has_not_ended_or_is_no_month_is_refused_with_a_reason(string month, string message)
    {
        var admin = await App.SignedInClientAsync("admin@library.test", Roles.Admin);
        var response = await Html.PostFormAsync(admin, "/Reports", new Dictionary<string, string> { ["month"] = month }, "[data-testid=rerun-form]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.GetDocumentAsync(admin, response.Headers.Location!.OriginalString);
        var status = page.QuerySelector("[data-testid=status-message]");
        Assert.Equal(message, status.Text());
        Assert.Contains("alert-danger", status!.ClassName);
    }

    [DbFact]
    public async Task The_web_version_is_refused_for_a_month_that_has_not_ended()
    {
        var client = await App.SignedInClientAsync("leader@library.test", Roles.Leadership);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Reports/Monthly?month=2026-04")).StatusCode);
        // Not a month at all (or outside the period rule's years): refused as a bad request, saying why.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Reports/Monthly?month=..%2F2026-03")).StatusCode);
        // Without a month it shows the last month that has ended.
        var page = await Html.GetDocumentAsync(client, "/Reports/Monthly");
        // In the reader's language (the test host's words are English), or the one asked for.
        Assert.Equal("Customer experience – March 2026", page.QuerySelector("h1").Text());
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        var swedish = await Html.GetDocumentAsync(client, "/Reports/Monthly?language=sv");
        Assert.Equal("Kundupplevelse – mars 2026", swedish.QuerySelector("h1").Text());
    }

    [DbFact]
    public async Task An_empty_library_says_when_reports_come_and_links_the_web_version()
    {
        using var app = new CxAppFactory(TDb.Provider);
        app.Clock.SetUtcNow(ReportDataset.JobTime);
        var client = await app.SignedInClientAsync("leader@empty.test", Roles.Leadership);
        var page = await Html.GetDocumentAsync(client, "/Reports");
        var empty = page.QuerySelector("[data-testid=empty-state]");
        Assert.Contains("No reports yet.", empty.Text());
        Assert.Contains("1st of the next month at 06:00", empty.Text());
        Assert.Equal("/Reports/Monthly?month=2026-03", empty!.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-testid=library-table]"));
    }
}
