using System.Net;
using ClosedXML.Excel;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Localisation;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Exports;

public sealed class ExportWebTestsOnSqlite(ExportWebTests<OnSqlite>.Fixture fixture) : ExportWebTests<OnSqlite>(fixture);

public sealed class ExportWebTestsOnPostgres(ExportWebTests<OnPostgres>.Fixture fixture) : ExportWebTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>
/// Downloads through the real pipeline: the dashboard's "Export to Excel" link for the filters on screen, and the raw
/// exports page, each within the signed-in user's scope (a team-scoped manager gets their teams only, also by URL).
/// </summary>
public abstract class ExportWebTests<TDb>(ExportWebTests<TDb>.Fixture fixture) : IClassFixture<ExportWebTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new(TDb.Provider);
        public Task InitializeAsync() => BoundaryDataset.LoadAsync(App);
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private const string March = "/?period=custom&from=2026-03-01&to=2026-03-31";

    private Task<int> TeamIdAsync(string name) => fixture.App.WithScopeAsync(sp =>
        Task.FromResult(sp.GetRequiredService<CxDbContext>().Teams.Single(t => t.Name == name).Id));

    private static async Task<XLWorkbook> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static double SummaryValue(XLWorkbook workbook, string jsonField) =>
        workbook.Worksheet("Summary").RowsUsed().Single(r => r.Cell(14).GetString() == jsonField).Cell(2) is var cell ? Workbooks.ApiNumber(cell) : 0;

    private static List<string> Column(IXLWorksheet sheet, string header)
    {
        var index = sheet.Row(1).CellsUsed().Single(c => c.GetString() == header).Address.ColumnNumber;
        return Workbooks.TableRows(sheet).Select(r => r.Cell(index).GetString()).ToList();
    }

    [DbFact]
    public async Task The_dashboard_links_to_an_export_of_the_filters_on_screen_and_the_workbook_holds_the_same_numbers()
    {
        var client = await fixture.App.SignedInClientAsync("manager@exports.test", Roles.Manager);
        var page = await Html.GetDocumentAsync(client, March + "&channel=chat");
        var link = page.QuerySelector("[data-testid=export-kpis]")!.GetAttribute("href")!;
        Assert.Equal("/?handler=Export&from=2026-03-01&to=2026-03-31&channel=chat", link);

        using var workbook = await DownloadAsync(client, link);
        // Chat in March: K5, K6, K9; K5 and K6 repeat; responses R3 (K5) and R6 (K6), both 4.
        Assert.Equal(3, SummaryValue(workbook, "contacts"));
        Assert.Equal(2, SummaryValue(workbook, "repeatContacts"));
        Assert.Equal(100, SummaryValue(workbook, "csatPercent"), 9);
        Assert.Equal("3", page.QuerySelector("[data-kpi=Contacts] [data-testid=kpi-value]").Text());
        Assert.Equal(["Chat"], Column(workbook.Worksheet("By channel"), "Channel"));
    }

    private static string AllText(XLWorkbook workbook) =>
        string.Join(' ', workbook.Worksheets.Select(s => s.Name).Concat(workbook.Worksheets.SelectMany(s => s.CellsUsed()).Select(c => c.GetString())));

    [DbFact]
    public async Task The_kpi_workbook_in_swedish_uses_only_swedish_kpi_and_channel_names()
    {
        var client = await fixture.App.SignedInClientAsync("manager@exports.test", Roles.Manager);
        using var workbook = await DownloadAsync(client, "/?handler=Export&from=2026-03-01&to=2026-03-31&culture=sv-SE&ui-culture=sv-SE");
        var sv = DocumentWords.Swedish;
        Assert.Equal(["Sammanfattning", "Per team", "Per agent", "Per kontaktorsak", "Per kanal", "Per dag", "Återuppringningar", "Definitioner"],
            workbook.Worksheets.Select(s => s.Name));
        var kpis = workbook.Worksheet("Sammanfattning").Column(1).CellsUsed().Select(c => c.GetString()).ToList();
        foreach (var kind in new[] { KpiKind.RepeatContactRate, KpiKind.ContactFcrPercent, KpiKind.CsatMean, KpiKind.SurveyFcrPercent, KpiKind.Nps })
            Assert.Contains(sv.Kpi(kind), kpis);
        Assert.Contains(sv.Kpi(KpiKind.RepeatContactRate), Workbooks.Headers(workbook.Worksheet("Per team")).Keys);
        var channels = Column(workbook.Worksheet("Per kanal"), "Kanal");
        Assert.Contains(sv.Channel(Web.Data.Entities.Channel.Chat), channels);
        Assert.Contains(sv.Channel(Web.Data.Entities.Channel.SelfService), channels);
        Assert.Contains("selfservice", Column(workbook.Worksheet("Per kanal"), "Kanalkod"));
        Assert.Contains("Totalt", Workbooks.RowUnderTable(workbook.Worksheet("Per kanal"))!.Cell(1).GetString());
        Assert.Contains("måndag", Column(workbook.Worksheet("Per dag"), "Veckodag"));

        DocumentWords.AssertNoneOf(DocumentWords.ForeignNames(sv, DocumentWords.English), AllText(workbook));
        Assert.Empty(DocumentText.Untranslated);
    }

    [DbFact]
    public async Task The_kpi_workbook_in_english_uses_only_english_kpi_and_channel_names()
    {
        var client = await fixture.App.SignedInClientAsync("manager@exports.test", Roles.Manager);
        using var workbook = await DownloadAsync(client, "/?handler=Export&from=2026-03-01&to=2026-03-31&culture=en-GB&ui-culture=en-GB");
        var en = DocumentWords.English;
        Assert.Equal(["Summary", "By team", "By agent", "By reason", "By channel", "Daily trend", "Callbacks", "Definitions"], workbook.Worksheets.Select(s => s.Name));
        var kpis = workbook.Worksheet("Summary").Column(1).CellsUsed().Select(c => c.GetString()).ToList();
        foreach (var kind in new[] { KpiKind.RepeatContactRate, KpiKind.ContactFcrPercent, KpiKind.CsatMean, KpiKind.SurveyFcrPercent, KpiKind.Nps })
            Assert.Contains(en.Kpi(kind), kpis);
        var channels = Column(workbook.Worksheet("By channel"), "Channel");
        Assert.Contains(en.Channel(Web.Data.Entities.Channel.SelfService), channels);
        DocumentWords.AssertNoneOf(DocumentWords.ForeignNames(en, DocumentWords.Swedish), AllText(workbook));
    }

    [DbFact]
    public async Task A_team_scoped_manager_exports_only_their_team_even_when_the_url_names_another()
    {
        var t1 = await TeamIdAsync("T1");
        var t2 = await TeamIdAsync("T2");
        var client = await fixture.App.SignedInClientAsync("teamlead@exports.test", Roles.Manager, t1);

        using (var own = await DownloadAsync(client, "/?handler=Export&from=2026-03-01&to=2026-03-31"))
        {
            Assert.Equal(4, SummaryValue(own, "contacts"));
            Assert.Equal(["T1"], Column(own.Worksheet("By team"), "Team"));
            Assert.DoesNotContain("Bertil Berg", Column(own.Worksheet("By agent"), "Agent"));
            Assert.Contains(own.Worksheet("Summary").CellsUsed(), c => c.GetString() == "your teams (T1)");
        }
        var other = await client.GetAsync($"/?handler=Export&from=2026-03-01&to=2026-03-31&team={t2}");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("Team T2 is outside your teams.", await other.Content.ReadAsStringAsync());
    }

    [DbFact]
    public async Task An_agent_exports_only_their_own_contacts()
    {
        var client = await fixture.App.SignedInClientAsync("anna@example.test", Roles.Agent);
        using var workbook = await DownloadAsync(client, "/?handler=Export&from=2026-03-01&to=2026-03-31");
        // A1 in March: K2, K6, K9.
        Assert.Equal(3, SummaryValue(workbook, "contacts"));
        Assert.Equal(["Anna Andersson"], Column(workbook.Worksheet("By agent"), "Agent"));
    }

    [DbFact]
    public async Task Callback_staff_get_no_kpi_export()
    {
        var client = await fixture.App.SignedInClientAsync("callback@exports.test", Roles.Callback);
        var response = await client.GetAsync("/?handler=Export&from=2026-03-01&to=2026-03-31");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/AccessDenied", response.Headers.Location?.ToString());
    }

    [DbFact]
    public async Task Raw_exports_are_for_admins_and_managers_only()
    {
        foreach (var (email, role) in new[] { ("leader@exports.test", Roles.Leadership), ("agent2@exports.test", Roles.Agent) })
        {
            var client = await fixture.App.SignedInClientAsync(email, role);
            var response = await client.GetAsync("/Exports?handler=Download&kind=contacts&from=2026-03-01&to=2026-03-31");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/Account/AccessDenied", response.Headers.Location!.ToString());
            var dashboard = await Html.GetDocumentAsync(client, March);
            Assert.Null(dashboard.QuerySelector("[data-testid=raw-exports]"));
        }
        var manager = await fixture.App.SignedInClientAsync("manager@exports.test", Roles.Manager);
        Assert.NotNull((await Html.GetDocumentAsync(manager, March)).QuerySelector("[data-testid=raw-exports]"));
    }

    [DbFact]
    public async Task The_raw_export_page_downloads_contacts_and_responses_within_the_managers_teams()
    {
        var client = await fixture.App.SignedInClientAsync("teamlead@exports.test", Roles.Manager, await TeamIdAsync("T1"));
        var page = await Html.GetDocumentAsync(client, "/Exports");
        Assert.Contains("your teams (T1)", page.QuerySelector("[data-testid=scope-line]").Text());
        Assert.Equal(["contacts", "responses"], page.QuerySelectorAll("input[name=kind]").Select(i => i.GetAttribute("value")).Where(v => v != "callbacks"));

        using var contacts = await DownloadAsync(client, "/Exports?handler=Download&kind=contacts&from=2026-03-01&to=2026-03-31");
        Assert.Equal(["K6", "K2", "K9", "K5"], Column(contacts.Worksheet("Contacts"), "Contact id"));
        using var responses = await DownloadAsync(client, "/Exports?handler=Download&kind=responses&from=2026-03-01&to=2026-03-31");
        Assert.Equal(["R6", "R1", "R2", "R3"], Column(responses.Worksheet("Responses"), "Response id"));
    }

    [DbFact]
    public async Task A_backwards_period_is_refused_with_a_reason_and_no_file()
    {
        var client = await fixture.App.SignedInClientAsync("manager@exports.test", Roles.Manager);
        var response = await client.GetAsync("/Exports?handler=Download&kind=contacts&from=2026-03-31&to=2026-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("ends (2026-03-01) before it starts (2026-03-31)", page.QuerySelector("[data-testid=export-error]").Text());
    }
}
