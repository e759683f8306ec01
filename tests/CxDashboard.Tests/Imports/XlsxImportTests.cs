using ClosedXML.Excel;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using static CxDashboard.Tests.Imports.ImportTestSupport;

namespace CxDashboard.Tests.Imports;

public sealed class XlsxImportTestsOnSqlite : XlsxImportTests<OnSqlite>;

public sealed class XlsxImportTestsOnPostgres : XlsxImportTests<OnPostgres>, IRunsOnPostgres;

/// <summary>XLSX files as Excel writes them: date cells as serial numbers, numbers, text that looks like formulas, gaps.</summary>
public abstract class XlsxImportTests<TDb> where TDb : ITestDatabase
{
    private static byte[] Workbook(Action<IXLWorksheet> fill)
    {
        using var workbook = new XLWorkbook();
        fill(workbook.AddWorksheet("Kontakter"));
        workbook.AddWorksheet("Other sheet").Cell(1, 1).Value = "ignored";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Row(IXLWorksheet sheet, int row, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null) continue;
            var cell = sheet.Cell(row, i + 1);
            if (values[i] is string text) cell.SetValue(text);
            else cell.Value = values[i];
        }
    }

    [DbFact]
    public async Task Date_cells_become_local_timestamps_and_the_first_sheet_is_read()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await app.ImportOkAsync(ImportKind.Agents, BoundaryDataset.Agents);
        var bytes = Workbook(sheet =>
        {
            Row(sheet, 1, "contact_id", "customer_id", "agent_id", "channel", "reason", "started_at", "handle_seconds", "customer_name", "do_not_contact");
            Row(sheet, 2, "X1", "C1", "A1", "phone", "FAKTURA", new DateTime(2026, 3, 29, 1, 30, 0), 300, "=cmd|' /C calc'!A0", false);
            Row(sheet, 3, "X2", "C1", "A1", "chat", "FAKTURA", new DateTime(2026, 3, 29, 3, 30, 0), 120, null, true);
            // Row 4 left empty, as people leave them.
            Row(sheet, 5, "X3", "C2", "A2", "email", "FEL", "2026-03-30T09:15:00+02:00", null, "Text date with an offset", null);
            sheet.Column(6).Style.NumberFormat.Format = "yyyy-mm-dd hh:mm";
        });

        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<ImportService>()
            .ImportFileAsync(ImportKind.Contacts, new MemoryStream(bytes), new ImportOptions { PreviewRows = 5 }));
        Assert.True(result.Outcome == ImportOutcome.Imported, result.FileError + string.Join("; ", result.Errors));
        Assert.Equal(3, result.Inserted);
        Assert.Equal("XLSX, first sheet 'Kontakter'", result.Preview!.Format);
        Assert.Equal([2L, 3L, 5L], result.Preview.Rows.Select(r => r.Line));
        Assert.Equal("2026-03-29 01:30:00", result.Preview.Rows[0].Cells[5]);

        long Ticks(string id) => Scalar(app, $"""SELECT "StartedAtUtc" FROM "Contacts" WHERE "ExternalId" = '{id}'""");
        Assert.Equal(new DateTime(2026, 3, 29, 0, 30, 0, DateTimeKind.Utc).Ticks, Ticks("X1"));
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc).Ticks, Ticks("X2"));
        Assert.Equal(new DateTime(2026, 3, 30, 7, 15, 0, DateTimeKind.Utc).Ticks, Ticks("X3"));
        Assert.Equal(300, Scalar(app, """SELECT "HandleSeconds" FROM "Contacts" WHERE "ExternalId" = 'X1'"""));
        Assert.Equal("=cmd|' /C calc'!A0", Text(app, """SELECT "Name" FROM "Customers" WHERE "ExternalId" = 'C1'"""));
        Assert.Equal(1, Scalar(app, """SELECT "DoNotContact" FROM "Customers" WHERE "ExternalId" = 'C1'"""));
    }

    [DbFact]
    public async Task Errors_in_a_workbook_name_the_sheet_row_and_write_nothing()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        var before = Fingerprint(app);
        var bytes = Workbook(sheet =>
        {
            Row(sheet, 1, "response_id", "contact_id", "received_at", "csat", "nps");
            Row(sheet, 2, "XR1", "K2", new DateTime(2026, 3, 6, 9, 0, 0), 4, 9);
            Row(sheet, 4, "XR2", "K2", new DateTime(2026, 3, 6, 9, 0, 0), 6, 12);
        });
        var path = WriteTemp(bytes, ".xlsx");
        var run = await ImportCliAsync(app, "survey-responses", path);
        File.Delete(path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("line 4, column csat: 6 is outside 1–5 (CSAT is 1–5)", run.Error);
        Assert.Contains("line 4, column nps: 12 is outside 0–10 (NPS is 0–10)", run.Error);
        Assert.Equal(before, Fingerprint(app));
    }

    [DbFact]
    public async Task A_workbook_with_only_a_header_row_is_a_file_error()
    {
        using var app = new CxAppFactory(TDb.Provider);
        var bytes = Workbook(sheet => Row(sheet, 1, "agent_id", "name", "team"));
        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<ImportService>().ImportFileAsync(ImportKind.Agents, new MemoryStream(bytes), new ImportOptions()));
        Assert.Equal(ImportOutcome.FileRejected, result.Outcome);
        Assert.Equal("The file has a header row but no data rows.", result.FileError);
    }
}
