namespace CxDashboard.Web.Features.Ingestion.Files;

/// <summary>An API batch as rows: each record's fields by column name; the "line" is the record's index in the array.</summary>
public sealed class RecordListReader(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyDictionary<string, string?>> records) : ITabularReader
{
    private int _index = -1;

    public IReadOnlyList<string> Header { get; } = header;
    public long Line => _index;
    public long Row => _index + 1;
    public long? BytesRead => null;
    public long? BytesTotal => null;

    public bool Read() => ++_index < records.Count;

    public string? Get(int column) =>
        records[_index].TryGetValue(Header[column], out var value) ? value : null;

    public void Dispose() { }
}
