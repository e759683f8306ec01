using System.Globalization;
using CxDashboard.Web.Features.Ingestion.Files;
using CxDashboard.Web.Features.Organisation;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// Reads the named columns of a row with the import contract's parsing rules, collecting one error (line, column,
/// reason) per bad field instead of stopping at the first. One reader serves one thread: for a CSV file the rows are
/// read on other cores, each with its own reader (see <see cref="ITabularReader.ReadAll{T}"/>).
/// </summary>
public sealed class RowReader
{
    private readonly Dictionary<string, int> _columns;
    private readonly OrganisationTime _time;
    private ITabularReader? _row;
    private DateOnly _lastDate;
    private string? _lastDateText;

    public RowReader(IReadOnlyList<string> header, IReadOnlyList<ImportColumn> schema, OrganisationTime time)
    {
        _time = time;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (schema.Any(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))) _columns.TryAdd(name, i);
        }
    }

    /// <summary>The errors of the current row so far.</summary>
    public RowErrors Errors { get; } = new();

    public long Line => Errors.Line;

    /// <summary>Starts on the row the reader is positioned on.</summary>
    public void StartRow(ITabularReader row)
    {
        _row = row;
        Errors.Start(row.Line, null);
    }

    public void AddError(string? column, string message) => Errors.Add(column, message);

    /// <summary>The trimmed value, or null when the column is absent or the cell empty.</summary>
    public string? Text(string column, int maxLength = 4000)
    {
        if (!_columns.TryGetValue(column, out var index)) return null;
        var value = _row!.Get(index)?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (FileSniffer.HasReplacementCharacter(value))
        {
            AddError(column, ImportText.NotUtf8Cell);
            return null;
        }
        if (value.Length > maxLength)
        {
            AddError(column, ImportText.Format(ImportText.TooLong, maxLength));
            return null;
        }
        return value;
    }

    public string? RequiredText(string column, int maxLength = 200)
    {
        var value = Text(column, maxLength);
        if (value is null && !Errors.HasFor(column)) AddError(column, ImportText.RequiredButEmpty);
        return value;
    }

    public int? Integer(string column, int min, int max, string what)
    {
        var text = Text(column, 50);
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            AddError(column, ImportText.Format(ImportText.NotAWholeNumber, Shorten(text), what));
            return null;
        }
        if (value < min || value > max)
        {
            AddError(column, ImportText.Format(ImportText.OutsideRange, value, min, max, what));
            return null;
        }
        return value;
    }

    public int? RequiredInteger(string column, int min, int max, string what)
    {
        var value = Integer(column, min, max, what);
        if (value is null && !Errors.HasFor(column)) AddError(column, ImportText.RequiredButEmpty);
        return value;
    }

    /// <summary>yes/no, ja/nej, true/false, 1/0 (any case).</summary>
    public bool? Boolean(string column)
    {
        var text = Text(column, 20);
        if (text is null) return null;
        switch (text.ToLowerInvariant())
        {
            case "yes" or "ja" or "true" or "1" or "y" or "j": return true;
            case "no" or "nej" or "false" or "0" or "n": return false;
            default:
                AddError(column, ImportText.Format(ImportText.NotYesNo, Shorten(text)));
                return null;
        }
    }

    /// <summary>ISO 8601 with an offset, or without one in the organisation's time zone.</summary>
    public DateTime? RequiredTimestamp(string column)
    {
        var text = Text(column, 60);
        if (text is null)
        {
            if (!Errors.HasFor(column)) AddError(column, ImportText.RequiredButEmpty);
            return null;
        }
        if (TryParseTimestamp(text, _time, out var utc)) return utc;
        AddError(column, ImportText.Format(ImportText.NotATimestamp, Shorten(text)));
        return null;
    }

    public static bool TryParseTimestamp(string text, OrganisationTime time, out DateTime utc)
    {
        if (IsoTimestamp.TryParse(text, out var written, out var offset))
        {
            utc = offset is { } o ? DateTime.SpecifyKind(written - o, DateTimeKind.Utc) : time.ToUtc(written);
            return true;
        }
        utc = default;
        return false;
    }

    /// <summary>The organisation-local date of an instant, also as yyyy-MM-dd (rows in time order share a date: one string per date).</summary>
    public LocalDay LocalDayOf(DateTime utc)
    {
        var date = _time.LocalDateOf(utc);
        if (date != _lastDate || _lastDateText is null)
        {
            _lastDate = date;
            _lastDateText = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return new LocalDay(date, _lastDateText);
    }

    /// <summary>A month written YYYY-MM, as its first day.</summary>
    public DateOnly? RequiredMonth(string column)
    {
        var text = Text(column, 20);
        if (text is null)
        {
            if (!Errors.HasFor(column)) AddError(column, ImportText.RequiredButEmpty);
            return null;
        }
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return month;
        AddError(column, ImportText.Format(ImportText.NotAMonth, Shorten(text)));
        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>The errors found in one row, by line and column: while its fields are read, then while it is written.</summary>
public sealed class RowErrors
{
    private readonly List<ImportError> _errors = [];

    public long Line { get; private set; }
    public IReadOnlyList<ImportError> All => _errors;
    public int Count => _errors.Count;
    public bool Any => _errors.Count > 0;

    /// <summary>Starts a row, with the errors already found in its fields (when it was read on another thread).</summary>
    public void Start(long line, ImportError[]? found)
    {
        Line = line;
        _errors.Clear();
        if (found is not null) _errors.AddRange(found);
    }

    public void Add(string? column, string message) => _errors.Add(new ImportError(Line, column, message));

    public bool HasFor(string column) => _errors.Any(e => e.Column == column);

    /// <summary>A copy for handing the row to another thread; null when there are none (most rows).</summary>
    public ImportError[]? ToArrayOrNull() => _errors.Count == 0 ? null : [.. _errors];
}

/// <summary>An organisation-local date, with its yyyy-MM-dd text (what SQLite stores).</summary>
public readonly record struct LocalDay(DateOnly Date, string Text);
