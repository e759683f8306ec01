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

    /// <summary>
    /// The table as a workbook in <paramref name="language"/>: its title, sheet, headers and note in the reader's words, the
    /// KPI names from the vocabulary; the months stay YYYY-MM (as on the page and in the CSV).
    /// </summary>
    public static byte[] ToXlsx(IEnumerable<EngagementRow> rows, DocumentLanguage language, DateOnly from, DateOnly to, string scopeDescription)
    {
        var text = DocumentText.For(typeof(EngagementExport), language);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(text["Engagement"]);
        ClosedXmlTables.Set(sheet.Cell(1, 1), text.Format("Engagement and customer experience, {0} – {1}, {2}",
            EngagementReportService.MonthLabel(from), EngagementReportService.MonthLabel(to), scopeDescription), bold: true);
        var all = rows.ToList();
        // Team rows form the table; the totals sit under it, outside its filter, so sorting or summing the teams never mixes them in.
        var last = ClosedXmlTables.Write(sheet, Columns(text, language), all.Where(r => !r.IsTotal), headerRow: 3,
            new XlSheetOptions<EngagementRow> { Totals = () => all.Where(r => r.IsTotal) });
        var notes = all.Any(r => r.IsTotal) ? last + all.Count(r => r.IsTotal) + 3 : last + 2;
        ClosedXmlTables.Set(sheet.Cell(notes, 1), text.Format(
            "Engagement figures are shown only for months that have ended and for team-months with at least {0} answers; the totals leave smaller teams out.",
            EngagementCalculator.AnonymityThreshold));

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static XlColumn<EngagementRow>[] Columns(DocumentText text, DocumentLanguage language)
    {
        // The KPI columns are named as in the KPI workbooks: the vocabulary's names and the exports' CSAT header.
        var exports = Exports.ExportText.For(language);
        var words = language.Words;
        return
        [
            new(text["Team"], 28, XlFormat.Text, r => r.Team),
            new(text["Month"], 10, XlFormat.Text, r => EngagementReportService.MonthLabel(r.Period)),
            new(text["Answers"], 14, XlFormat.Integer, r => AnswersCell(r.Engagement) is { } hidden ? text[hidden] : r.Engagement.Responses ?? 0,
                r => AnswersCell(r.Engagement) is null ? XlFormat.Integer : XlFormat.Text),
            new(text.Format("{0} (0–100)", words.Kpi(Metrics.KpiKind.EngagementIndex)), 14, XlFormat.Decimal1, r => r.Engagement.EngagementIndex),
            new(words.Kpi(Metrics.KpiKind.Enps), 10, XlFormat.SignedDecimal1, r => r.Engagement.Enps),
            new(exports["CSAT (top-2-box)"], 10, XlFormat.Percent, r => r.Cx.Csat.Percent),
            new(text["CSAT n"], 10, XlFormat.Integer, r => r.Cx.Responses),
            new(words.Kpi(Metrics.KpiKind.ContactFcrPercent), 12, XlFormat.Percent, r => r.Cx.ContactFcr.Percent),
            new(text["FCR n"], 10, XlFormat.Integer, r => r.Cx.FcrDecidable),
        ];
    }

    /// <summary>What the answers column says instead of a count when the figures are not published.</summary>
    private static string? AnswersCell(EngagementResult e) =>
        e.MonthOpen ? ExportCollecting : e.Suppressed ? HiddenAnswers : null;



    private static string Invariant(double? value) => value?.ToString("0.0##", CultureInfo.InvariantCulture) ?? "";
}
