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

    /// <summary>Writes a header at <paramref name="headerRow"/> and the rows under it; returns the last row written.</summary>
    public static int Write<T>(IXLWorksheet sheet, IReadOnlyList<XlColumn<T>> columns, IEnumerable<T> rows, int headerRow = 1)
    {
        Header(sheet, headerRow, columns.Select(c => (c.Title, c.Width)).ToArray());
        var row = headerRow;
        foreach (var item in rows) WriteRow(sheet, ++row, columns, item);
        FreezeAndFilter(sheet, headerRow, row, columns.Count);
        return row;
    }

    public static void WriteRow<T>(IXLWorksheet sheet, int row, IReadOnlyList<XlColumn<T>> columns, T item)
    {
        for (var i = 0; i < columns.Count; i++) Set(sheet.Cell(row, i + 1), columns[i].Value(item), columns[i].FormatFor(item));
    }

    public static void Header(IXLWorksheet sheet, int row, params (string Title, double Width)[] columns)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var cell = sheet.Cell(row, i + 1);
            cell.SetValue(columns[i].Title);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = HeaderFill;
            sheet.Column(i + 1).Width = columns[i].Width;
        }
    }

    /// <summary>Freezes everything down to the header row and puts an autofilter on the table under it.</summary>
    public static void FreezeAndFilter(IXLWorksheet sheet, int headerRow, int lastRow, int lastColumn)
    {
        sheet.SheetView.FreezeRows(headerRow);
        sheet.Range(headerRow, 1, Math.Max(lastRow, headerRow), lastColumn).SetAutoFilter();
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
                cell.SetValue(value.Number);
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

    public async Task<long> AddSheetAsync<T>(string name, IReadOnlyList<XlColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct = default)
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
        return row - 1;
    }

    public void Complete() => _workbook.SaveAs(output);

    public void Dispose() => _workbook.Dispose();
}
