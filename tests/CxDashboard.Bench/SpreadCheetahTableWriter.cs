using CxDashboard.Web.Features.Exports.Xlsx;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace CxDashboard.Bench;

/// <summary>
/// The same sheets as <see cref="StreamingXlsxWriter"/> (bold frozen header, autofilter, column widths, typed cells
/// with the same number formats, formula-like text kept as text) written with SpreadCheetah, to measure the library
/// against the product's own writer on the same rows.
/// </summary>
internal sealed class SpreadCheetahTableWriter(Stream output) : ITableWorkbookWriter
{
    private Spreadsheet? spreadsheet;
    private readonly Dictionary<XlFormat, StyleId> styles = [];
    private StyleId? header;

    public async Task<long> AddSheetAsync<T>(string name, IReadOnlyList<XlColumn<T>> columns, IAsyncEnumerable<T> rows, XlSheetOptions<T>? sheetOptions = null,
        CancellationToken ct = default)
    {
        spreadsheet ??= await Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
        header ??= spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        var options = new WorksheetOptions { FrozenRows = 1, AutoFilter = new AutoFilterOptions($"A1:{ColumnName(columns.Count)}1") };
        for (var i = 0; i < columns.Count; i++) options.Column(i + 1).Width = columns[i].Width;
        await spreadsheet.StartWorksheetAsync(name, options, ct);
        await spreadsheet.AddRowAsync(columns.Select(c => new Cell(c.Title, header)).ToArray(), ct);

        var cells = new Cell[columns.Count];
        long count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (++count > TableWorkbookLimits.MaxDataRows) throw new TooManyRowsException(name, count);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].Value(row);
                var style = Style(columns[i].FormatFor(row));
                cells[i] = value.Kind switch
                {
                    XlValueKind.Text => new Cell(value.Text, style),
                    XlValueKind.Number => new Cell(XlFormats.Stored(columns[i].FormatFor(row), value.Number), style),
                    XlValueKind.DateTime => new Cell(value.DateTime, style),
                    XlValueKind.Boolean => new Cell(value.Number != 0, style),
                    _ => new Cell((string?)null),
                };
            }
            await spreadsheet.AddRowAsync(cells, ct);
        }
        return count;
    }

    private StyleId? Style(XlFormat format)
    {
        if (XlFormats.NumberFormat(format) is not { } numberFormat) return null;
        if (!styles.TryGetValue(format, out var id))
            styles[format] = id = spreadsheet!.AddStyle(new Style { Format = NumberFormat.Custom(numberFormat) });
        return id;
    }

    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26) name = (char)('A' + (number - 1) % 26) + name;
        return name;
    }

    public void Complete() => spreadsheet?.FinishAsync().AsTask().GetAwaiter().GetResult();

    public void Dispose() => spreadsheet?.Dispose();
}
