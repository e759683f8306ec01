namespace CxDashboard.Web.Features.Exports.Xlsx;

/// <summary>
/// Writes a workbook of table sheets: each has a bold header row that wraps and stays frozen, an autofilter over the
/// table, column widths set here (ClosedXML's AdjustToContents needs GDI+, which Linux lacks), typed, formatted cells,
/// and optionally a total row and notes under the table.
/// </summary>
public interface ITableWorkbookWriter : IDisposable
{
    /// <summary>Adds a sheet and writes its rows as they come; returns how many rows were written.</summary>
    Task<long> AddSheetAsync<T>(string name, IReadOnlyList<XlColumn<T>> columns, IAsyncEnumerable<T> rows, XlSheetOptions<T>? options = null,
        CancellationToken ct = default);

    /// <summary>Writes what is left (workbook index, styles) to the output. Nothing usable is written before this.</summary>
    void Complete();
}

public static class TableWorkbookLimits
{
    /// <summary>Excel's last row is 1,048,576; one is the header.</summary>
    public const long MaxDataRows = 1_048_575;
}

/// <summary>A sheet would have more rows than Excel can open.</summary>
public sealed class TooManyRowsException(string sheet, long rows) : Exception(
    $"The {sheet} sheet would have {rows:N0} rows or more, but Excel holds at most {TableWorkbookLimits.MaxDataRows:N0} per sheet. Choose a shorter period.")
{
    public string Sheet { get; } = sheet;
    public long Rows { get; } = rows;
}
