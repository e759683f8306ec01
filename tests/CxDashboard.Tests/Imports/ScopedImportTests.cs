using System.Net;
using System.Text;
using AngleSharp.Dom;
using CxDashboard.Tests.Api;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CxDashboard.Tests.Imports.ImportTestSupport;

namespace CxDashboard.Tests.Imports;

/// <summary>
/// A manager limited to teams imports for their teams only: they may create contacts and customers, but not change the
/// name, phone, e-mail or do-not-contact of a customer who has contacts outside their teams, nor take over another
/// team's contact, agent or response; each such row is refused with its line, and nothing is written unless the valid
/// rows only are imported. Every change of a customer's details is recorded (who, when, through what) and shown on the
/// customer's callback case. Uses the boundary dataset: C1 has contacts in T1 and T2, C3 in T1 only, C5 in T2 only.
/// </summary>
public sealed class ScopedImportTestsOnSqlite(ScopedImportTests<OnSqlite>.Fixture fixture) : ScopedImportTests<OnSqlite>(fixture);

public sealed class ScopedImportTestsOnPostgres(ScopedImportTests<OnPostgres>.Fixture fixture) : ScopedImportTests<OnPostgres>(fixture), IRunsOnPostgres;

public abstract class ScopedImportTests<TDb>(ScopedImportTests<TDb>.Fixture fixture) : IClassFixture<ScopedImportTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiAppFactory App { get; } = new(provider: TDb.Provider);
        public HttpClient TeamLead { get; private set; } = null!;
        public HttpClient Admin { get; private set; } = null!;
        public int T1 { get; private set; }
        public int T2 { get; private set; }

        public async Task InitializeAsync()
        {
            await BoundaryDataset.LoadAsync(App);
            T1 = (int)Scalar(App, """SELECT "Id" FROM "Teams" WHERE "Name" = 'T1'""");
            T2 = (int)Scalar(App, """SELECT "Id" FROM "Teams" WHERE "Name" = 'T2'""");
            TeamLead = await App.SignedInClientAsync("lead.t1@scope.test", Roles.Manager, T1);
            Admin = await App.SignedInClientAsync("admin@scope.test", Roles.Admin);
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private const string Header = "contact_id,customer_id,agent_id,team,channel,reason,started_at,customer_name,customer_phone,customer_email,do_not_contact\n";

    private static string Rows(IDocument page, string testId) =>
        string.Join("\n", page.QuerySelectorAll($"[data-testid={testId}] tbody tr").Select(Html.RowText));

    private string? Customer(string externalId) => Text(fixture.App, $"""
        SELECT COALESCE("Name", '') || '|' || COALESCE("Phone", '') || '|' || COALESCE("Email", '') || '|' || CASE WHEN "DoNotContact" THEN '1' ELSE '0' END
        FROM "Customers" WHERE "ExternalId" = '{externalId}'
        """);

    private Task<List<CustomerChange>> ChangesAsync(string customer) => fixture.App.WithScopeAsync(sp =>
        sp.GetRequiredService<CxDbContext>().CustomerChanges.Where(c => c.Customer!.ExternalId == customer).OrderBy(c => c.Id).ToListAsync());

    [DbFact]
    public async Task A_team_lead_cannot_change_another_teams_customer_and_nothing_of_the_file_is_written()
    {
        var before = Fingerprint(fixture.App);
        var csv = Header +
                  "SC1,SCNEW,A1,T1,phone,FAKTURA,2026-03-25 10:00,New Customer,+46 70 000 00 01,,\n" +
                  "SC2,C5,A1,T1,phone,FAKTURA,2026-03-25 11:00,Attacker,+46 70 666 66 66,evil@example.test,true\n";
        var runUrl = await ImportPageTests.UploadAsync(fixture.TeamLead, ("ContactsFile", "team.csv", Encoding.UTF8.GetBytes(csv)));
        var page = await Html.GetDocumentAsync(fixture.TeamLead, runUrl);
        Assert.Equal("3 customer_id customer 'C5' has contacts outside your teams: only an administrator or a manager of all teams may change their name, phone, e-mail or do-not-contact (leave those cells empty or as stored)",
            Rows(page, "row-errors"));
        Assert.Null(page.QuerySelector("button[formaction$='handler=Import']"));
        Assert.Equal(before, Fingerprint(fixture.App));

        // The valid rows only: the new customer's contact is written, C5 keeps its details.
        Assert.Equal(HttpStatusCode.Redirect, (await ImportPageTests.PressAsync(fixture.TeamLead, runUrl, "ImportValid")).StatusCode);
        Assert.Equal("Valid rows imported", (await Html.GetDocumentAsync(fixture.TeamLead, runUrl)).QuerySelector("[data-testid=run-status]").Text());
        Assert.Equal("New Customer|+46 70 000 00 01||0", Customer("SCNEW"));
        Assert.Equal("|||1", Customer("C5"));
        Assert.Equal(0, Scalar(fixture.App, """SELECT COUNT(*) FROM "Contacts" WHERE "ExternalId" = 'SC2'"""));
        Assert.Empty(await ChangesAsync("C5"));
    }

    [DbFact]
    public async Task A_customer_with_a_contact_of_no_team_is_outside_every_team_scope()
    {
        // C4 had a self-service contact (no team) besides its T1 chat.
        var csv = Header + "SC3,C4,A1,T1,chat,INLOGG,2026-03-25 12:00,,+46 70 444 44 44,,\n";
        var page = await Html.GetDocumentAsync(fixture.TeamLead, await ImportPageTests.UploadAsync(fixture.TeamLead, ("ContactsFile", "c4.csv", Encoding.UTF8.GetBytes(csv))));
        Assert.StartsWith("2 customer_id customer 'C4' has contacts outside your teams", Rows(page, "row-errors"));
    }

    [DbFact]
    public async Task A_team_lead_may_change_a_customer_of_their_own_teams_and_the_change_is_recorded_and_shown_on_the_case()
    {
        // C3's contacts are all in T1; the same customer details again change nothing and are not recorded.
        var csv = Header + "SC4,C3,A1,T1,chat,FEL,2026-03-26 09:00,Customer Three,+46 70 333 33 33,,\n" +
                  "SC5,C3,A1,T1,chat,FEL,2026-03-27 09:00,Customer Three,,,\n";
        var runUrl = await ImportPageTests.UploadAsync(fixture.TeamLead, ("ContactsFile", "c3.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Empty(Rows(await Html.GetDocumentAsync(fixture.TeamLead, runUrl), "row-errors"));
        Assert.Equal(HttpStatusCode.Redirect, (await ImportPageTests.PressAsync(fixture.TeamLead, runUrl, "Import")).StatusCode);
        var runId = long.Parse(runUrl.Split('/').Last());

        var changes = await ChangesAsync("C3");
        Assert.Equal(["customer_name: (null) → Customer Three", "customer_phone: (null) → +46 70 333 33 33"],
            changes.Select(c => $"{c.Field}: {c.OldValue ?? "(null)"} → {c.NewValue}").ToArray());
        Assert.All(changes, c =>
        {
            Assert.Equal("lead.t1@scope.test", c.ChangedBy);
            Assert.Equal($"import run {runId}", c.Source);
            Assert.Equal(runId, c.ImportRunId);
            Assert.Equal(CxAppFactory.DefaultNow.UtcDateTime, c.ChangedAtUtc);
        });

        var caseId = await OpenCaseAsync("C3", fixture.T1);
        var casePage = await Html.GetDocumentAsync(fixture.TeamLead, $"/Callbacks/Case/{caseId}");
        Assert.Equal(
            $"2026-03-31 12:00 Phone (empty) +46 70 333 33 33 lead.t1@scope.test import run {runId}\n" +
            $"2026-03-31 12:00 Name (empty) Customer Three lead.t1@scope.test import run {runId}",
            Rows(casePage, "customer-changes"));
    }

    [DbFact]
    public async Task A_team_lead_cannot_take_over_another_teams_contact_agent_or_response()
    {
        var before = Fingerprint(fixture.App);
        var contact = Html.Parse(await (await fixture.TeamLead.GetAsync(await ImportPageTests.UploadAsync(fixture.TeamLead,
            ("ContactsFile", "k4.csv", Encoding.UTF8.GetBytes(Header + "K4,C9,A1,T1,phone,FAKTURA,2026-03-28 20:00,,,,\n"))))).Content.ReadAsStringAsync());
        Assert.Equal("2 contact_id contact 'K4' belongs to team 'T2', which is not one of your teams (T1)", Rows(contact, "row-errors"));

        var agent = Html.Parse(await (await fixture.TeamLead.GetAsync(await ImportPageTests.UploadAsync(fixture.TeamLead,
            ("AgentsFile", "a2.csv", Encoding.UTF8.GetBytes("agent_id,name,team\nA2,Bertil Berg,T1\n"))))).Content.ReadAsStringAsync());
        Assert.Equal("2 agent_id agent 'A2' belongs to team 'T2', which is not one of your teams (T1)", Rows(agent, "row-errors"));

        var response = Html.Parse(await (await fixture.TeamLead.GetAsync(await ImportPageTests.UploadAsync(fixture.TeamLead,
            ("SurveyResponsesFile", "r5.csv", Encoding.UTF8.GetBytes("response_id,contact_id,received_at,csat\nR5,K2,2026-03-21 08:00,5\n"))))).Content.ReadAsStringAsync());
        Assert.Equal("2 response_id response 'R5' (of contact 'K10') belongs to team 'T2', which is not one of your teams (T1)", Rows(response, "row-errors"));
        Assert.Equal(before, Fingerprint(fixture.App));
    }

    [DbFact]
    public async Task An_administrator_keeps_changing_any_customer_and_the_api_and_cli_are_recorded_too()
    {
        var csv = Header + "SC6,C1,A2,T2,phone,FAKTURA,2026-03-29 10:00,,+46 70 123 45 67,,\n";
        var runUrl = await ImportPageTests.UploadAsync(fixture.Admin, ("ContactsFile", "admin.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.Redirect, (await ImportPageTests.PressAsync(fixture.Admin, runUrl, "Import")).StatusCode);
        Assert.Equal("Customer One|+46 70 123 45 67||0", Customer("C1"));

        var api = await fixture.App.ApiClientAsync(ApiKeyScope.Write, "crm-sync");
        var posted = await api.PostJsonAsync("/api/v1/contacts",
            """[ { "contactId": "SC7", "customerId": "C1", "channel": "email", "reason": "FEL", "startedAt": "2026-03-29T12:00:00+02:00", "customerEmail": "one@example.test" } ]""");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var file = WriteTemp(Header + "SC8,C1,,,selfservice,FEL,2026-03-29 13:00,,,,true\n");
        try
        {
            var run = await CliRunner.RunAsync(fixture.App, CxAppFactory.DefaultNow, "import", "contacts", file);
            Assert.True(run.ExitCode == 0, run.Error);
        }
        finally
        {
            File.Delete(file);
        }

        var keyId = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ApiKeys.Where(k => k.Name == "crm-sync").Select(k => k.Id).SingleAsync());
        Assert.Equal([
                $"customer_phone +46 70 111 11 11 → +46 70 123 45 67 by admin@scope.test via import run {runUrl.Split('/').Last()}",
                $"customer_email (null) → one@example.test by crm-sync via API key 'crm-sync' (#{keyId})",
                $"do_not_contact false → true by Command line via command line import of {Path.GetFileName(file)}",
            ],
            (await ChangesAsync("C1")).Select(c => $"{c.Field} {c.OldValue ?? "(null)"} → {c.NewValue} by {c.ChangedBy} via {c.Source}").ToArray());
    }

    /// <summary>A callback case for the customer, as the flagging job would open it.</summary>
    private Task<long> OpenCaseAsync(string customer, int teamId) => fixture.App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CxDbContext>();
        var now = CxAppFactory.DefaultNow.UtcDateTime;
        var entity = new CallbackCase
        {
            CustomerId = await db.Customers.Where(c => c.ExternalId == customer).Select(c => c.Id).SingleAsync(),
            TeamId = teamId, CreatedAtUtc = now, FirstTriggeredAtUtc = now, DueAtUtc = now.AddHours(4), Priority = 50,
        };
        db.CallbackCases.Add(entity);
        await db.SaveChangesAsync();
        return entity.Id;
    });
}
