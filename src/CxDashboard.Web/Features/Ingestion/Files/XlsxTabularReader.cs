using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CxDashboard.Web.Features.Ingestion.Files;

/// <summary>
/// The first sheet of an XLSX workbook, read row by row with OpenXML's SAX reader, so memory does not grow with the
/// sheet. The first non-empty row is the header; the line of a row is its sheet row number, as Excel shows it.
/// Numbers in a date format (Excel stores dates as serial numbers) become local timestamps "yyyy-MM-dd HH:mm:ss";
/// a formula cell gives the value Excel last calculated for it (formulas are never evaluated); text that looks like
/// a formula is text. Shared strings are spilled to a temp file, since a sheet of unique ids has as many as rows.
/// </summary>
public sealed class XlsxTabularReader : ITabularReader
{
    private static readonly DateTime ExcelEpoch = new(1899, 12, 30);

    private readonly Stream _stream;
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _rows;
    private readonly SharedStrings _sharedStrings;
    private readonly HashSet<uint> _dateStyles;
    private readonly List<string?> _cells = [];

    public XlsxTabularReader(Stream stream)
    {
        _stream = stream;
        try
        {
            _document = SpreadsheetDocument.Open(stream, false);
            var workbook = _document.WorkbookPart ?? throw new ImportFileException("The XLSX file has no workbook.");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                        ?? throw new ImportFileException("The workbook has no sheet.");
            SheetName = sheet.Name?.Value ?? "";
            var worksheet = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            _dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            _sharedStrings = new SharedStrings(workbook.SharedStringTablePart);
            _rows = OpenXmlReader.Create(worksheet);
        }
        catch (Exception e) when (e is not ImportFileException and not OutOfMemoryException)
        {
            throw new ImportFileException($"The file looks like an XLSX workbook but cannot be read ({e.Message}). Save it again from Excel, or as CSV UTF-8.");
        }

        if (!ReadRow()) throw new ImportFileException("The first sheet is empty: it needs a header row and at least one data row.");
        Header = [.. _cells.Select(c => c?.Trim() ?? "")];
        if (Header.All(string.IsNullOrWhiteSpace)) throw new ImportFileException("The file has no header row.");
    }

    public string SheetName { get; }
    public IReadOnlyList<string> Header { get; }
    public long Line { get; private set; }
    public long Row { get; private set; }
    public long? BytesRead => _stream.CanSeek ? Math.Min(_stream.Position, _stream.Length) : null;
    public long? BytesTotal => _stream.CanSeek ? _stream.Length : null;
    public string Description => $"XLSX, first sheet '{SheetName}'";

    public bool Read()
    {
        while (ReadRow())
        {
            if (!_cells.Any(c => !string.IsNullOrWhiteSpace(c))) continue;
            Row++;
            return true;
        }
        return false;
    }

    public string? Get(int column) => column < _cells.Count ? _cells[column] : null;

    /// <summary>Moves to the next row element of the sheet and reads its cells into place by their column letters.</summary>
    private bool ReadRow()
    {
        try
        {
            while (_rows.Read())
            {
                if (_rows.ElementType != typeof(Row) || !_rows.IsStartElement) continue;
                var row = (Row)_rows.LoadCurrentElement()!;
                Line = row.RowIndex?.Value is { } index ? index : Line + 1;
                _cells.Clear();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : _cells.Count;
                    while (_cells.Count < column) _cells.Add(null);
                    if (_cells.Count == column) _cells.Add(CellText(cell));
                }
                return true;
            }
            return false;
        }
        catch (System.Xml.XmlException e)
        {
            throw new ImportFileException($"The sheet cannot be read after row {Line} ({e.Message}).");
        }
    }

    private string? CellText(Cell cell)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return NullIfEmpty(cell.InlineString?.InnerText);
        var value = cell.CellValue?.Text;
        if (string.IsNullOrEmpty(value)) return null;
        if (type == CellValues.SharedString)
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? NullIfEmpty(_sharedStrings.Get(index)) : null;
        if (type == CellValues.Boolean) return value == "1" ? "true" : "false";
        if (type == CellValues.Error || type == CellValues.String || type == CellValues.Date) return value;

        if (cell.StyleIndex?.Value is { } style && _dateStyles.Contains(style) &&
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2_958_466)
        {
            // Whole milliseconds: Excel's binary fractions would otherwise read 09:15 as 09:14:59.999.
            var local = ExcelEpoch.AddMilliseconds(Math.Round(serial * 86_400_000));
            return local.ToString(local.TimeOfDay.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        }
        return value;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>"C12" → 2 (zero-based).</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return Math.Max(index - 1, 0);
    }

    /// <summary>The cell styles whose number format shows a date or time.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var result = new HashSet<uint>();
        if (stylesheet?.CellFormats is null) return result;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint styleIndex = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (IsBuiltInDateFormat(id) || (custom.TryGetValue(id, out var code) && IsDateFormatCode(code))) result.Add(styleIndex);
            styleIndex++;
        }
        return result;
    }

    private static bool IsBuiltInDateFormat(uint id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    /// <summary>A custom format shows a date when it has y, d, h or s outside quotes and brackets (m alone is ambiguous but goes with them).</summary>
    private static bool IsDateFormatCode(string code)
    {
        var inQuotes = false;
        var inBrackets = false;
        foreach (var c in code)
        {
            if (c == '"') inQuotes = !inQuotes;
            else if (!inQuotes && c == '[') inBrackets = true;
            else if (!inQuotes && c == ']') inBrackets = false;
            else if (!inQuotes && !inBrackets && char.ToLowerInvariant(c) is 'y' or 'd' or 'h' or 's') return true;
        }
        return false;
    }

    public void Dispose()
    {
        _rows?.Dispose();
        _sharedStrings?.Dispose();
        _document?.Dispose();
    }

    /// <summary>The workbook's shared strings in a temp file (UTF-8), with the offset of each in memory.</summary>
    private sealed class SharedStrings : IDisposable
    {
        private readonly List<long> _offsets = [];
        private readonly FileStream? _file;

        public SharedStrings(SharedStringTablePart? part)
        {
            if (part is null) return;
            _file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                FileOptions.DeleteOnClose | FileOptions.RandomAccess);
            using var reader = OpenXmlReader.Create(part);
            var buffer = new byte[1024];
            while (reader.Read())
            {
                if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement) continue;
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                // Text runs only: phonetic hints (rPh) are not part of the cell's text.
                var text = item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));
                var length = Encoding.UTF8.GetByteCount(text);
                if (length > buffer.Length) buffer = new byte[length * 2];
                Encoding.UTF8.GetBytes(text, buffer);
                _offsets.Add(_file.Position);
                _file.Write(buffer, 0, length);
            }
            _offsets.Add(_file.Position);
            _file.Flush();
        }

        public string? Get(int index)
        {
            if (_file is null || index < 0 || index + 1 >= _offsets.Count) return null;
            var start = _offsets[index];
            var length = (int)(_offsets[index + 1] - start);
            if (length == 0) return "";
            var bytes = length <= 512 ? stackalloc byte[length] : new byte[length];
            RandomAccess.Read(_file.SafeFileHandle, bytes, start);
            return Encoding.UTF8.GetString(bytes);
        }

        public void Dispose() => _file?.Dispose();
    }
}
