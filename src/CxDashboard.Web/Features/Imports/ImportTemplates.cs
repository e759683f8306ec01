using System.Globalization;
using CsvHelper;
using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Ingestion;

namespace CxDashboard.Web.Features.Imports;

/// <summary>
/// A template file for each import kind, in CSV and XLSX: the header row with every column the importer reads and one
/// example row (the example response rates the example contact, so the two templates import together). The example's
/// team is one of the user's teams, so the example passes the check as it is.
/// </summary>
public static class ImportTemplates
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public static readonly IReadOnlyList<string> Formats = [Csv, Xlsx];

    private static readonly IReadOnlyDictionary<ImportKind, IReadOnlyDictionary<string, string>> Examples = new Dictionary<ImportKind, IReadOnlyDictionary<string, string>>
    {
        [ImportKind.Contacts] = new Dictionary<string, string>
        {
            ["contact_id"] = "EX-1001", ["customer_id"] = "CU-2001", ["agent_id"] = "", ["team"] = TeamPlaceholder, ["channel"] = "phone",
            ["reason"] = "FAKTURA", ["started_at"] = "2026-03-04T09:15:00+01:00", ["handle_seconds"] = "240", ["escalated_from_bot"] = "false",
            ["customer_name"] = "Anna Exempel", ["customer_phone"] = "070-123 45 67", ["customer_email"] = "anna@example.com", ["do_not_contact"] = "false",
        },
        [ImportKind.SurveyResponses] = new Dictionary<string, string>
        {
            ["response_id"] = "EX-R1001", ["contact_id"] = "EX-1001", ["received_at"] = "2026-03-04T12:30:00+01:00", ["csat"] = "4",
            ["resolved"] = "yes", ["nps"] = "8", ["comment"] = "Quick and friendly help.",
        },
        [ImportKind.Agents] = new Dictionary<string, string>
        {
            ["agent_id"] = "EX-A101", ["name"] = "Erik Exempel", ["team"] = TeamPlaceholder, ["email"] = "erik@example.com",
        },
        [ImportKind.Engagement] = new Dictionary<string, string>
        {
            ["team"] = TeamPlaceholder, ["period"] = "2026-03", ["enps"] = "8",
            ["q1"] = "4", ["q2"] = "5", ["q3"] = "4", ["q4"] = "3", ["q5"] = "4", ["q6"] = "4", ["q7"] = "5", ["q8"] = "3", ["q9"] = "4", ["q10"] = "4",
        },
    };

    private const string TeamPlaceholder = "{team}";

    /// <summary>The example's team when the organisation has none yet (an agents file creates it).</summary>
    public const string DefaultTeam = "Team Exempel";

    public static IReadOnlyList<string> Header(ImportKind kind) => [.. ImportSchemas.For(kind).Select(c => c.Name)];

    public static IReadOnlyList<string> ExampleRow(ImportKind kind, string team) =>
        [.. Header(kind).Select(name => Examples[kind][name] == TeamPlaceholder ? team : Examples[kind][name])];

    public static string FileName(ImportKind kind, string format) => $"{kind.Code()}-template.{format}";

    public static string ContentType(string format) =>
        format == Xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";

    /// <summary>The template file's bytes: CSV in UTF-8 with a byte-order mark (Excel then reads å, ä, ö), or XLSX with every cell as text.</summary>
    public static async Task<byte[]> BuildAsync(ImportKind kind, string format, string team, CancellationToken ct = default)
    {
        using var output = new MemoryStream();
        if (format == Xlsx)
        {
            using var writer = new StreamingXlsxWriter(output);
            var header = Header(kind);
            var columns = header.Select((name, i) => new XlColumn<IReadOnlyList<string>>(name, Math.Max(12, name.Length + 2), XlFormat.Text,
                row => XlValue.FromText(row[i]))).ToList();
            await writer.AddSheetAsync(kind.Code(), columns, One(ExampleRow(kind, team)), ct: ct);
            writer.Complete();
        }
        else
        {
            using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { WriteByteOrderMark = true }, true);
            csv.WriteHeader([.. Header(kind)]);
            foreach (var field in ExampleRow(kind, team)) csv.WriteField(field);
            csv.EndRecord();
        }
        return output.ToArray();
    }

    private static async IAsyncEnumerable<IReadOnlyList<string>> One(IReadOnlyList<string> row)
    {
        await Task.CompletedTask;
        yield return row;
    }
}
