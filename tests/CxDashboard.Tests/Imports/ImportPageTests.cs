using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static CxDashboard.Tests.Imports.ImportTestSupport;

using static CxDashboard.Tests.Imports.ImportPageTests;

namespace CxDashboard.Tests.Imports;

public sealed class ImportPageTestsOnSqlite(ImportPageTests<OnSqlite>.Fixture fixture) : ImportPageTests<OnSqlite>(fixture);

public sealed class ImportPageTestsOnPostgres(ImportPageTests<OnPostgres>.Fixture fixture) : ImportPageTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>The Import page as a manager or admin uses it: upload, read the check, import (or the valid rows), history.</summary>
public abstract class ImportPageTests<TDb>(ImportPageTests<TDb>.Fixture fixture) : IClassFixture<ImportPageTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new(TDb.Provider);
        public Task InitializeAsync() => BoundaryDataset.LoadAsync(App);
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private static string Rows(IDocument page, string testId) =>
        string.Join("\n", page.QuerySelectorAll($"[data-testid={testId}] tbody tr").Select(Html.RowText));

    [DbFact]
    public async Task A_file_with_errors_shows_every_error_and_the_first_rows_then_imports_the_valid_rows()
    {
        var client = await fixture.App.SignedInClientAsync("admin@test.local", Roles.Admin);
        var csv = "\uFEFFresponse_id;contact_id;received_at;csat;resolved;comment;extra\nP1;K9;2026-03-10 12:00;5;ja;\"Snabbt; bra\";x\nP2;K9;2026-03-10 12:05;7;kanske;;y\nP3;K404;2026-03-10 12:10;4;;;z\n";
        var before = Fingerprint(fixture.App);
        var runUrl = await UploadAsync(client, ("SurveyResponsesFile", "svar.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Matches("^/Import/Run/[0-9]+$", runUrl);

        var page = await Html.GetDocumentAsync(client, runUrl);
        Assert.Equal("Checked, not imported", page.QuerySelector("[data-testid=run-status]").Text());
        Assert.Contains("3 error(s) in 2 of 3 rows", page.QuerySelector("[data-testid=check-summary]").Text());
        Assert.Contains("Read as CSV, semicolon-separated, UTF-8 with byte-order mark", page.QuerySelector("[data-testid=file-preview]").Text());
        Assert.Contains("unknown column(s): extra", page.QuerySelector("[data-testid=file-preview]").Text());
        Assert.Equal(
            "3 csat 7 is outside 1–5 (CSAT is 1–5)\n3 resolved 'kanske' is not yes/no (also ja/nej, true/false, 1/0)\n4 contact_id no contact with id 'K404' (import the contacts first, or in the same batch)",
            Rows(page, "row-errors"));
        Assert.StartsWith("2 P1 K9 2026-03-10 12:00 5 ja Snabbt; bra x", Rows(page, "preview-rows"));
        Assert.Null(page.QuerySelector("button[formaction$='handler=Import']"));
        Assert.Equal(before, Fingerprint(fixture.App));

        // A Swedish reader gets the same check in Swedish: each error with its line and column, the values from the file as they are.
        var swedish = await Html.GetDocumentAsync(client, runUrl + "?culture=sv-SE");
        Assert.Equal("Kontrollerad, inte importerad", swedish.QuerySelector("[data-testid=run-status]").Text());
        Assert.Contains("3 fel i 2 av 3 rader", swedish.QuerySelector("[data-testid=check-summary]").Text());
        Assert.Equal("Rad Kolumn Problem", Html.RowText(swedish.QuerySelector("[data-testid=row-errors] thead tr")!));
        Assert.Equal(
            "3 csat 7 ligger utanför 1–5 (CSAT är 1–5)\n3 resolved 'kanske' är inte ja/nej (även yes/no, true/false, 1/0)\n4 contact_id det finns ingen kontakt med id 'K404' (importera kontakterna först, eller i samma uppladdning)",
            Rows(swedish, "row-errors"));
        Assert.Contains("Läst som CSV, semikolonseparerad, UTF-8 med byte-order mark", swedish.QuerySelector("[data-testid=file-preview]").Text());

        var response = await PressAsync(client, runUrl, "ImportValid");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        page = await Html.GetDocumentAsync(client, runUrl);
        Assert.Equal("Valid rows imported", page.QuerySelector("[data-testid=run-status]").Text());
        Assert.Equal("svar.csv survey responses 3 1 0 0 2 3", Rows(page, "run-files"));
        // The skipped rows stay listed after the import (the uploaded file and its check are gone by then).
        Assert.Contains("2 row(s) were not imported", page.QuerySelector("[data-testid=kept-errors]")!.Text());
        Assert.Equal(
            "3 csat 7 is outside 1–5 (CSAT is 1–5)\n3 resolved 'kanske' is not yes/no (also ja/nej, true/false, 1/0)\n4 contact_id no contact with id 'K404' (import the contacts first, or in the same batch)",
            Rows(page, "row-errors"));
        Assert.Equal(5, Scalar(fixture.App, """SELECT "Csat" FROM "SurveyResponses" WHERE "ExternalId" = 'P1'"""));
        Assert.Equal(0, Scalar(fixture.App, """SELECT COUNT(*) FROM "SurveyResponses" WHERE "ExternalId" IN ('P2', 'P3')"""));

        var history = await Html.GetDocumentAsync(client, "/Import");
        var row = history.QuerySelectorAll("[data-testid=import-history] tbody tr").Select(Html.RowText).First(r => r.Contains("svar.csv"));
        Assert.StartsWith("2026-03-31 12:00 admin@test.local svar.csv", row);
        Assert.Contains("survey responses 3 1 0 0 2 line 3, csat: 7 is outside 1–5 (CSAT is 1–5)", row);
        Assert.Contains("line 4, contact_id: no contact with id 'K404'", row);
        Assert.Contains("Valid rows imported (valid rows only)", row);

        var swedishHistory = await Html.GetDocumentAsync(client, "/Import?culture=sv-SE");
        var swedishRow = swedishHistory.QuerySelectorAll("[data-testid=import-history] tbody tr").Select(Html.RowText).First(r => r.Contains("svar.csv"));
        Assert.Contains("enkätsvar 3 1 0 0 2 rad 3, csat: 7 ligger utanför 1–5 (CSAT är 1–5)", swedishRow);
        Assert.Contains("Giltiga rader importerade (bara giltiga rader)", swedishRow);
    }

    [DbFact]
    public async Task The_check_says_what_an_import_will_create_and_writes_nothing()
    {
        var client = await fixture.App.SignedInClientAsync("admin@test.local", Roles.Admin);
        var agents = "agent_id,name,team\nWCA,Wendy Carlsson,WCT\n";
        var contacts = "contact_id,customer_id,agent_id,channel,reason,started_at\nWC1,WCC,WCA,phone,NYKOD,2026-03-20 10:00\nWC2,WCC,WCB,phone,FAKTURA,2026-03-21 10:00\n";
        var runUrl = await UploadAsync(client, ("AgentsFile", "agenter.csv", Encoding.UTF8.GetBytes(agents)), ("ContactsFile", "nya.csv", Encoding.UTF8.GetBytes(contacts)));
        var page = await Html.GetDocumentAsync(client, runUrl);
        Assert.Equal("All 3 rows are valid.", page.QuerySelector("[data-testid=check-summary]")!.Text());
        var notes = page.QuerySelectorAll("[data-testid=file-warning]").Select(n => n.Text()).ToList();
        Assert.Contains(notes, n => n.Contains("1 new contact reason code(s) will be created and flagged for review"));
        Assert.Contains(notes, n => n.Contains("1 new team(s) will be created."));
        Assert.Contains(notes, n => n.Contains("1 agent id(s) not seen before will be created"));
        Assert.DoesNotContain(notes, n => n.Contains("code(s) created") || n.Contains("were created") || n.Contains("team(s) created"));
        Assert.Single(notes, n => n.Contains("team(s)"));   // named by the agents file that creates it, not again by the contacts file
        Assert.Equal(0, Scalar(fixture.App, """SELECT COUNT(*) FROM "ContactReasons" WHERE "Code" = 'NYKOD'"""));
        Assert.Equal(0, Scalar(fixture.App, """SELECT COUNT(*) FROM "Teams" WHERE "Name" = 'WCT'"""));
        Assert.Equal(HttpStatusCode.Redirect, (await PressAsync(client, runUrl, "Discard")).StatusCode);
    }

    [DbTheory]
    [InlineData("contacts", "csv")]
    [InlineData("contacts", "xlsx")]
    [InlineData("survey-responses", "csv")]
    [InlineData("survey-responses", "xlsx")]
    [InlineData("agents", "csv")]
    [InlineData("agents", "xlsx")]
    [InlineData("engagement", "csv")]
    [InlineData("engagement", "xlsx")]
    public async Task Each_import_kind_has_a_template_with_every_column_and_an_example_row_that_passes_the_check(string kind, string format)
    {
        var client = await fixture.App.SignedInClientAsync("manager@test.local", Roles.Manager);
        var index = await Html.GetDocumentAsync(client, "/Import");
        var link = index.QuerySelector($"[data-testid=template-{kind}-{format}]")!;
        Assert.Equal($"/Import/Template/{kind}.{format}", link.GetAttribute("href"));
        var response = await client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{kind}-template.{format}", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.True(CxDashboard.Web.Features.Ingestion.ImportSchemas.TryParseKind(kind, out var importKind));
        using var reader = CxDashboard.Web.Features.Ingestion.ImportService.OpenFile(new MemoryStream(bytes));
        Assert.Equal(CxDashboard.Web.Features.Ingestion.ImportSchemas.For(importKind).Select(c => c.Name), reader.Header);

        // The example row passes the check; the example response rates the example contact, so those two go together.
        var files = new List<(string, string, byte[])> { ($"{Slot(importKind)}", $"template.{format}", bytes) };
        if (importKind == CxDashboard.Web.Features.Ingestion.ImportKind.SurveyResponses)
            files.Add(("ContactsFile", "contacts.csv", await client.GetByteArrayAsync("/Import/Template/contacts.csv")));
        var runUrl = await UploadAsync(client, [.. files]);
        var page = await Html.GetDocumentAsync(client, runUrl);
        Assert.StartsWith("All ", page.QuerySelector("[data-testid=check-summary]")!.Text().Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await PressAsync(client, runUrl, "Discard")).StatusCode);
    }

    [DbFact]
    public async Task A_template_of_an_unknown_kind_or_format_is_not_found()
    {
        var client = await fixture.App.SignedInClientAsync("manager@test.local", Roles.Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Import/Template/orders.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Import/Template/contacts.pdf")).StatusCode);
        var agent = await fixture.App.SignedInClientAsync("agent@test.local", Roles.Agent);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.GetAsync("/Import/Template/contacts.csv")).StatusCode);
    }

    private static string Slot(CxDashboard.Web.Features.Ingestion.ImportKind kind) => kind switch
    {
        CxDashboard.Web.Features.Ingestion.ImportKind.Contacts => "ContactsFile",
        CxDashboard.Web.Features.Ingestion.ImportKind.SurveyResponses => "SurveyResponsesFile",
        CxDashboard.Web.Features.Ingestion.ImportKind.Agents => "AgentsFile",
        _ => "EngagementFile",
    };

    [DbFact]
    public async Task Contacts_and_the_responses_that_rate_them_are_imported_together()
    {
        var client = await fixture.App.SignedInClientAsync("admin@test.local", Roles.Admin);
        var contacts = "contact_id,customer_id,agent_id,channel,reason,started_at\nPB1,PBC,A1,phone,FAKTURA,2026-03-25 10:00\nPB2,PBC,A1,chat,FAKTURA,2026-03-26 10:00\n";
        var responses = "response_id,contact_id,received_at,csat,resolved\nPBR1,PB1,2026-03-25 12:00,2,nej\nPBR2,PB2,2026-03-26 12:00,5,ja\n";
        var runUrl = await UploadAsync(client, ("ContactsFile", "kontakter.csv", Encoding.UTF8.GetBytes(contacts)), ("SurveyResponsesFile", "svar.csv", Encoding.UTF8.GetBytes(responses)));
        var page = await Html.GetDocumentAsync(client, runUrl);
        Assert.Equal("All 4 rows are valid.", page.QuerySelector("[data-testid=check-summary]").Text());
        Assert.Equal(0, Scalar(fixture.App, """SELECT COUNT(*) FROM "Contacts" WHERE "ExternalId" LIKE 'PB%'"""));

        await PressAsync(client, runUrl, "Import");
        page = await Html.GetDocumentAsync(client, runUrl);
        Assert.Equal("Imported", page.QuerySelector("[data-testid=run-status]").Text());
        Assert.Equal("kontakter.csv contacts 2 2 0 0 0 0\nsvar.csv survey responses 2 2 0 0 0 0", Rows(page, "run-files"));
        Assert.Equal(2, Scalar(fixture.App, """SELECT COUNT(*) FROM "SurveyResponses" r JOIN "Contacts" c ON c."Id" = r."ContactId" WHERE c."ExternalId" LIKE 'PB%'"""));
        // The second contact is a repeat of the first (one day later), visible to the KPIs at once.
        Assert.Equal(TimeSpan.FromDays(1).Ticks, Scalar(fixture.App, """SELECT "PrevGapTicks" FROM "Contacts" WHERE "ExternalId" = 'PB2'"""));
    }

    [DbFact]
    public async Task Hundreds_of_errors_are_counted_and_listed_a_page_at_a_time()
    {
        var client = await fixture.App.SignedInClientAsync("admin@test.local", Roles.Admin);
        var csv = new StringBuilder("agent_id,name,team,email\n");
        for (var i = 0; i < 250; i++) csv.Append($"E{i},Name {i},T1,not-an-address-{i}\n");
        var runUrl = await UploadAsync(client, ("AgentsFile", "agenter.csv", Encoding.UTF8.GetBytes(csv.ToString())));
        var first = await Html.GetDocumentAsync(client, runUrl);
        Assert.Equal("250 error(s) in 250 row(s); showing 1–100", first.QuerySelector("[data-testid=error-count]").Text());
        Assert.Equal(100, first.QuerySelectorAll("[data-testid=row-errors] tbody tr").Length);
        Assert.Null(first.QuerySelector("button[formaction*='handler=ImportValid']"));

        var third = await Html.GetDocumentAsync(client, $"{runUrl}?file=0&errors=3");
        Assert.Equal("250 error(s) in 250 row(s); showing 201–250", third.QuerySelector("[data-testid=error-count]").Text());
        Assert.Equal("251 email 'not-an-address-249' is not an e-mail address", Html.RowText(third.QuerySelectorAll("[data-testid=row-errors] tbody tr").Last()));

        Assert.Equal(HttpStatusCode.Redirect, (await PressAsync(client, runUrl, "Discard")).StatusCode);
        Assert.Equal("Discarded", (await Html.GetDocumentAsync(client, runUrl)).QuerySelector("[data-testid=run-status]").Text());
    }

    [DbFact]
    public async Task A_manager_of_one_team_is_told_which_rows_are_not_theirs()
    {
        var t1 = (int)Scalar(fixture.App, """SELECT "Id" FROM "Teams" WHERE "Name" = 'T1'""");
        var client = await fixture.App.SignedInClientAsync("teamlead@test.local", Roles.Manager, t1);
        var index = await Html.GetDocumentAsync(client, "/Import");
        Assert.Contains("rows of your teams only: T1", index.QuerySelector("[data-testid=scope-line]").Text());

        var csv = "contact_id,customer_id,agent_id,team,channel,reason,started_at\nTL1,C1,A1,T1,phone,FAKTURA,2026-03-20 10:00\nTL2,C1,A2,T2,phone,FAKTURA,2026-03-20 11:00\n";
        var runUrl = await UploadAsync(client, ("ContactsFile", "team.csv", Encoding.UTF8.GetBytes(csv)));
        var page = await Html.GetDocumentAsync(client, runUrl);
        Assert.Equal("3 team the contact belongs to team 'T2', which is not one of your teams (T1)", Rows(page, "row-errors"));

        // Another manager's run is not theirs to see.
        var admin = await fixture.App.SignedInClientAsync("admin@test.local", Roles.Admin);
        var adminRun = await UploadAsync(admin, ("AgentsFile", "a.csv", Encoding.UTF8.GetBytes("agent_id,name,team\nA1,Anna Andersson,T1\n")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(adminRun)).StatusCode);
    }

    [DbFact]
    public async Task Only_admins_and_managers_reach_the_import_page()
    {
        var agent = await fixture.App.SignedInClientAsync("agent@test.local", Roles.Agent);
        var response = await agent.GetAsync("/Import");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);

        var leader = await fixture.App.SignedInClientAsync("leader@test.local", Roles.Leadership);
        var dashboard = await Html.GetDocumentAsync(leader, "/");
        Assert.DoesNotContain(dashboard.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/Import");
        var manager = await fixture.App.SignedInClientAsync("manager@test.local", Roles.Manager);
        Assert.Contains((await Html.GetDocumentAsync(manager, "/")).QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/Import");
    }

    [DbFact]
    public async Task An_import_cut_off_by_a_stop_of_the_app_is_closed_as_failed_at_the_next_start()
    {
        var client = await fixture.App.SignedInClientAsync("admin@test.local", Roles.Admin);
        var runId = await fixture.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var admin = await db.Users.SingleAsync(u => u.Email == "admin@test.local");
            var run = new ImportRun { UserId = admin.Id, UserName = "admin@test.local", Status = ImportRunStatus.Importing, CreatedAtUtc = CxAppFactory.DefaultNow.UtcDateTime };
            run.Files.Add(new ImportRunFile { FileName = "cut.csv", Kind = "contacts", SizeBytes = 10, Rows = 5 });
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            // The progress its step left behind; no instance holds the run any more.
            db.ImportRunProgress.Add(new ImportRunProgress { ImportRunId = run.Id, RowsDone = 3, RowsTotal = 5, Instance = "stopped" });
            await db.SaveChangesAsync();
            return run.Id;
        });
        var cleanup = fixture.App.Services.GetServices<IHostedService>().OfType<InterruptedRunsCleanup>().Single();
        await cleanup.StartAsync(CancellationToken.None);

        var page = await Html.GetDocumentAsync(client, $"/Import/Run/{runId}");
        Assert.Equal("Failed: nothing written", page.QuerySelector("[data-testid=run-status]").Text());
        Assert.Equal("The app stopped while this upload was being imported. Nothing was written: upload the files again.", page.QuerySelector("[data-testid=run-message]").Text());
    }

    [DbFact]
    public async Task Uploading_nothing_says_so()
    {
        var client = await fixture.App.SignedInClientAsync("admin@test.local", Roles.Admin);
        var page = await Html.GetDocumentAsync(client, "/Import");
        using var form = new MultipartFormDataContent { { new StringContent(Html.AntiforgeryToken(page, "form[enctype]")), "__RequestVerificationToken" } };
        var response = await client.PostAsync("/Import", form);
        var document = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Choose at least one file.", document.QuerySelector("[data-testid=upload-error]").Text());
    }
}

/// <summary>Uploads checked but left unimported are discarded after Imports:KeepUploadsHours (24), files and all.</summary>
public sealed class AbandonedUploadTests
{
    [Fact]
    public async Task A_checked_upload_left_for_a_day_is_discarded_at_the_next_upload()
    {
        using var app = new CxAppFactory();
        await BoundaryDataset.LoadAsync(app);
        var client = await app.SignedInClientAsync("admin@test.local", Roles.Admin);
        var agents = Encoding.UTF8.GetBytes("agent_id,name,team\nA1,Anna Andersson,T1\n");
        var first = await ImportPageTests.UploadAsync(client, ("AgentsFile", "first.csv", agents));

        // A sign-in lasts 10 hours: sign in again after each jump of the clock.
        app.Clock.Advance(TimeSpan.FromHours(23));
        client = await app.SignedInClientAsync("admin@test.local", Roles.Admin);
        await ImportPageTests.UploadAsync(client, ("AgentsFile", "second.csv", agents));
        Assert.Equal("Checked, not imported", (await Html.GetDocumentAsync(client, first)).QuerySelector("[data-testid=run-status]").Text());

        app.Clock.Advance(TimeSpan.FromHours(2));
        client = await app.SignedInClientAsync("admin@test.local", Roles.Admin);
        await ImportPageTests.UploadAsync(client, ("AgentsFile", "third.csv", agents));
        var page = await Html.GetDocumentAsync(client, first);
        Assert.Equal("Discarded", page.QuerySelector("[data-testid=run-status]").Text());
        Assert.Equal("Not imported within 24 hours of the check: the upload was discarded.", page.QuerySelector("[data-testid=run-message]").Text());
        Assert.Null(page.QuerySelector("button[formaction*='handler=Import']"));
    }
}

/// <summary>The upload limit (Imports:MaxUploadBytes) refuses a larger upload before anything is stored or checked.</summary>
public sealed class ImportUploadLimitTests
{
    private sealed class SmallLimitApp : CxAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Imports:MaxUploadBytes", "1000");
        }
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_the_limit_named()
    {
        using var app = new SmallLimitApp();
        var client = await app.SignedInClientAsync("admin@test.local", Roles.Admin);
        var page = await Html.GetDocumentAsync(client, "/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(page, "form[enctype]")), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(ImportBehaviourTests.ManyContacts(100, "LIM"))), "ContactsFile", "big.csv" },
        };
        var response = await client.PostAsync("/Import", form);
        var document = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The upload is larger than 1000 B, the most this installation accepts (Imports:MaxUploadBytes).", document.QuerySelector("[data-testid=upload-error]").Text());
        Assert.Equal(0, ImportTestSupport.Scalar(app, """SELECT COUNT(*) FROM "ImportRuns" """));
    }
}

/// <summary>Helpers of this suite that other suites use too.</summary>
public static class ImportPageTests
{
    /// <summary>Posts the upload form with files in the given slots, as a browser does; returns the run page's address.</summary>
    internal static async Task<string> UploadAsync(HttpClient client, params (string Slot, string FileName, byte[] Content)[] files)
    {
        var page = await Html.GetDocumentAsync(client, "/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(page, "form[enctype]")), "__RequestVerificationToken" },
        };
        foreach (var (slot, name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, slot, name);
        }
        var response = await client.PostAsync("/Import", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"upload answered {(int)response.StatusCode}: {body[..Math.Min(500, body.Length)]}");
        return response.Headers.Location!.OriginalString;
    }

    internal static Task<HttpResponseMessage> PressAsync(HttpClient client, string runUrl, string handler) =>
        Html.PostFormAsync(client, runUrl, new Dictionary<string, string>(), "main form[method=post]", $"{runUrl}?handler={handler}");
}
