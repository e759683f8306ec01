using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using CxDashboard.Tests.Callbacks;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Exports;

public sealed class CallbackExportTestsOnSqlite(CallbackExportTests<OnSqlite>.Fixture fixture) : CallbackExportTests<OnSqlite>(fixture);

public sealed class CallbackExportTestsOnPostgres(CallbackExportTests<OnPostgres>.Fixture fixture) : CallbackExportTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>
/// `export callbacks` and the raw export page on the callback dataset (<see cref="CallbackDataset"/>): one row per case
/// flagged in the period with why, due time, attempts, SLA, outcome and root cause; a team-scoped manager gets their teams.
/// </summary>
public abstract class CallbackExportTests<TDb>(CallbackExportTests<TDb>.Fixture fixture) : IClassFixture<CallbackExportTests<TDb>.Fixture>, IDisposable where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new(TDb.Provider);

        public async Task InitializeAsync()
        {
            await CallbackDataset.LoadAsync(App);
            // CU1 is called back on the day (after its due time) and closed; the note looks like a formula.
            var worker = await App.SignedInClientAsync("worker@exports.test", Roles.Callback);
            var url = CallbackPages.CaseUrl(await CallbackDataset.CaseIdAsync(App, "CU1"));
            await CallbackPages.SubmitAndReadAsync(worker, url, "[data-testid=attempt-form]", new Dictionary<string, string>
            {
                ["Attempt.AttemptedAt"] = "2026-05-13T11:40", ["Attempt.Channel"] = "Phone", ["Attempt.Result"] = "Reached", ["Attempt.Note"] = "Pratade med kunden",
            });
            var faktura = await App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ContactReasons.Where(r => r.Code == "FAKTURA").Select(r => r.Id).SingleAsync());
            var closed = await CallbackPages.SubmitAndReadAsync(worker, url, "[data-testid=close-form]", new Dictionary<string, string>
            {
                ["Close.Outcome"] = "ReachedResolved", ["Close.RootCauseReasonId"] = faktura.ToString(), ["Close.Note"] = "=1+1 kreditering",
            });
            Assert.StartsWith("The case is closed", CallbackPages.Message(closed));
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private readonly string _directory = Directory.CreateTempSubdirectory("cx-callback-export-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Dictionary<string, IXLRow> RowsByCustomer(XLWorkbook workbook, out Dictionary<string, int> columns)
    {
        var sheet = workbook.Worksheet("Callback cases");
        columns = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var customer = columns["Customer id"];
        return sheet.RowsUsed().Skip(1).ToDictionary(r => r.Cell(customer).GetString(), r => sheet.Row(r.RowNumber()));
    }

    [DbFact]
    public async Task The_cli_exports_every_case_flagged_in_the_period_with_its_sla_and_outcome()
    {
        var path = Path.Combine(_directory, "callbacks.xlsx");
        var run = await CliRunner.RunAsync(fixture.App.ConnectionString, CallbackDataset.Now, "export", "callbacks", "--from", "2026-05-01", "--to", "2026-05-13", "--out", path);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("5 callbacks rows", run.Out);

        using var workbook = new XLWorkbook(path);
        var rows = RowsByCustomer(workbook, out var col);
        // Most urgent first, as on the worklist: the open cases past due (all of them by now) by priority, the closed one last.
        Assert.Equal(["CU9", "CU3", "CU2", "CU6", "CU1"], rows.Keys);

        var cu1 = rows["CU1"];
        Assert.Equal("closed", cu1.Cell(col["Status"]).GetString());
        Assert.Equal("T1", cu1.Cell(col["Team"]).GetString());
        Assert.Equal("Low CSAT", cu1.Cell(col["Flagged by"]).GetString());
        Assert.Equal("CSAT 1, not resolved", cu1.Cell(col["Why"]).GetString());
        Assert.Equal("Ingen lyssnade på mig", cu1.Cell(col["Customer's comment"]).GetString());
        Assert.Equal(new DateTime(2026, 5, 5, 16, 0, 0), cu1.Cell(col["First triggered (Europe/Stockholm)"]).GetDateTime());
        Assert.Equal(new DateTime(2026, 5, 6, 16, 0, 0), cu1.Cell(col["Due (Europe/Stockholm)"]).GetDateTime());
        Assert.Equal("yyyy-mm-dd hh:mm", cu1.Cell(col["Due (Europe/Stockholm)"]).Style.DateFormat.Format);
        Assert.Equal(new DateTime(2026, 5, 13, 11, 40, 0), cu1.Cell(col["First attempt (Europe/Stockholm)"]).GetDateTime());
        Assert.Equal(1, cu1.Cell(col["Attempts"]).GetDouble());
        Assert.Equal(187.7, cu1.Cell(col["Hours to first attempt"]).GetDouble(), 1); // 05-05 16:00 to 05-13 11:40
        Assert.Equal("missed", cu1.Cell(col["SLA"]).GetString());
        Assert.False(cu1.Cell(col["SLA met"]).GetBoolean());
        Assert.Equal("Reached, resolved", cu1.Cell(col["Outcome"]).GetString());
        Assert.Equal("FAKTURA", cu1.Cell(col["Root cause code"]).GetString());
        var note = cu1.Cell(col["Closing note"]);
        Assert.Equal("=1+1 kreditering", note.GetString());
        Assert.False(note.HasFormula);
        Assert.True(note.Style.IncludeQuotePrefix);

        var cu9 = rows["CU9"];
        Assert.Equal(2, cu9.Cell(col["Triggers"]).GetDouble());
        Assert.Equal(1, cu9.Cell(col["Lowest CSAT"]).GetDouble());
        Assert.Equal("CSAT 2", cu9.Cell(col["Why"]).GetString());
        Assert.Equal("open", cu9.Cell(col["Status"]).GetString());
        Assert.True(cu9.Cell(col["Outcome"]).IsEmpty());

        var cu6 = rows["CU6"];
        Assert.Equal("3 contacts in 7 days", cu6.Cell(col["Why"]).GetString());
        Assert.Equal("T2", cu6.Cell(col["Team"]).GetString());
        Assert.True(cu6.Cell(col["Lowest CSAT"]).IsEmpty());
        Assert.Equal("missed", cu6.Cell(col["SLA"]).GetString()); // due 05-12 09:00, no attempt by now
        Assert.True(cu6.Cell(col["Recovered"]).IsEmpty());

        var sheet = workbook.Worksheet("Callback cases");
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal("#,##0", cu1.Cell(col["Case"]).Style.NumberFormat.Format);
    }

    [DbFact]
    public async Task The_kpi_workbooks_callback_sheet_holds_the_callback_kpis_of_the_period()
    {
        var path = Path.Combine(_directory, "kpis.xlsx");
        var run = await CliRunner.RunAsync(fixture.App.ConnectionString, CallbackDataset.Now, "export", "kpis", "--from", "2026-05-01", "--to", "2026-05-13", "--out", path);
        Assert.True(run.ExitCode == 0, run.Error);
        var expected = await fixture.App.WithScopeAsync(async sp => JsonSerializer.SerializeToElement(
            await sp.GetRequiredService<CallbackKpiService>().GetAsync(new CallbackKpiRequest
            {
                From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 13), AsOfUtc = CallbackDataset.Now.UtcDateTime,
            }), new JsonSerializerOptions(JsonSerializerDefaults.Web)));

        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet("Callbacks");
        var columns = Workbooks.Headers(sheet);
        var (category, item, cases, share, n, json) = (columns["Category"], columns["Callbacks"], columns["Cases"], columns["Share or value"],
            columns["n (cases the share is of)"], columns["JSON field (GET /api/v1/callbacks/kpis)"]);
        var compared = 0;
        foreach (var row in Workbooks.TableRows(sheet).Where(r => !r.Cell(json).IsEmpty()))
        {
            var field = row.Cell(json).GetString();
            var value = expected.GetProperty(field);
            // Counts stand in the Cases column; shares and the median in their own, beside the count they rest on.
            var cell = row.Cell(field.EndsWith("Percent", StringComparison.Ordinal) || field == "medianHoursToFirstAttempt" ? share : cases);
            if (value.ValueKind == JsonValueKind.Null) Assert.True(cell.IsEmpty(), field);
            else Assert.Equal(value.GetDouble(), Workbooks.ApiNumber(cell), 9);
            compared++;
        }
        Assert.Equal(10, compared);
        Assert.Equal(5, expected.GetProperty("flagged").GetInt32());
        var sla = Workbooks.TableRows(sheet).Single(r => r.Cell(json).GetString() == "slaMetPercent");
        Assert.Equal("SLA", sla.Cell(category).GetString());
        Assert.Equal(expected.GetProperty("slaMet").GetDouble(), sla.Cell(cases).GetDouble());
        Assert.Equal(expected.GetProperty("slaDue").GetDouble(), sla.Cell(n).GetDouble());
        Assert.Equal("0.0 %", sla.Cell(share).Style.NumberFormat.Format);
        var outcome = Workbooks.TableRows(sheet).Single(r => r.Cell(category).GetString() == "Outcome" && r.Cell(item).GetString() == "Reached, resolved");
        Assert.Equal(expected.GetProperty("closed").GetDouble(), outcome.Cell(cases).GetDouble());
        Assert.Equal(1.0, outcome.Cell(share).GetDouble(), 9);
        Assert.Equal(expected.GetProperty("closed").GetDouble(), outcome.Cell(n).GetDouble());
        Workbooks.AssertHeadersWrapAndFit(sheet);
    }

    [DbFact]
    public async Task The_export_queries_never_take_a_first_row_without_an_order()
    {
        // A context that throws on EF Core's "First/Take without OrderBy" warnings (its own options, so its queries are
        // compiled afresh rather than taken from the app's query cache).
        var options = fixture.App.NewContextOptions()
            .ConfigureWarnings(w => w.Throw(CoreEventId.FirstWithoutOrderByAndFilterWarning, CoreEventId.RowLimitingOperationWithoutOrderByWarning))
            .Options;
        await using var strict = new CxDbContext(options);
        var rows = await fixture.App.WithScopeAsync(async sp =>
        {
            var exports = new RawExportService(strict, sp.GetRequiredService<OrganisationSettingsService>(), fixture.App.Clock, [new CallbackCasesExport(strict)]);
            return (await exports.WriteAsync(RawExportKind.Callbacks, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 13), DataScope.Everything, Web.Features.Presentation.DocumentLanguage.Of("en-GB"), new MemoryStream())).Rows;
        });
        Assert.Equal(5, rows);
    }

    [DbFact]
    public async Task A_team_scoped_manager_downloads_only_their_teams_cases()
    {
        var t1 = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "T1").Select(t => t.Id).SingleAsync());
        var client = await fixture.App.SignedInClientAsync("lead@callbacks-export.test", Roles.Manager, t1);
        var page = await Html.GetDocumentAsync(client, "/Exports");
        Assert.Contains("callbacks", page.QuerySelectorAll("input[name=kind]").Select(i => i.GetAttribute("value")));

        var response = await client.GetAsync("/Exports?handler=Download&kind=callbacks&from=2026-05-01&to=2026-05-13");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["CU9", "CU3", "CU1"], RowsByCustomer(workbook, out _).Keys);
    }
}
