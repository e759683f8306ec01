using System.Globalization;
using System.Text;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CxDashboard.Web.Features.Ingestion.Files;

/// <summary>
/// The first sheet of an XLSX workbook, read cell by cell with an XML reader over the sheet's stream, so memory does not
/// grow with the sheet, a row or a cell. Before anything is read, the zip's directory is checked against
/// <see cref="XlsxLimits"/> (how far the workbook unpacks); rows, cells per row and characters per cell are held to
/// Excel's own limits. The first non-empty row is the header; the line of a row is its sheet row number, as Excel
/// shows it. Numbers in a date format (Excel stores dates as serial numbers) become local timestamps
/// "yyyy-MM-dd HH:mm:ss"; a formula cell gives the value Excel last calculated for it (formulas are never evaluated);
/// text that looks like a formula is text. Shared strings are spilled to a temp file, since a sheet of unique ids has
/// as many as rows.
/// </summary>
public sealed class XlsxTabularReader : ITabularReader
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly DateTime ExcelEpoch = new(1899, 12, 30);

    /// <summary>What the reader says when a workbook is over a limit; whole sentences, filled with numbers.</summary>
    private static class Words
    {
        public const string PartTooLarge =
            "The workbook is not imported: its part {0} unpacks to {1:N0} bytes, more than the {2:N0} allowed (Imports:Xlsx:{3}). Save the data as CSV UTF-8, or split it into smaller files.";
        public const string TotalTooLarge =
            "The workbook is not imported: it unpacks to more than {0:N0} bytes (Imports:Xlsx:MaxTotalBytes). Save the data as CSV UTF-8, or split it into smaller files.";
        public const string PackedTooTightly =
            "The workbook is not imported: its part {0} unpacks to {1:N0} bytes from {2:N0}, {3:N0} times its packed size (at most {4:N0}, Imports:Xlsx:MaxCompressionRatio). Files saved by Excel never pack this tightly; save the data again from Excel, or as CSV UTF-8.";
        public const string TooManyParts = "The workbook is not imported: it has {0:N0} parts, more than {1:N0}.";
        public const string TooManyRows = "The sheet has more than {0:N0} rows (Excel's limit). Split it into smaller files.";
        public const string TooManyCells = "Row {0}: more than {1:N0} cells (Excel's limit). The file is not a sheet Excel could have saved.";
        public const string CellTooLong = "Row {0}: a cell holds more than {1:N0} characters (Excel's limit). The file is not a sheet Excel could have saved.";
        public const string SharedTextTooLong = "The workbook's shared text {0} holds more than {1:N0} characters (Excel's limit).";
    }

    private const int MaxParts = 10_000;

    private readonly Stream _stream;
    private readonly XlsxLimits _limits;
    private readonly SpreadsheetDocument _document;
    private readonly XmlReader _sheet;
    private readonly SharedStrings _sharedStrings;
    private readonly HashSet<uint> _dateStyles;
    private readonly List<string?> _cells = [];
    private readonly StringBuilder _text = new();
    private readonly char[] _chunk = new char[4096];
    private long _rowsRead;

    public XlsxTabularReader(Stream stream, XlsxLimits? limits = null)
    {
        _stream = stream;
        _limits = limits ?? new XlsxLimits();
        try
        {
            CheckExpansion(stream, _limits);
            _document = SpreadsheetDocument.Open(stream, false);
            var workbook = _document.WorkbookPart ?? throw new ImportFileException(ImportText.NoWorkbook);
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                        ?? throw new ImportFileException(ImportText.NoSheet);
            SheetName = sheet.Name?.Value ?? "";
            var worksheet = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            _dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            _sharedStrings = new SharedStrings(workbook.SharedStringTablePart, _limits);
            _sheet = OpenXml(worksheet, _limits);
        }
        catch (Exception e) when (e is not ImportFileException and not OutOfMemoryException)
        {
            throw new ImportFileException(ImportText.Format(ImportText.UnreadableWorkbook, e.Message));
        }

        if (!ReadRow()) throw new ImportFileException(ImportText.EmptySheet);
        Header = [.. _cells.Select(c => c?.Trim() ?? "")];
        if (Header.All(string.IsNullOrWhiteSpace)) throw new ImportFileException(ImportText.NoHeaderRow);
    }

    /// <summary>
    /// Checks from the zip's directory how far each part unpacks, before any part is opened. The sizes there are the
    /// ones that count: .NET stops unpacking an entry at the size its directory entry gives.
    /// </summary>
    private static void CheckExpansion(Stream stream, XlsxLimits limits)
    {
        var start = stream.Position;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Count > MaxParts) throw Refused(Words.TooManyParts, zip.Entries.Count, MaxParts);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var streamed = entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                               || entry.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
                var readWhole = !streamed && (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase));
                var (max, setting) = readWhole ? (limits.MaxMetadataPartBytes, nameof(XlsxLimits.MaxMetadataPartBytes)) : (limits.MaxPartBytes, nameof(XlsxLimits.MaxPartBytes));
                if (entry.Length > max) throw Refused(Words.PartTooLarge, entry.FullName, entry.Length, max, setting);
                total += entry.Length;
                if (total > limits.MaxTotalBytes) throw Refused(Words.TotalTooLarge, limits.MaxTotalBytes);
                if (entry.Length >= XlsxLimits.RatioCheckedFromBytes && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    throw Refused(Words.PackedTooTightly, entry.FullName, entry.Length, entry.CompressedLength,
                        entry.Length / Math.Max(1, entry.CompressedLength), limits.MaxCompressionRatio);
            }
        }
        stream.Position = start;
    }

    private static ImportFileException Refused(string format, params object[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, format, args));

    private static XmlReader OpenXml(OpenXmlPart part, XlsxLimits limits) =>
        XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxPartBytes,
            CloseInput = true,
        });

    public string SheetName { get; }
    public IReadOnlyList<string> Header { get; }
    public long Line { get; private set; }
    public long Row { get; private set; }
    public long? BytesRead => _stream.CanSeek ? Math.Min(_stream.Position, _stream.Length) : null;
    public long? BytesTotal => _stream.CanSeek ? _stream.Length : null;
    public string Description => ImportText.Format(ImportText.XlsxSheet, SheetName);

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

    /// <summary>Moves to the next row of the sheet and reads its cells into place by their column letters.</summary>
    private bool ReadRow()
    {
        try
        {
            while (_sheet.Read())
            {
                if (_sheet.NodeType != XmlNodeType.Element || _sheet.LocalName != "row" || _sheet.NamespaceURI != Main) continue;
                if (++_rowsRead > _limits.MaxRows) throw Refused(Words.TooManyRows, _limits.MaxRows);
                Line = long.TryParse(_sheet.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : Line + 1;
                _cells.Clear();
                if (_sheet.IsEmptyElement) return true;
                var depth = _sheet.Depth;
                var cells = 0;
                while (_sheet.Read() && !(_sheet.NodeType == XmlNodeType.EndElement && _sheet.Depth == depth))
                {
                    if (_sheet.NodeType != XmlNodeType.Element || _sheet.LocalName != "c" || _sheet.NamespaceURI != Main) continue;
                    if (++cells > _limits.MaxCellsPerRow) throw Refused(Words.TooManyCells, Line, _limits.MaxCellsPerRow);
                    var reference = _sheet.GetAttribute("r");
                    var column = reference is not null ? ColumnIndex(reference) : _cells.Count;
                    var text = ReadCell();
                    while (_cells.Count < column) _cells.Add(null);
                    if (_cells.Count == column) _cells.Add(text);
                }
                return true;
            }
            return false;
        }
        catch (XmlException e)
        {
            throw new ImportFileException(ImportText.Format(ImportText.UnreadableSheet, Line, e.Message));
        }
    }

    /// <summary>The text of the cell the reader is on (its value, or its inline string without phonetic hints).</summary>
    private string? ReadCell()
    {
        var type = _sheet.GetAttribute("t");
        var style = uint.TryParse(_sheet.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : (uint?)null;
        if (_sheet.IsEmptyElement) return null;
        var depth = _sheet.Depth;
        string? value = null;
        string? inline = null;
        while (_sheet.Read() && !(_sheet.NodeType == XmlNodeType.EndElement && _sheet.Depth == depth))
        {
            if (_sheet.NodeType != XmlNodeType.Element || _sheet.NamespaceURI != Main) continue;
            if (_sheet.LocalName == "v") value = ReadText(_sheet, _text, _chunk, _limits.MaxCellCharacters, () => Refused(Words.CellTooLong, Line, _limits.MaxCellCharacters));
            else if (_sheet.LocalName == "is") inline = ReadStringItem(_sheet, _text, _chunk, _limits.MaxCellCharacters, () => Refused(Words.CellTooLong, Line, _limits.MaxCellCharacters));
        }
        return CellText(type, style, type == "inlineStr" ? inline : value);
    }

    /// <summary>
    /// The text of an element whose content is text (a cell value, a &lt;t&gt;), read in chunks so that no more than
    /// <paramref name="max"/> characters are ever held.
    /// </summary>
    private static string ReadText(XmlReader xml, StringBuilder text, char[] chunk, int max, Func<Exception> tooLong)
    {
        text.Clear();
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)) continue;
            int read;
            while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                if (text.Length + read > max) throw tooLong();
                text.Append(chunk, 0, read);
            }
        }
        return text.ToString();
    }

    /// <summary>A string item (&lt;si&gt; or &lt;is&gt;): its text runs, without phonetic hints (rPh).</summary>
    private static string ReadStringItem(XmlReader xml, StringBuilder text, char[] chunk, int max, Func<Exception> tooLong)
    {
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        var result = new StringBuilder();
        var phoneticDepth = -1;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (phoneticDepth >= 0)
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == phoneticDepth) phoneticDepth = -1;
                continue;
            }
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != Main) continue;
            if (xml.LocalName == "rPh" && !xml.IsEmptyElement) phoneticDepth = xml.Depth;
            else if (xml.LocalName == "t")
            {
                result.Append(ReadText(xml, text, chunk, max - result.Length, tooLong));
            }
        }
        return result.ToString();
    }

    private string? CellText(string? type, uint? style, string? value)
    {
        if (type == "inlineStr") return NullIfEmpty(value);
        if (string.IsNullOrEmpty(value)) return null;
        if (type == "s")
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? NullIfEmpty(_sharedStrings.Get(index)) : null;
        if (type == "b") return value == "1" ? "true" : "false";
        if (type is "e" or "str" or "d") return value;

        if (style is { } s && _dateStyles.Contains(s) &&
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
        _sheet?.Dispose();
        _sharedStrings?.Dispose();
        _document?.Dispose();
    }

    /// <summary>The workbook's shared strings in a temp file (UTF-8), with the offset of each in memory.</summary>
    private sealed class SharedStrings : IDisposable
    {
        private readonly List<long> _offsets = [];
        private readonly FileStream? _file;

        public SharedStrings(SharedStringTablePart? part, XlsxLimits limits)
        {
            if (part is null) return;
            _file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                FileOptions.DeleteOnClose | FileOptions.RandomAccess);
            using var reader = OpenXml(part, limits);
            var text = new StringBuilder();
            var chunk = new char[4096];
            var buffer = new byte[1024];
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si" || reader.NamespaceURI != Main) continue;
                var number = _offsets.Count;
                var item = ReadStringItem(reader, text, chunk, limits.MaxCellCharacters,
                    () => Refused(Words.SharedTextTooLong, number, limits.MaxCellCharacters));
                var length = Encoding.UTF8.GetByteCount(item);
                if (length > buffer.Length) buffer = new byte[length * 2];
                Encoding.UTF8.GetBytes(item, buffer);
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
