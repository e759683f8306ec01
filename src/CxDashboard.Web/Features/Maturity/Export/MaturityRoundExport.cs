using ClosedXML.Excel;
using CxDashboard.Web.Features.Maturity.Actions;
using CxDashboard.Web.Features.Maturity.Results;
using CxDashboard.Web.Features.Maturity.Rounds;
using CxDashboard.Web.Features.Maturity.Scoring;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Maturity.Export;

/// <summary>What a round's workbook holds. <see cref="IndividualRatings"/> is null unless an administrator exports.</summary>
public sealed record MaturityExportContent(
    MaturityRoundResult Result,
    IReadOnlyList<RaterComment> Comments,
    IReadOnlyList<IndividualRating>? IndividualRatings,
    IReadOnlyList<ImprovementActionView> Actions,
    string Language,
    DateTime ExportedAtUtc);

/// <summary>
/// A round as an Excel workbook: Results (ranked by gap), Statements, Comments, Ratings (administrators only), Actions
/// and About. Numbers are numbers with formats, every sheet has a frozen, filterable header, and column widths are set
/// here (ClosedXML's AdjustToContents needs GDI+, which Linux lacks).
/// </summary>
public static class MaturityRoundExport
{
    private const string OneDecimal = "0.0";
    private const string TwoDecimals = "0.00";
    private const string SignedOneDecimal = "+0.0;-0.0;0.0";
    private const string DateFormat = "yyyy-mm-dd";

    public static void Write(MaturityExportContent content, Stream output)
    {
        using var workbook = new XLWorkbook();
        Results(workbook.Worksheets.Add("Results"), content);
        Statements(workbook.Worksheets.Add("Statements"), content);
        Comments(workbook.Worksheets.Add("Comments"), content);
        if (content.IndividualRatings is { } individual) Ratings(workbook.Worksheets.Add("Ratings"), content, individual);
        ActionsSheet(workbook.Worksheets.Add("Actions"), content);
        About(workbook.Worksheets.Add("About"), content);
        workbook.SaveAs(output);
    }

    public static string FileName(MaturityRoundSummary round) =>
        $"maturity-round-{round.Id}-{round.AssessedOn:yyyy-MM-dd}.xlsx";

    private static void Results(IXLWorksheet sheet, MaturityExportContent content)
    {
        var result = content.Result;
        var actionsByCapability = content.Actions.Where(a => a.IsActive).GroupBy(a => a.CapabilityKey).ToDictionary(g => g.Key, g => g.Count());
        var row = Header(sheet, ("Rank", 7), ("Key", 14), ("Capability", 40), ("Mean level", 11), ("Level", 13), ("Raters", 8),
            ("SD", 8), ("IQR", 8), ("Q1", 8), ("Q3", 8), ("Disagreement", 13), ("Target", 8), ("Gap", 8),
            ("Previous mean", 14), ("Change", 9), ("Scores given", 12), ("Don't know", 11), ("Open actions", 12));
        var rank = 0;
        foreach (var capability in result.RankedByGap)
        {
            var s = capability.Score;
            var col = 1;
            sheet.Cell(row, col++).Value = ++rank;
            Text(sheet.Cell(row, col++), capability.Key);
            Text(sheet.Cell(row, col++), capability.Capability.Name.In(content.Language));
            Number(sheet.Cell(row, col++), s.Mean, OneDecimal);
            Text(sheet.Cell(row, col++), s.Mean is { } m ? result.Model.LevelNameOf(m).In(content.Language) : null);
            sheet.Cell(row, col++).Value = s.Raters;
            Number(sheet.Cell(row, col++), s.StandardDeviation, TwoDecimals);
            Number(sheet.Cell(row, col++), s.InterquartileRange, TwoDecimals);
            Number(sheet.Cell(row, col++), s.LowerQuartile, TwoDecimals);
            Number(sheet.Cell(row, col++), s.UpperQuartile, TwoDecimals);
            Text(sheet.Cell(row, col++), s.Disagreement ? "Yes" : "No");
            Number(sheet.Cell(row, col++), s.TargetLevel, "0");
            Number(sheet.Cell(row, col++), s.Gap, SignedOneDecimal);
            Number(sheet.Cell(row, col++), s.PreviousMean, OneDecimal);
            Number(sheet.Cell(row, col++), s.Change, SignedOneDecimal);
            sheet.Cell(row, col++).Value = s.Ratings;
            sheet.Cell(row, col++).Value = s.DontKnows;
            sheet.Cell(row, col).Value = actionsByCapability.GetValueOrDefault(capability.Key);
            row++;
        }
        Finish(sheet, row - 1, 18);
    }

    private static void Statements(IXLWorksheet sheet, MaturityExportContent content)
    {
        var row = Header(sheet, ("Capability", 32), ("Statement key", 15), ("Statement", 70), ("Mean", 8), ("Scores given", 12), ("Don't know", 11),
            ("1", 6), ("2", 6), ("3", 6), ("4", 6), ("5", 6));
        foreach (var capability in content.Result.Capabilities)
        {
            foreach (var statement in capability.Capability.Statements)
            {
                var score = capability.Score.Statements.First(s => s.Key == statement.Key);
                var col = 1;
                Text(sheet.Cell(row, col++), capability.Capability.Name.In(content.Language));
                Text(sheet.Cell(row, col++), statement.Key);
                Text(sheet.Cell(row, col++), statement.Text.In(content.Language));
                Number(sheet.Cell(row, col++), score.Mean, OneDecimal);
                sheet.Cell(row, col++).Value = score.Ratings;
                sheet.Cell(row, col++).Value = score.DontKnows;
                foreach (var count in score.Distribution) sheet.Cell(row, col++).Value = count;
                row++;
            }
        }
        Finish(sheet, row - 1, 11);
    }

    private static void Comments(IXLWorksheet sheet, MaturityExportContent content)
    {
        var withNames = content.IndividualRatings is not null;
        var row = withNames ? Header(sheet, ("Capability", 32), ("Comment", 90), ("Rater", 24)) : Header(sheet, ("Capability", 32), ("Comment", 90));
        foreach (var comment in content.Comments)
        {
            Text(sheet.Cell(row, 1), content.Result.Capability(comment.CapabilityKey)?.Capability.Name.In(content.Language) ?? comment.CapabilityKey);
            Text(sheet.Cell(row, 2), comment.Text);
            sheet.Cell(row, 2).Style.Alignment.WrapText = true;
            if (withNames) Text(sheet.Cell(row, 3), comment.RaterName);
            row++;
        }
        Finish(sheet, row - 1, withNames ? 3 : 2);
    }

    private static void Ratings(IXLWorksheet sheet, MaturityExportContent content, IReadOnlyList<IndividualRating> ratings)
    {
        var statements = content.Result.Capabilities
            .SelectMany(c => c.Capability.Statements.Select(s => (s.Key, Capability: c.Capability.Name.In(content.Language), Text: s.Text.In(content.Language))))
            .ToDictionary(s => s.Key);
        var order = statements.Keys.Select((key, index) => (key, index)).ToDictionary(x => x.key, x => x.index);
        var row = Header(sheet, ("Rater", 24), ("E-mail", 28), ("Capability", 32), ("Statement key", 15), ("Statement", 60), ("Score", 7), ("Don't know", 11), ("Submitted", 12));
        foreach (var rating in ratings.OrderBy(r => r.RaterName, StringComparer.CurrentCulture).ThenBy(r => order.GetValueOrDefault(r.StatementKey, int.MaxValue)))
        {
            var statement = statements.GetValueOrDefault(rating.StatementKey);
            var col = 1;
            Text(sheet.Cell(row, col++), rating.RaterName);
            Text(sheet.Cell(row, col++), rating.RaterEmail);
            Text(sheet.Cell(row, col++), statement.Capability);
            Text(sheet.Cell(row, col++), rating.StatementKey);
            Text(sheet.Cell(row, col++), statement.Text);
            Number(sheet.Cell(row, col++), rating.Score, "0");
            Text(sheet.Cell(row, col++), rating.Score is null ? "Yes" : null);
            Date(sheet.Cell(row, col), DateOnly.FromDateTime(rating.SubmittedAtUtc));
            row++;
        }
        Finish(sheet, row - 1, 8);
    }

    private static void ActionsSheet(IXLWorksheet sheet, MaturityExportContent content)
    {
        var row = Header(sheet, ("Action", 50), ("Capability", 32), ("Owner", 24), ("Due", 12), ("Status", 12), ("Overdue", 9), ("Round", 20), ("Done on", 12), ("Notes", 50));
        foreach (var action in content.Actions)
        {
            var col = 1;
            Text(sheet.Cell(row, col++), action.Title);
            Text(sheet.Cell(row, col++), content.Result.Capability(action.CapabilityKey)?.Capability.Name.In(content.Language) ?? action.CapabilityName);
            Text(sheet.Cell(row, col++), action.OwnerName);
            Date(sheet.Cell(row, col++), action.DueDate);
            Text(sheet.Cell(row, col++), ImprovementActionStatusText.Describe(action.Status));
            Text(sheet.Cell(row, col++), action.IsOverdue ? "Yes" : "No");
            Text(sheet.Cell(row, col++), action.RoundName);
            if (action.CompletedOn is { } done) Date(sheet.Cell(row, col), done);
            col++;
            Text(sheet.Cell(row, col), action.Notes);
            row++;
        }
        Finish(sheet, row - 1, 9);
    }

    private static void About(IXLWorksheet sheet, MaturityExportContent content)
    {
        var result = content.Result;
        var row = Header(sheet, ("Item", 28), ("Value", 90));
        void Line(string item, Action<IXLCell> value)
        {
            Text(sheet.Cell(row, 1), item);
            value(sheet.Cell(row, 2));
            row++;
        }
        Line("Round", c => Text(c, result.Round.Name));
        Line("Assessed on", c => Date(c, result.Round.AssessedOn));
        Line("Status", c => Text(c, result.Round.IsOpen ? "Open (provisional results)" : "Closed"));
        Line("Model version", c => c.Value = result.Round.ModelVersion);
        Line("Raters asked", c => c.Value = result.RatersAsked);
        Line("Raters who submitted", c => c.Value = result.RatersSubmitted);
        Line("Overall mean level", c => Number(c, result.OverallMean, OneDecimal));
        Line("Compared with", c => Text(c, result.Previous is { } p ? $"{p.Name} ({p.AssessedOn:yyyy-MM-dd})" : "No earlier closed round"));
        Line("Exported (UTC)", c => { c.Value = content.ExportedAtUtc; c.Style.DateFormat.Format = "yyyy-mm-dd hh:mm"; });
        Line("Method", c => Text(c,
            "A rater's level per capability is the mean of their scores there (don't know excluded); the capability's mean is the mean of rater levels. " +
            "SD is the population standard deviation of rater levels; quartiles as QUARTILE.INC; disagreement when IQR > " +
            $"{MaturityScoring.DisagreementIqr:0}. Gap = target − mean. Only submitted ratings count."));
        sheet.Cell(row - 1, 2).Style.Alignment.WrapText = true;
        Finish(sheet, row - 1, 2);
    }

    /// <summary>The shared header of every workbook (bold, wrapping, widths and height that fit); returns the first data row.</summary>
    private static int Header(IXLWorksheet sheet, params (string Title, double Width)[] columns)
    {
        Exports.Xlsx.ClosedXmlTables.Header(sheet, 1, columns);
        return 2;
    }

    private static void Finish(IXLWorksheet sheet, int lastRow, int lastColumn)
    {
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(lastRow, 1), lastColumn).SetAutoFilter();
    }

    /// <summary>Text stays text, also when it looks like a formula (a comment starting with "=" must not run in Excel).</summary>
    private static void Text(IXLCell cell, string? value) => Exports.Xlsx.ClosedXmlTables.Set(cell, value, Exports.Xlsx.XlFormat.Text);

    private static void Number(IXLCell cell, double? value, string format)
    {
        if (value is not { } v) return;
        cell.Value = v;
        cell.Style.NumberFormat.Format = format;
    }

    private static void Number(IXLCell cell, int? value, string format) => Number(cell, value is { } v ? (double)v : null, format);

    private static void Date(IXLCell cell, DateOnly date)
    {
        cell.Value = date.ToDateTime(TimeOnly.MinValue);
        cell.Style.DateFormat.Format = DateFormat;
    }
}
