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
        Description = (separator == ';', hasBom) switch
        {
            (true, true) => ImportText.CsvSemicolonBom,
            (true, false) => ImportText.CsvSemicolon,
            (false, true) => ImportText.CsvCommaBom,
            (false, false) => ImportText.CsvComma,
        };
        _reader = CsvReader.Create(stream, CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            // Agents, teams, channels, reasons, names, yes/no repeat row after row: one string each, not one per row
            // (rows are read ahead of the writer, so their strings outlive the youngest GC generation).
            PoolStrings = true,
        }, leaveOpen: true);
        Header = _reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        if (Header.Count == 0 || Header.All(string.IsNullOrWhiteSpace))
            throw new ImportFileException(ImportText.NoHeaderRow);
    }

    public IReadOnlyList<string> Header { get; }
    public long Line { get; private set; }
    public long Row => _reader.RowNumber;
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

    /// <summary>
    /// Maps the rows on other cores (CsvHelper's parallel enumeration: one thread scans the input, workers map whole
    /// batches of records), so the caller's thread only consumes the results. With a single core, one row at a time.
    /// </summary>
    public IEnumerable<T> ReadAll<T>(Func<ITabularReader, T> map)
    {
        if (ReadAheadWorkers == 0) return ((ITabularReader)this).ReadAll(map);
        var views = new ThreadLocal<WorkerRow>(() => new WorkerRow(Header, _length));
        return Disposing(_reader.ParallelEnumerate(worker => map(views.Value!.On(worker)), ReadAheadWorkers), views);
    }

    /// <summary>
    /// Threads that map rows ahead of the caller: the importing thread keeps a core for its database writes, and two
    /// workers already map rows faster than one thread can write them.
    /// </summary>
    public static int ReadAheadWorkers { get; } = Math.Min(Environment.ProcessorCount - 1, 2);

    /// <summary>
    /// How far ahead of the row being written the file is read, at most: the read buffer (grown only for a longer
    /// record), and per worker the ring of batches CsvHelper's parallel enumeration keeps (6 batches of 256 KiB).
    /// Memory stays flat in the file's size.
    /// </summary>
    public static long MaxBytesReadAhead => 1024 * 1024 + ReadAheadWorkers * 6 * 256 * 1024;

    private static IEnumerable<T> Disposing<T>(IEnumerable<T> results, IDisposable disposable)
    {
        using (disposable)
        {
            foreach (var result in results) yield return result;
        }
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>A worker thread's view of the record it is mapping.</summary>
    private sealed class WorkerRow(IReadOnlyList<string> header, long? length) : ITabularReader
    {
        private CsvReader _record = null!;

        public WorkerRow On(CsvReader record)
        {
            _record = record;
            return this;
        }

        public IReadOnlyList<string> Header => header;
        public long Line => _record.LineNumber;
        public long Row => _record.RowNumber;
        public long? BytesRead => _record.ByteOffset;
        public long? BytesTotal => length;
        public string? Get(int column) => column < _record.FieldCount ? _record.GetString(column) : null;
        public bool Read() => throw new InvalidOperationException("A worker maps the record it is given; it does not move on.");
        public void Dispose() { }
    }

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
