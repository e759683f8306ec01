using CsvHelper;

namespace CxDashboard.Web.Features.Ingestion.Files;

/// <summary>
/// A CSV file read through CsvHelper: UTF-8 with or without a byte-order mark, comma or semicolon detected from
/// the header row, RFC 4180 quoting (delimiters, quotes and line breaks inside quoted fields).
/// </summary>
public sealed class CsvTabularReader : ITabularReader
{
    private readonly CsvReader _reader;
    private readonly Stream _stream;
    private readonly long? _length;

    public CsvTabularReader(Stream stream)
    {
        _stream = stream;
        _length = stream.CanSeek ? stream.Length : null;
        var separator = DetectSeparator(stream);
        var hasBom = HasUtf8Bom(stream);
        Description = $"CSV, {(separator == ';' ? "semicolon" : "comma")}-separated, UTF-8{(hasBom ? " with byte-order mark" : "")}";
        _reader = CsvReader.Create(stream, CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            SkipEmptyLines = true,
            TrimWhitespace = true,
        }, leaveOpen: true);
        Header = _reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        if (Header.Count == 0 || Header.All(string.IsNullOrWhiteSpace))
            throw new ImportFileException("The file has no header row.");
    }

    public IReadOnlyList<string> Header { get; }
    public long Line { get; private set; }
    public long? BytesRead => _reader.ByteOffset;
    public long? BytesTotal => _length;
    public string Description { get; }

    public bool Read()
    {
        if (!_reader.Read()) return false;
        Line = _reader.LineNumber;
        return true;
    }

    public string? Get(int column) => column < _reader.FieldCount ? _reader.GetString(column) : null;

    public void Dispose() => _reader.Dispose();

    private static bool HasUtf8Bom(Stream stream)
    {
        if (!stream.CanSeek) return false;
        var start = stream.Position;
        Span<byte> head = stackalloc byte[3];
        var read = stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        stream.Position = start;
        return read == 3 && head.SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
    }

    /// <summary>Comma or semicolon, whichever occurs more often outside quotes in the header line (Swedish Excel writes semicolons).</summary>
    private static char DetectSeparator(Stream stream)
    {
        if (!stream.CanSeek) return ',';
        var start = stream.Position;
        var buffer = new byte[16 * 1024];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = start;

        int commas = 0, semicolons = 0;
        var inQuotes = false;
        foreach (var b in buffer.AsSpan(0, length))
        {
            if (b == '"') inQuotes = !inQuotes;
            else if (!inQuotes && (b == '\n' || b == '\r')) break;
            else if (!inQuotes && b == ',') commas++;
            else if (!inQuotes && b == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }
}
