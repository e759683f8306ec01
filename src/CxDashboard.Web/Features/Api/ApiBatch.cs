using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Ingestion.Files;

namespace CxDashboard.Web.Features.Api;

/// <summary>One bad record of an API batch: its index in the array, the field (camelCase) and why.</summary>
public sealed record ApiRecordError(long Index, string? Field, string Message);

/// <summary>
/// An API batch (a JSON array of records with the import fields in camelCase) as rows for the importer: each field
/// is mapped to its file column (<c>contactId</c> → <c>contact_id</c>), numbers and booleans become their text, so
/// the batch is validated and written exactly as a file of the same kind would be.
/// </summary>
public sealed partial class ApiBatch
{
    private readonly IReadOnlyDictionary<string, string> _fieldByColumn;

    private ApiBatch(ImportKind kind, RecordListReader reader, int count, IReadOnlyList<ApiRecordError> shapeErrors,
        IReadOnlySet<long> malformedRecords, IReadOnlyList<string> unknownFields, IReadOnlyDictionary<string, string> fieldByColumn)
    {
        Kind = kind;
        Count = count;
        Reader = reader;
        ShapeErrors = shapeErrors;
        MalformedRecords = malformedRecords;
        UnknownFields = unknownFields;
        _fieldByColumn = fieldByColumn;
    }

    public ImportKind Kind { get; }
    public RecordListReader Reader { get; }
    public int Count { get; }

    /// <summary>Records that are not objects, and fields whose value is an object or array.</summary>
    public IReadOnlyList<ApiRecordError> ShapeErrors { get; }

    /// <summary>Indexes of elements that are not objects: the importer's errors for them would only repeat the point.</summary>
    public IReadOnlySet<long> MalformedRecords { get; }

    public IReadOnlyList<string> UnknownFields { get; }

    /// <summary>The JSON field name of a file column: snake_case to camelCase (q1 stays q1).</summary>
    public static string FieldName(string column)
    {
        var parts = column.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>Maps a JSON array of records. The caller has checked that <paramref name="array"/> is an array.</summary>
    public static ApiBatch From(ImportKind kind, JsonElement array)
    {
        var schema = ImportSchemas.For(kind);
        var columnByField = schema.ToDictionary(c => FieldName(c.Name), c => c.Name, StringComparer.OrdinalIgnoreCase);
        var fieldByColumn = schema.ToDictionary(c => c.Name, c => FieldName(c.Name), StringComparer.OrdinalIgnoreCase);
        var records = new List<IReadOnlyDictionary<string, string?>>(array.GetArrayLength());
        var shapeErrors = new List<ApiRecordError>();
        var malformed = new HashSet<long>();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var record = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (element.ValueKind != JsonValueKind.Object)
            {
                shapeErrors.Add(new ApiRecordError(index, null, $"is {Describe(element.ValueKind)}, not an object with the {kind.DisplayName()} fields"));
                malformed.Add(index);
            }
            else
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (!columnByField.TryGetValue(property.Name, out var column))
                    {
                        unknown.Add(property.Name);
                        continue;
                    }
                    switch (property.Value.ValueKind)
                    {
                        case JsonValueKind.String: record[column] = property.Value.GetString(); break;
                        // Numbers keep their written form, so 4.5 is reported as not a whole number rather than rounded.
                        case JsonValueKind.Number: record[column] = property.Value.GetRawText(); break;
                        case JsonValueKind.True: record[column] = "true"; break;
                        case JsonValueKind.False: record[column] = "false"; break;
                        case JsonValueKind.Null: record[column] = null; break;
                        default:
                            shapeErrors.Add(new ApiRecordError(index, FieldName(column), $"is {Describe(property.Value.ValueKind)}; use a string, number or boolean"));
                            break;
                    }
                }
            }
            records.Add(record);
            index++;
        }
        var reader = new RecordListReader(schema.Select(c => c.Name).ToList(), records);
        return new ApiBatch(kind, reader, records.Count, shapeErrors, malformed, unknown.ToList(), fieldByColumn);
    }

    /// <summary>The importer's row errors in the API's terms: record index and camelCase field.</summary>
    public ApiRecordError Translate(ImportError error) => new(
        error.Line,
        error.Column is null ? null : _fieldByColumn.GetValueOrDefault(error.Column, error.Column),
        FirstOnLine().Replace(error.Message, "(first at index $1)"));

    /// <summary>Every error of the batch, shape errors first, ordered by record index.</summary>
    public IReadOnlyList<ApiRecordError> AllErrors(ImportResult result) =>
        ShapeErrors
            .Concat(result.Errors.Where(e => !MalformedRecords.Contains(e.Line)).Select(Translate))
            .OrderBy(e => e.Index)
            .ToList();

    public IReadOnlyList<string> Warnings(ImportResult result) =>
        UnknownFields.Count == 0
            ? result.Warnings
            : [$"Unknown field(s) ignored: {string.Join(", ", UnknownFields)}.", .. result.Warnings];

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    // The importer names the first occurrence of a duplicate id by its line; in a batch that is the record index.
    [GeneratedRegex(@"\(first on line (\d+)\)")]
    private static partial Regex FirstOnLine();
}
