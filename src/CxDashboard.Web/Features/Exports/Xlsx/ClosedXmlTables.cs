using ClosedXML.Excel;

namespace CxDashboard.Web.Features.Exports.Xlsx;

/// <summary>
/// Table sheets and single cells in a ClosedXML workbook, written like <see cref="StreamingXlsxWriter"/> writes them
/// (same formats, frozen header, autofilter, widths set by hand, formula-looking text kept as text).
/// ClosedXML holds the whole workbook in memory: right for formatted workbooks of summaries, not for raw rows.
/// </summary>
public static class ClosedXmlTables
{
    public static readonly XLColor HeaderFill = XLColor.FromHtml("#F0F2F5");

    /// <summary>
    /// Writes a header at <paramref name="headerRow"/>, the rows under it, and what <paramref name="options"/> adds
    /// under the table; returns the last row of the table itself.
    /// </summary>
    public static int Write<T>(IXLWorksheet sheet, IReadOnlyList<XlColumn<T>> columns, IEnumerable<T> rows, int headerRow = 1, XlSheetOptions<T>? options = null)
    {
        Header(sheet, headerRow, columns.Select(c => (c.Title, c.Width)).ToArray());
        var row = headerRow;
        foreach (var item in rows) WriteRow(sheet, ++row, columns, item);
        FreezeAndFilter(sheet, headerRow, row, columns.Count);
        Under(sheet, row, columns, options);
        return row;
    }

    public static void WriteRow<T>(IXLWorksheet sheet, int row, IReadOnlyList<XlColumn<T>> columns, T item, bool bold = false)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = sheet.Cell(row, i + 1);
            Set(cell, columns[i].Value(item), columns[i].FormatFor(item));
            if (columns[i].Wrap)
            {
                cell.Style.Alignment.WrapText = true;
                cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            }
            if (bold) cell.Style.Font.Bold = true;
        }
    }

    /// <summary>The total row and the notes under a table ending at <paramref name="lastRow"/>, each after a blank row.</summary>
    internal static void Under<T>(IXLWorksheet sheet, int lastRow, IReadOnlyList<XlColumn<T>> columns, XlSheetOptions<T>? options)
    {
        var row = lastRow;
        if (options?.Totals is { } totals)
        {
            row++;
            foreach (var total in totals()) WriteRow(sheet, ++row, columns, total, bold: true);
        }
        if (options?.Below is { } notes)
        {
            row += 2;
            Set(sheet.Cell(row, 1), notes.Heading, XlFormat.Text);
            sheet.Cell(row, 1).Style.Font.Bold = true;
            foreach (var line in notes.Lines)
            {
                row++;
                Set(sheet.Cell(row, 1), line.Item, XlFormat.Text);
                Set(sheet.Cell(row, 2), line.Value, line.Format);
            }
        }
    }

    /// <summary>A bold header on grey that wraps, in columns wide enough for its longest word, in a row tall enough for it.</summary>
    public static void Header(IXLWorksheet sheet, int row, params (string Title, double Width)[] columns)
    {
        var (widths, height) = XlHeader.Layout(columns);
        for (var i = 0; i < columns.Length; i++)
        {
            var cell = sheet.Cell(row, i + 1);
            cell.SetValue(columns[i].Title);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = HeaderFill;
            cell.Style.Alignment.WrapText = true;
            cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            sheet.Column(i + 1).Width = widths[i];
        }
        sheet.Row(row).Height = height;
    }

    /// <summary>Freezes everything down to the header row and puts an autofilter on the table under it.</summary>
    public static void FreezeAndFilter(IXLWorksheet sheet, int headerRow, int lastRow, int lastColumn)
    {
        sheet.SheetView.FreezeRows(headerRow);
        sheet.Range(headerRow, 1, Math.Max(lastRow, headerRow), lastColumn).SetAutoFilter();
    }

    /// <summary>The text of a cell outside a table (a title, a note), kept as text.</summary>
    public static void Set(IXLCell cell, string text, bool bold = false)
    {
        Set(cell, text, XlFormat.Text);
        if (bold) cell.Style.Font.Bold = true;
    }

    public static void Set(IXLCell cell, XlValue value, XlFormat format)
    {
        switch (value.Kind)
        {
            case XlValueKind.Empty:
                return;
            case XlValueKind.Text:
                cell.SetValue(value.Text);
                cell.DataType = XLDataType.Text;
                if (value.LooksLikeFormula) cell.Style.IncludeQuotePrefix = true;
                return;
            case XlValueKind.Boolean:
                cell.SetValue(value.Number != 0);
                return;
            case XlValueKind.DateTime:
                cell.SetValue(value.DateTime);
                cell.Style.DateFormat.Format = XlFormats.NumberFormat(format is XlFormat.Date ? XlFormat.Date : XlFormat.DateTime);
                return;
            default:
                cell.SetValue(XlFormats.Stored(format, value.Number));
                if (XlFormats.NumberFormat(format) is { } numberFormat) cell.Style.NumberFormat.Format = numberFormat;
                return;
        }
    }
}

/// <summary>
/// The same table sheets as <see cref="StreamingXlsxWriter"/>, built in memory with ClosedXML and saved at the end.
/// Kept so the export benchmark can measure both on the same rows.
/// </summary>
public sealed class ClosedXmlTableWorkbookWriter(Stream output) : ITableWorkbookWriter
{
    private readonly XLWorkbook _workbook = new();

    public async Task<long> AddSheetAsync<T>(string name, IReadOnlyList<XlColumn<T>> columns, IAsyncEnumerable<T> rows, XlSheetOptions<T>? options = null,
        CancellationToken ct = default)
    {
        var sheet = _workbook.Worksheets.Add(name);
        ClosedXmlTables.Header(sheet, 1, columns.Select(c => (c.Title, c.Width)).ToArray());
        var row = 1;
        await foreach (var item in rows.WithCancellation(ct))
        {
            if (row > TableWorkbookLimits.MaxDataRows) throw new TooManyRowsException(name, row);
            ClosedXmlTables.WriteRow(sheet, ++row, columns, item);
        }
        ClosedXmlTables.FreezeAndFilter(sheet, 1, row, columns.Count);
        ClosedXmlTables.Under(sheet, row, columns, options);
        return row - 1;
    }

    public void Complete() => _workbook.SaveAs(output);

    public void Dispose() => _workbook.Dispose();
}
