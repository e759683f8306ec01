namespace CxDashboard.Web.Features.Ingestion.Files;

/// <summary>Rows of a file (CSV or XLSX) or an API batch, read one at a time so memory stays flat in the file's size.</summary>
public interface ITabularReader : IDisposable
{
    IReadOnlyList<string> Header { get; }

    /// <summary>Advances to the next row; false at the end.</summary>
    bool Read();

    /// <summary>The line (CSV), sheet row (XLSX) or record index (API) of the current row, as users see it.</summary>
    long Line { get; }

    /// <summary>The 1-based number of the current data row (the header not counted).</summary>
    long Row { get; }

    /// <summary>The current row's value in a column, or null when the row is shorter than the header.</summary>
    string? Get(int column);

    /// <summary>Progress through the input, when known.</summary>
    long? BytesRead { get; }
    long? BytesTotal { get; }

    /// <summary>
    /// Maps every remaining row, returning the results in input order. A reader may map rows ahead of the caller on
    /// other cores (the CSV reader does), so <paramref name="map"/> may only use the reader it is given, positioned on
    /// one row, and must be safe to call from several threads at once.
    /// </summary>
    IEnumerable<T> ReadAll<T>(Func<ITabularReader, T> map)
    {
        while (Read()) yield return map(this);
    }

    /// <summary>How the input was read, for a preview (e.g. "CSV, semicolon-separated, UTF-8 with BOM").</summary>
    string Description => "";
}
