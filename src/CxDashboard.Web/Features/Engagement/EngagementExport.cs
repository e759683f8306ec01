using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Engagement;

/// <summary>
/// The Engagement page's table as CSV or XLSX, under the same publication rule (<see cref="EngagementPublication"/>):
/// a team-month under the anonymity threshold or not yet ended carries no engagement figures here either, and the
/// published ones are rounded as the page shows them. Team names that look like formulas are written as plain text.
/// </summary>
public static class EngagementExport
{
    public const string HiddenAnswers = "fewer than 5";

    /// <summary>The answers column of a month still open.</summary>
    public const string ExportCollecting = "not published until the month ends";

    private static readonly string[] Header =
        ["team", "month", "answers", "engagement_index", "enps", "csat_percent", "csat_n", "contact_fcr_percent", "contact_fcr_n"];

    public static byte[] ToCsv(IEnumerable<EngagementRow> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { WriteByteOrderMark = true }, true))
        {
            csv.WriteHeader(Header);
            foreach (var row in rows)
            {
                var e = row.Engagement;
                csv.WriteField(SpreadsheetText.ForCsv(row.Team));
                csv.WriteField(EngagementReportService.MonthLabel(row.Period));
                csv.WriteField(AnswersCell(e) ?? e.Responses?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(Invariant(e.EngagementIndex));
                csv.WriteField(Invariant(e.Enps));
                csv.WriteField(Invariant(row.Cx.Csat.Percent));
                csv.WriteField(row.Cx.Responses.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(Invariant(row.Cx.ContactFcr.Percent));
                csv.WriteField(row.Cx.FcrDecidable.ToString(CultureInfo.InvariantCulture));
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }

    public static byte[] ToXlsx(IEnumerable<EngagementRow> rows, string title)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Engagement");
        ClosedXmlTables.Set(sheet.Cell(1, 1), title, bold: true);
        var all = rows.ToList();
        // Team rows form the table; the totals sit under it, outside its filter, so sorting or summing the teams never mixes them in.
        var last = ClosedXmlTables.Write(sheet, Columns, all.Where(r => !r.IsTotal), headerRow: 3,
            new XlSheetOptions<EngagementRow> { Totals = () => all.Where(r => r.IsTotal) });
        var notes = all.Any(r => r.IsTotal) ? last + all.Count(r => r.IsTotal) + 3 : last + 2;
        ClosedXmlTables.Set(sheet.Cell(notes, 1), $"Engagement figures are shown only for months that have ended and for team-months with at least {EngagementCalculator.AnonymityThreshold} answers; the totals leave smaller teams out.");

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static readonly XlColumn<EngagementRow>[] Columns =
    [
        new("Team", 28, XlFormat.Text, r => r.Team),
        new("Month", 10, XlFormat.Text, r => EngagementReportService.MonthLabel(r.Period)),
        new("Answers", 14, XlFormat.Integer, r => AnswersCell(r.Engagement) is { } hidden ? hidden : r.Engagement.Responses ?? 0,
            r => AnswersCell(r.Engagement) is null ? XlFormat.Integer : XlFormat.Text),
        new("Engagement index (0–100)", 14, XlFormat.Decimal1, r => r.Engagement.EngagementIndex),
        new("eNPS", 10, XlFormat.SignedDecimal1, r => r.Engagement.Enps),
        new("CSAT (top-2-box)", 10, XlFormat.Percent, r => r.Cx.Csat.Percent),
        new("CSAT n", 10, XlFormat.Integer, r => r.Cx.Responses),
        new("Contact-based FCR", 12, XlFormat.Percent, r => r.Cx.ContactFcr.Percent),
        new("FCR n", 10, XlFormat.Integer, r => r.Cx.FcrDecidable),
    ];

    /// <summary>What the answers column says instead of a count when the figures are not published.</summary>
    private static string? AnswersCell(EngagementResult e) =>
        e.MonthOpen ? ExportCollecting : e.Suppressed ? HiddenAnswers : null;



    private static string Invariant(double? value) => value?.ToString("0.0##", CultureInfo.InvariantCulture) ?? "";
}
