using System.Text.Json;
using ClosedXML.Excel;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Tests.Exports;

public sealed class ExportCliTestsOnSqlite(ExportCliTests<OnSqlite>.Fixture fixture) : ExportCliTests<OnSqlite>(fixture);

public sealed class ExportCliTestsOnPostgres(ExportCliTests<OnPostgres>.Fixture fixture) : ExportCliTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>
/// `export kpis|contacts|responses` against the hand-computed boundary dataset (see <see cref="BoundaryDataset"/>),
/// each workbook opened with ClosedXML: the summary equals the `kpis` JSON for the same filters, raw rows carry the
/// dataset's values, and bad arguments write nothing.
/// </summary>
public abstract class ExportCliTests<TDb>(ExportCliTests<TDb>.Fixture fixture) : IClassFixture<ExportCliTests<TDb>.Fixture>, IDisposable where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new(TDb.Provider);
        public Task InitializeAsync() => BoundaryDataset.LoadAsync(App);
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private readonly string _directory = Directory.CreateTempSubdirectory("cx-export-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<CliRun> Run(params string[] args) => CliRunner.RunAsync(fixture.App.ConnectionString, BoundaryDataset.AsOf, args);

    private async Task<XLWorkbook> ExportAsync(string kind, params string[] extra)
    {
        var path = Path.Combine(_directory, $"{kind}-{Guid.NewGuid():N}.xlsx");
        var run = await Run(["export", kind, "--from", "2026-03-01", "--to", "2026-03-31", "--out", path, .. extra]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(path, run.Out);
        return new XLWorkbook(path);
    }

    public static TheoryData<string[]> FilterCombinations => new()
    {
        Array.Empty<string>(),
        new[] { "--team", "T1" },
        new[] { "--team", "T2", "--channel", "email" },
        new[] { "--agent", "A1" },
        new[] { "--reason", "FAKTURA", "--same-reason" },
        new[] { "--channel", "chat", "--window-days", "3", "--as-of", "2026-04-30T00:00:00Z" },
    };

    [DbTheory]
    [MemberData(nameof(FilterCombinations))]
    public async Task The_summary_sheet_equals_the_kpis_json_for_the_same_filters(string[] filters)
    {
        var json = (await Run(["kpis", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json", .. filters])).Json;
        using var workbook = await ExportAsync("kpis", filters);
        var summary = workbook.Worksheet("Summary");
        var headers = summary.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);

        var compared = 0;
        foreach (var row in summary.RowsUsed().Skip(1).TakeWhile(r => !r.Cell(headers["JSON field"]).IsEmpty()))
        {
            var field = row.Cell(headers["JSON field"]).GetString();
            var expected = json.GetProperty(field);
            var value = row.Cell(headers["Value"]);
            if (expected.ValueKind == JsonValueKind.Null) Assert.True(value.IsEmpty(), $"{field} is null in the JSON, so its cell is empty");
            // A duration cell is read back through a date-time, which keeps milliseconds.
            else Assert.Equal(expected.GetDouble(), Workbooks.ApiNumber(value), value.Style.NumberFormat.Format == Workbooks.DurationFormat ? 3 : 9);
            compared++;
        }
        var numericFields = json.EnumerateObject().Count(p => p.Value.ValueKind == JsonValueKind.Number || (p.Value.ValueKind == JsonValueKind.Null && !p.Name.EndsWith("Interval", StringComparison.Ordinal)));
        Assert.Equal(numericFields - 1, compared); // every number of the JSON but windowDays (stated under the table)

        var csat = summary.RowsUsed().Single(r => r.Cell(headers["JSON field"]).GetString() == "csatPercent");
        var interval = json.GetProperty("csatPercentInterval");
        if (interval.ValueKind != JsonValueKind.Null)
        {
            Assert.Equal(interval.GetProperty("low").GetDouble(), Workbooks.ApiNumber(csat.Cell(headers["95 % low"])), 9);
            Assert.Equal(interval.GetProperty("high").GetDouble(), Workbooks.ApiNumber(csat.Cell(headers["95 % high"])), 9);
        }
    }

    [DbFact]
    public async Task The_kpi_workbook_has_every_sheet_with_formats_frozen_headers_and_filters()
    {
        using var workbook = await ExportAsync("kpis");
        Assert.Equal(["Summary", "By team", "By agent", "By reason", "By channel", "Daily trend", "Callbacks", "Definitions"], workbook.Worksheets.Select(s => s.Name));
        foreach (var sheet in workbook.Worksheets)
        {
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.True(sheet.AutoFilter.IsEnabled, $"{sheet.Name} has an autofilter");
            Assert.Equal(Workbooks.TableRows(sheet).Count + 1, sheet.AutoFilter.Range.RowCount());
            Workbooks.AssertHeadersWrapAndFit(sheet);
        }

        var summary = workbook.Worksheet("Summary");
        var csat = summary.RowsUsed().Single(r => r.Cell(1).GetString() == "CSAT (top-2-box)");
        Assert.Equal(0.6, csat.Cell(2).GetDouble(), 9);
        Assert.Equal("0.0 %", csat.Cell(2).Style.NumberFormat.Format);
        Assert.Equal(5, csat.Cell(5).GetDouble());
        Assert.Equal("#,##0", csat.Cell(5).Style.NumberFormat.Format);
        Assert.True(csat.Cell(8).GetBoolean(), "n = 5 is a small sample");
        Assert.Equal(0.8, csat.Cell(9).GetDouble(), 9);
        Assert.Equal("0.0 %", csat.Cell(9).Style.NumberFormat.Format);
        Assert.Equal("Off target", csat.Cell(11).GetString());
        var contacts = summary.RowsUsed().Single(r => r.Cell(1).GetString() == "Contacts");
        Assert.Equal(XLDataType.Number, contacts.Cell(2).DataType);
        Assert.Equal(9, contacts.Cell(2).GetDouble());
        Assert.Equal("#,##0", contacts.Cell(2).Style.NumberFormat.Format);
        // March compares with February, the calendar month before (as the monthly report does): K1 and K7.
        Assert.Equal("Previous period (the calendar month before)", summary.Cell(1, 12).GetString());
        Assert.Equal(2, contacts.Cell(12).GetDouble());
        Assert.Equal(7, contacts.Cell(13).GetDouble());
        Assert.Equal("+#,##0;-#,##0;0", contacts.Cell(13).Style.NumberFormat.Format);
        var handle = summary.RowsUsed().Single(r => r.Cell(1).GetString() == "Average handle time");
        Assert.Equal("[m]:ss", handle.Cell(2).Style.NumberFormat.Format);
        Assert.True(Workbooks.DurationSeconds(handle.Cell(2)) > 0);

        // The About block: dates are dates, counts numbers.
        var about = summary.RowsUsed().ToDictionary(r => r.Cell(1).GetString());
        Assert.True(about.ContainsKey("About this export"));
        Assert.Equal(new DateTime(2026, 3, 1), about["Period from"].Cell(2).GetDateTime());
        Assert.Equal(new DateTime(2026, 2, 1), about["Compared with, from"].Cell(2).GetDateTime());
        Assert.Equal(new DateTime(2026, 2, 28), about["Compared with, to"].Cell(2).GetDateTime());
        Assert.Equal(XLDataType.Number, about["Repeat window W (days)"].Cell(2).DataType);
        Assert.Equal(XLDataType.DateTime, about["Exported (UTC)"].Cell(2).DataType);
    }

    [DbFact]
    public async Task Breakdowns_add_up_to_the_summary_and_the_trend_has_every_day()
    {
        using var workbook = await ExportAsync("kpis");
        double Sum(string sheetName, string column)
        {
            var sheet = workbook.Worksheet(sheetName);
            var index = Workbooks.Headers(sheet)[column];
            return Workbooks.TableRows(sheet).Sum(r => r.Cell(index).IsEmpty() ? 0 : r.Cell(index).GetDouble());
        }
        double Total(string sheetName, string column)
        {
            var sheet = workbook.Worksheet(sheetName);
            var total = Workbooks.RowUnderTable(sheet);
            Assert.NotNull(total);
            Assert.True(total.Cell(1).Style.Font.Bold, $"{sheetName}: the total row is bold");
            return Workbooks.ApiNumber(total.Cell(Workbooks.Headers(sheet)[column]));
        }
        foreach (var sheet in new[] { "By team", "By reason", "By channel", "Daily trend" })
        {
            Assert.Equal(9, Sum(sheet, "Contacts"));
            Assert.Equal(4, Sum(sheet, "Repeat contacts"));
            Assert.Equal(5, Sum(sheet, "Responses"));
            Assert.Equal(3, Sum(sheet, "CSAT 4–5"));
            // The total row under the table (outside its filter) adds the counts up and recomputes each rate from the sums.
            Assert.Equal(9, Total(sheet, "Contacts"));
            Assert.Equal(100.0 * 4 / 9, Total(sheet, "Repeat-contact rate"), 9);
            Assert.Equal(100.0 * 3 / 5, Total(sheet, "CSAT (top-2-box)"), 9);
            Assert.Equal("Total", workbook.Worksheet(sheet).AutoFilter.Range.LastRow().RowBelow().RowBelow().FirstCellUsed().GetString());
        }
        // The self-service contact K8 has no agent, so agents add up to 8.
        Assert.Equal(8, Sum("By agent", "Contacts"));
        Assert.Equal(8, Total("By agent", "Contacts"));

        var teams = workbook.Worksheet("By team");
        var t1 = teams.RowsUsed().Single(r => r.Cell(1).GetString() == "T1");
        Assert.Equal(4, t1.Cell(2).GetDouble()); // K2, K5, K6, K9 (K3 takes its agent's team, T2)
        var trend = workbook.Worksheet("Daily trend");
        Assert.Equal(31, Workbooks.TableRows(trend).Count);
        Assert.Equal(new DateTime(2026, 3, 1), trend.Cell(2, 1).GetDateTime());
        Assert.Equal("yyyy-mm-dd", trend.Cell(2, 1).Style.DateFormat.Format);
        var percentColumn = Workbooks.Headers(trend)["CSAT (top-2-box)"];
        Assert.Equal("0.0 %", trend.Cell(6, percentColumn).Style.NumberFormat.Format); // 2026-03-05: K2's responses, 50 %
        Assert.Equal(0.5, trend.Cell(6, percentColumn).GetDouble(), 9);
    }

    [DbFact]
    public async Task The_definitions_sheet_holds_every_metric_definition()
    {
        using var workbook = await ExportAsync("kpis");
        var sheet = workbook.Worksheet("Definitions");
        var terms = sheet.RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ToHashSet();
        foreach (var definition in KpiDefinitions.All) Assert.Contains(definition.Name, terms);
        foreach (var entry in MetricGlossary.Definitions) Assert.Contains(entry.Term, terms);
        Assert.Contains(sheet.RowsUsed(), r => r.Cell(2).GetString() == KpiDefinitions.Get(KpiKind.CsatPercent).Definition + " Higher is better.");
    }

    [DbFact]
    public async Task Contacts_export_has_one_row_per_contact_with_its_repeat_and_fcr_flags()
    {
        using var workbook = await ExportAsync("contacts");
        var sheet = workbook.Worksheet("Contacts");
        var columns = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var rows = Workbooks.TableRows(sheet).ToDictionary(r => r.Cell(1).GetString());
        Assert.Equal(["K6", "K2", "K8", "K9", "K3", "K10", "K11", "K4", "K5"], rows.Keys);

        IXLCell Cell(string contact, string column) => rows[contact].Cell(columns[column]);
        Assert.Equal("C1", Cell("K2", "Customer id").GetString());
        Assert.True(Cell("K2", "Repeat (within 7 days)").GetBoolean());
        Assert.False(Cell("K2", "Same-reason repeat (within 7 days)").GetBoolean());
        Assert.False(Cell("K3", "Repeat (within 7 days)").GetBoolean());
        Assert.True(Cell("K5", "Same-reason repeat (within 7 days)").GetBoolean());
        // Across the change to summer time: 20:00 local on 2026-03-29.
        Assert.Equal(new DateTime(2026, 3, 29, 20, 0, 0), Cell("K5", "Started (Europe/Stockholm)").GetDateTime());
        Assert.Equal("yyyy-mm-dd hh:mm", Cell("K5", "Started (Europe/Stockholm)").Style.DateFormat.Format);
        Assert.False(Cell("K4", "FCR decidable").GetBoolean());
        Assert.True(Cell("K4", "Resolved in first contact").IsEmpty());
        Assert.False(Cell("K10", "Resolved in first contact").GetBoolean());
        Assert.True(Cell("K9", "Resolved in first contact").GetBoolean());
        Assert.True(Cell("K9", "Bot→human").GetBoolean());
        // The channel's name for reading, its code beside it (as in the import files).
        Assert.Equal("Self-service / bot", Cell("K8", "Channel").GetString());
        Assert.Equal("selfservice", Cell("K8", "Channel code").GetString());
        Assert.True(Cell("K8", "Agent").IsEmpty());
        Assert.Equal("Anna Andersson", Cell("K2", "Agent").GetString());
        Assert.Equal(200, Workbooks.DurationSeconds(Cell("K2", "Handle time")), 3);
        Assert.Equal("[m]:ss", Cell("K2", "Handle time").Style.NumberFormat.Format);
        Assert.Equal(7.0, Cell("K2", "Days since customer's previous contact").GetDouble(), 9);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Workbooks.AssertHeadersWrapAndFit(sheet);

        // About stores numbers and times as numbers and times.
        var about = workbook.Worksheet("About").RowsUsed().Skip(1).Where(r => r.Cell(1).GetString() != "Column").ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2));
        Assert.Equal(9, about["Rows"].GetDouble());
        Assert.Equal(new DateTime(2026, 3, 1), about["Period from"].GetDateTime());
        Assert.Equal("yyyy-mm-dd", about["Period from"].Style.DateFormat.Format);
        Assert.Equal(7, about["Repeat window W (days)"].GetDouble());
        Assert.Equal(XLDataType.DateTime, about["Exported (UTC)"].DataType);
    }

    [DbFact]
    public async Task Responses_export_follows_the_contact_date_and_keeps_formula_looking_comments_as_text()
    {
        using var workbook = await ExportAsync("responses");
        var sheet = workbook.Worksheet("Responses");
        var columns = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var rows = sheet.RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString());
        // R4 was received in March but rates February's K1: not in March.
        Assert.Equal(["R6", "R1", "R2", "R5", "R3"], rows.Keys);

        var comment = rows["R6"].Cell(columns["Comment"]);
        Assert.Equal("=cmd|' /C calc'!A0", comment.GetString());
        Assert.False(comment.HasFormula);
        Assert.Equal(XLDataType.Text, comment.DataType);
        Assert.True(comment.Style.IncludeQuotePrefix);

        Assert.Equal(2, rows["R2"].Cell(columns["CSAT (1–5)"]).GetDouble());
        Assert.False(rows["R2"].Cell(columns["Resolved"]).GetBoolean());
        Assert.True(rows["R3"].Cell(columns["Resolved"]).IsEmpty());
        Assert.Equal("Tredje gången jag ringer", rows["R2"].Cell(columns["Comment"]).GetString());
        Assert.Equal("K6", rows["R6"].Cell(columns["Contact id"]).GetString());
        Assert.Equal(new DateTime(2026, 3, 1), rows["R6"].Cell(columns["Contact date"]).GetDateTime());
        Assert.True(rows["R1"].Cell(columns["Counts in KPIs"]).GetBoolean());
    }

    [DbFact]
    public async Task Bad_arguments_write_nothing_and_keep_an_existing_file()
    {
        var path = Path.Combine(_directory, "existing.xlsx");
        await File.WriteAllTextAsync(path, "an earlier export");

        var backwards = await Run("export", "contacts", "--from", "2026-03-31", "--to", "2026-03-01", "--out", path);
        Assert.Equal(2, backwards.ExitCode);
        Assert.Contains("ends (2026-03-01) before it starts", backwards.Error);

        var unknownTeam = await Run("export", "kpis", "--from", "2026-03-01", "--to", "2026-03-31", "--team", "Nobody", "--out", path);
        Assert.Equal(2, unknownTeam.ExitCode);
        Assert.Contains("Unknown team 'Nobody'", unknownTeam.Error);

        var notXlsx = await Run("export", "responses", "--from", "2026-03-01", "--to", "2026-03-31", "--out", Path.Combine(_directory, "x.csv"));
        Assert.Equal(2, notXlsx.ExitCode);
        Assert.Contains("must be an .xlsx file", notXlsx.Error);

        Assert.Equal("an earlier export", await File.ReadAllTextAsync(path));
        Assert.Equal(["existing.xlsx"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }
}
