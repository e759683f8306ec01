using ClosedXML.Excel;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>Reading exported workbooks as an Excel user sees them: tables, totals under them, headers, typed values.</summary>
public static class Workbooks
{
    public const string PercentFormat = "0.0 %";
    public const string DurationFormat = "[m]:ss";

    /// <summary>
    /// A cell's number in the API's units: a percentage cell stores the fraction (0.814) and the API says 81.4; a
    /// duration cell stores days and the API says seconds.
    /// </summary>
    public static double ApiNumber(IXLCell cell) => cell.Style.NumberFormat.Format switch
    {
        PercentFormat => cell.GetDouble() * 100,
        DurationFormat => DurationSeconds(cell),
        _ => cell.GetDouble(),
    };

    /// <summary>
    /// The seconds a duration cell holds. The file stores a number of days; ClosedXML reads a cell formatted "[m]:ss"
    /// as a date-time, so the number is taken back from whichever type it was read as.
    /// </summary>
    public static double DurationSeconds(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => cell.GetDateTime().ToOADate() * 86_400,
        XLDataType.TimeSpan => cell.GetTimeSpan().TotalSeconds,
        _ => cell.GetDouble() * 86_400,
    };

    public static Dictionary<string, int> Headers(IXLWorksheet sheet, int headerRow = 1) =>
        sheet.Row(headerRow).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);

    /// <summary>The table's rows: from under the header to the first empty row.</summary>
    public static IReadOnlyList<IXLRow> TableRows(IXLWorksheet sheet, int headerRow = 1)
    {
        var rows = new List<IXLRow>();
        for (var r = headerRow + 1; !sheet.Row(r).IsEmpty(); r++) rows.Add(sheet.Row(r));
        return rows;
    }

    /// <summary>The first row under the table after its blank row (the total), or null.</summary>
    public static IXLRow? RowUnderTable(IXLWorksheet sheet, int headerRow = 1)
    {
        var afterTable = headerRow + 1 + TableRows(sheet, headerRow).Count;
        return sheet.Row(afterTable).IsEmpty() && !sheet.Row(afterTable + 1).IsEmpty() ? sheet.Row(afterTable + 1) : null;
    }

    /// <summary>
    /// Every header cell is bold and wraps, its column is at least as wide as its longest word, and the header row is
    /// tall enough for its longest title wrapped at that width (a character per width unit, 15 points a line).
    /// </summary>
    public static void AssertHeadersWrapAndFit(IXLWorksheet sheet, int headerRow = 1)
    {
        foreach (var cell in sheet.Row(headerRow).CellsUsed())
        {
            var title = cell.GetString();
            Assert.True(cell.Style.Alignment.WrapText, $"{sheet.Name}: header '{title}' wraps");
            Assert.True(cell.Style.Font.Bold, $"{sheet.Name}: header '{title}' is bold");
            var width = sheet.Column(cell.Address.ColumnNumber).Width;
            var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(width >= words.Max(w => w.Length), $"{sheet.Name}: column of '{title}' ({width:0.0}) holds its longest word");
            var lines = 1;
            var used = -1;
            foreach (var word in words)
            {
                if (used < 0) used = word.Length;
                else if (used + 1 + word.Length <= width) used += 1 + word.Length;
                else { lines++; used = word.Length; }
            }
            Assert.True(sheet.Row(headerRow).Height >= lines * 15, $"{sheet.Name}: header row ({sheet.Row(headerRow).Height} pt) holds '{title}' on {lines} lines");
        }
    }
}
