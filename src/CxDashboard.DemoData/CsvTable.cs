using CsvHelper;

namespace CxDashboard.DemoData;

/// <summary>
/// One output file, written by CsvHelper: UTF-8 without BOM, comma-delimited, CRLF, header row, fields quoted
/// as RFC 4180 requires. Rows are written as they are produced, so memory does not grow with the file.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    /// <summary>ISO 8601 with the offset of the instant, e.g. 2026-03-04T09:15:00+01:00.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    // The defaults already are RFC 4180, comma, CRLF, no BOM, invariant culture and no formula escaping
    // (which would corrupt phone numbers such as "+46 70 …"); the importer expects lower-case booleans.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        TrueValue = "true",
        FalseValue = "false",
    };

    private readonly CsvWriter writer;

    public CsvTable(string path, IReadOnlyList<string> header)
    {
        writer = CsvWriter.ToFile(path, Options);
        writer.WriteHeader([.. header]);
    }

    public CsvTable Field(string value)
    {
        writer.WriteField(value);
        return this;
    }

    public CsvTable Field(int? value)
    {
        writer.WriteField(value);
        return this;
    }

    public CsvTable Field(bool value)
    {
        writer.WriteField(value);
        return this;
    }

    public CsvTable Field(DateTimeOffset value)
    {
        writer.WriteField(value, TimestampFormat);
        return this;
    }

    public void EndRow() => writer.EndRecord();

    public void Dispose() => writer.Dispose();
}
