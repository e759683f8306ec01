using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CxDashboard.Web.Features.Maturity.Kpis;

namespace CxDashboard.Web.Features.Maturity.Model;

/// <summary>A model file or edit that cannot be used; each error names where (a JSON path) and why.</summary>
public sealed class MaturityModelException(IReadOnlyList<string> errors)
    : Exception("The maturity model is not valid: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>Reads, checks and writes the maturity model as JSON (the shipped file, stored versions, the CLI's import).</summary>
public static partial class MaturityModelJson
{
    public const string ShippedResourceName = "CxDashboard.Web.seed-data.maturity-model.json";
    public const int MaxStatementsPerCapability = 8;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonSerializerOptions WriteOptions = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex KeyPattern();

    public static bool IsValidKey(string key) => KeyPattern().IsMatch(key);

    /// <summary>The model shipped with the product (seed-data/maturity-model.json, built into the assembly).</summary>
    public static MaturityModelDefinition LoadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ShippedResourceName)
                           ?? throw new InvalidOperationException($"The resource {ShippedResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static MaturityModelDefinition Parse(string json)
    {
        MaturityModelDefinition? model;
        try
        {
            model = JsonSerializer.Deserialize<MaturityModelDefinition>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, {e.Path ?? "$"}" : e.Path ?? "$";
            throw new MaturityModelException([$"{where}: {FirstSentence(e.Message)}"]);
        }
        if (model is null) throw new MaturityModelException(["$: the file holds no model"]);
        Validate(model);
        return model;
    }

    public static string Serialize(MaturityModelDefinition model) => JsonSerializer.Serialize(model, WriteOptions);

    /// <summary>Checks what the type system cannot: five levels, unique keys, texts in both languages, known KPIs.</summary>
    public static void Validate(MaturityModelDefinition model)
    {
        var errors = new List<string>();
        void Text(LocalizedText? text, string path)
        {
            if (text is null) { errors.Add($"{path}: required"); return; }
            if (string.IsNullOrWhiteSpace(text.Sv)) errors.Add($"{path}.sv: the Swedish text is empty");
            if (string.IsNullOrWhiteSpace(text.En)) errors.Add($"{path}.en: the English text is empty");
        }

        Text(model.Name, "$.name");
        Text(model.Scale, "$.scale");
        var levels = model.Levels.Select(l => l.Level).ToList();
        if (!levels.SequenceEqual(Enumerable.Range(1, MaturityModelDefinition.LevelCount)))
            errors.Add($"$.levels: levels 1 to {MaturityModelDefinition.LevelCount} are needed, in order (found {string.Join(", ", levels)})");
        for (var i = 0; i < model.Levels.Count; i++) Text(model.Levels[i].Name, $"$.levels[{i}].name");

        if (model.Capabilities.Count < 3)
            errors.Add("$.capabilities: at least three capabilities are needed (a radar needs three axes)");
        var statementKeys = new HashSet<string>();
        var capabilityKeys = new HashSet<string>();
        for (var c = 0; c < model.Capabilities.Count; c++)
        {
            var capability = model.Capabilities[c];
            var path = $"$.capabilities[{c}]";
            if (!IsValidKey(capability.Key)) errors.Add($"{path}.key: '{capability.Key}' is not a key (lower-case letters, digits and dashes)");
            else if (!capabilityKeys.Add(capability.Key)) errors.Add($"{path}.key: '{capability.Key}' is used by another capability");
            Text(capability.Name, $"{path}.name");
            Text(capability.Definition, $"{path}.definition");
            if (capability.Levels.Count != MaturityModelDefinition.LevelCount)
                errors.Add($"{path}.levels: {MaturityModelDefinition.LevelCount} level descriptions are needed (found {capability.Levels.Count})");
            for (var l = 0; l < capability.Levels.Count; l++) Text(capability.Levels[l], $"{path}.levels[{l}]");
            if (capability.Statements.Count is 0 or > MaxStatementsPerCapability)
                errors.Add($"{path}.statements: 1 to {MaxStatementsPerCapability} statements are needed (found {capability.Statements.Count})");
            for (var s = 0; s < capability.Statements.Count; s++)
            {
                var statement = capability.Statements[s];
                if (!IsValidKey(statement.Key)) errors.Add($"{path}.statements[{s}].key: '{statement.Key}' is not a key");
                else if (!statementKeys.Add(statement.Key)) errors.Add($"{path}.statements[{s}].key: '{statement.Key}' is used by another statement");
                Text(statement.Text, $"{path}.statements[{s}].text");
            }
            for (var k = 0; k < capability.Kpis.Count; k++)
            {
                if (CapabilityKpiCatalog.Find(capability.Kpis[k]) is null)
                    errors.Add($"{path}.kpis[{k}]: unknown KPI '{capability.Kpis[k]}' (known: {string.Join(", ", CapabilityKpiCatalog.All.Select(d => d.Key))})");
            }
            if (capability.Kpis.Distinct().Count() != capability.Kpis.Count) errors.Add($"{path}.kpis: a KPI is listed twice");
        }
        if (errors.Count > 0) throw new MaturityModelException(errors);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
