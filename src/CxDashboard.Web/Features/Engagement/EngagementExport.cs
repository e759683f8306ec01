using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
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
        sheet.Cell(1, 1).SetValue(title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        string[] headings = ["Team", "Month", "Answers", "Engagement index (0–100)", "eNPS", "CSAT %", "CSAT n", "Contact-based FCR %", "FCR n"];
        for (var c = 0; c < headings.Length; c++)
        {
            var cell = sheet.Cell(3, c + 1);
            cell.SetValue(headings[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#F0F2F5");
        }
        var r = 4;
        foreach (var row in rows)
        {
            var e = row.Engagement;
            Text(sheet.Cell(r, 1), row.Team);
            sheet.Cell(r, 2).SetValue(EngagementReportService.MonthLabel(row.Period));
            if (AnswersCell(e) is { } hidden) sheet.Cell(r, 3).SetValue(hidden);
            else sheet.Cell(r, 3).SetValue(e.Responses ?? 0);
            Number(sheet.Cell(r, 4), e.EngagementIndex, "0.0");
            Number(sheet.Cell(r, 5), e.Enps, "+0.0;-0.0;0.0");
            Number(sheet.Cell(r, 6), row.Cx.Csat.Percent, "0.0");
            sheet.Cell(r, 7).SetValue(row.Cx.Responses);
            Number(sheet.Cell(r, 8), row.Cx.ContactFcr.Percent, "0.0");
            sheet.Cell(r, 9).SetValue(row.Cx.FcrDecidable);
            if (row.IsTotal) sheet.Row(r).Style.Font.Bold = true;
            r++;
        }
        sheet.Cell(r + 1, 1).SetValue($"Engagement figures are shown only for months that have ended and for team-months with at least {EngagementCalculator.AnonymityThreshold} answers; the totals leave smaller teams out.");
        // Widths set by hand: AdjustToContents needs GDI+, which Linux lacks.
        double[] widths = [28, 10, 14, 24, 10, 10, 10, 20, 10];
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        sheet.SheetView.FreezeRows(3);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>What the answers column says instead of a count when the figures are not published.</summary>
    private static string? AnswersCell(EngagementResult e) =>
        e.MonthOpen ? EngagementPageText.ExportCollecting : e.Suppressed ? HiddenAnswers : null;

    private static void Text(IXLCell cell, string value)
    {
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
        if (SpreadsheetText.LooksLikeFormula(value)) cell.Style.IncludeQuotePrefix = true;
    }

    private static void Number(IXLCell cell, double? value, string format)
    {
        if (value is not { } v) return;
        cell.SetValue(v);
        cell.Style.NumberFormat.Format = format;
    }

    private static string Invariant(double? value) => value?.ToString("0.0##", CultureInfo.InvariantCulture) ?? "";
}
