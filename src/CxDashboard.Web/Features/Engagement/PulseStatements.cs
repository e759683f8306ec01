using System.Text.Json;
using System.Text.Json.Serialization;
using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Web.Features.Engagement;

/// <summary>One pulse statement: the item column (q1…q10) its answers are stored in, and its wording in both languages.</summary>
public sealed record PulseStatement(int Item, string Theme, string Sv, string En)
{
    public string Text(string language) => language == "en" ? En : Sv;
}

/// <summary>
/// The pulse's statements, read from <c>seed-data/pulse-statements.json</c> (or <c>Pulse:StatementsFile</c>) so an
/// organisation can word its own. Checked on load: 1 to 10 statements, item numbers 1–10 used once, both languages.
/// </summary>
public sealed class PulseStatements
{
    public const string FileName = "pulse-statements.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private PulseStatements(IReadOnlyList<PulseStatement> statements) => All = statements;

    /// <summary>In item order.</summary>
    public IReadOnlyList<PulseStatement> All { get; }

    public static PulseStatements Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The pulse statements file {path} does not exist.", path);
        PulseFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PulseFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        return Parse(file?.Statements ?? [], path);
    }

    public static PulseStatements Parse(IReadOnlyList<PulseStatement> statements, string source)
    {
        var problems = new List<string>();
        if (statements.Count is 0 or > EngagementAnswer.ItemCount)
            problems.Add($"has {statements.Count} statements; a pulse has 1 to {EngagementAnswer.ItemCount}");
        foreach (var statement in statements)
        {
            if (statement.Item is < 1 or > EngagementAnswer.ItemCount) problems.Add($"item {statement.Item} is not 1–{EngagementAnswer.ItemCount}");
            if (string.IsNullOrWhiteSpace(statement.Sv) || string.IsNullOrWhiteSpace(statement.En))
                problems.Add($"item {statement.Item} needs its wording in both sv and en");
        }
        foreach (var duplicate in statements.GroupBy(s => s.Item).Where(g => g.Count() > 1))
            problems.Add($"item {duplicate.Key} is used {duplicate.Count()} times");
        if (problems.Count > 0) throw new InvalidDataException($"{source}: {string.Join("; ", problems)}.");
        return new PulseStatements(statements.OrderBy(s => s.Item).ToList());
    }

    private sealed record PulseFile(
        [property: JsonPropertyName("_comment")] string? Comment,
        IReadOnlyList<PulseStatement>? Statements);
}
