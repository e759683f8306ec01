using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CxDashboard.Web.Features.Maturity.Kpis;
using CxDashboard.Web.Features.Presentation;

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
            var words = Words();
            // The parser's own explanation is English only: the place is in the reader's language, the explanation as it is.
            throw new MaturityModelException([e.LineNumber is { } line
                ? words.Format("line {0}, {1}: {2}", line + 1, e.Path ?? "$", FirstSentence(e.Message))
                : $"{e.Path ?? "$"}: {FirstSentence(e.Message)}"]);
        }
        if (model is null) throw new MaturityModelException([Words()["$: the file holds no model"]]);
        Validate(model);
        return model;
    }

    public static string Serialize(MaturityModelDefinition model) => JsonSerializer.Serialize(model, WriteOptions);

    /// <summary>Checks what the type system cannot: five levels, unique keys, texts in both languages, known KPIs.</summary>
    public static void Validate(MaturityModelDefinition model)
    {
        var words = Words();
        var errors = new List<string>();
        void Error(string message, params object?[] arguments) => errors.Add(words.Format(message, arguments));
        void Text(LocalizedText? text, string path)
        {
            if (text is null) { Error("{0}: required", path); return; }
            if (string.IsNullOrWhiteSpace(text.Sv)) Error("{0}.sv: the Swedish text is empty", path);
            if (string.IsNullOrWhiteSpace(text.En)) Error("{0}.en: the English text is empty", path);
        }

        Text(model.Name, "$.name");
        Text(model.Scale, "$.scale");
        var levels = model.Levels.Select(l => l.Level).ToList();
        if (!levels.SequenceEqual(Enumerable.Range(1, MaturityModelDefinition.LevelCount)))
            Error("$.levels: levels 1 to {0} are needed, in order (found {1})", MaturityModelDefinition.LevelCount, string.Join(", ", levels));
        for (var i = 0; i < model.Levels.Count; i++) Text(model.Levels[i].Name, $"$.levels[{i}].name");

        if (model.Capabilities.Count < 3)
            Error("$.capabilities: at least three capabilities are needed (a radar needs three axes)");
        var statementKeys = new HashSet<string>();
        var capabilityKeys = new HashSet<string>();
        for (var c = 0; c < model.Capabilities.Count; c++)
        {
            var capability = model.Capabilities[c];
            var path = $"$.capabilities[{c}]";
            if (!IsValidKey(capability.Key)) Error("{0}.key: '{1}' is not a key (lower-case letters, digits and dashes)", path, capability.Key);
            else if (!capabilityKeys.Add(capability.Key)) Error("{0}.key: '{1}' is used by another capability", path, capability.Key);
            Text(capability.Name, $"{path}.name");
            Text(capability.Definition, $"{path}.definition");
            if (capability.Levels.Count != MaturityModelDefinition.LevelCount)
                Error("{0}.levels: {1} level descriptions are needed (found {2})", path, MaturityModelDefinition.LevelCount, capability.Levels.Count);
            for (var l = 0; l < capability.Levels.Count; l++) Text(capability.Levels[l], $"{path}.levels[{l}]");
            if (capability.Statements.Count is 0 or > MaxStatementsPerCapability)
                Error("{0}.statements: 1 to {1} statements are needed (found {2})", path, MaxStatementsPerCapability, capability.Statements.Count);
            for (var s = 0; s < capability.Statements.Count; s++)
            {
                var statement = capability.Statements[s];
                if (!IsValidKey(statement.Key)) Error("{0}.statements[{1}].key: '{2}' is not a key", path, s, statement.Key);
                else if (!statementKeys.Add(statement.Key)) Error("{0}.statements[{1}].key: '{2}' is used by another statement", path, s, statement.Key);
                Text(statement.Text, $"{path}.statements[{s}].text");
            }
            for (var k = 0; k < capability.Kpis.Count; k++)
            {
                if (CapabilityKpiCatalog.Find(capability.Kpis[k]) is null)
                    Error("{0}.kpis[{1}]: unknown KPI '{2}' (known: {3})", path, k, capability.Kpis[k], string.Join(", ", CapabilityKpiCatalog.All.Select(d => d.Key)));
            }
            if (capability.Kpis.Distinct().Count() != capability.Kpis.Count) Error("{0}.kpis: a KPI is listed twice", path);
        }
        if (errors.Count > 0) throw new MaturityModelException(errors);
    }

    /// <summary>
    /// The messages in the reader's language: the admin's on the model pages, the current culture's on the command line
    /// (English there). Swedish in <c>Resources/Features/Maturity/Model/MaturityModelJson.sv.resx</c>.
    /// </summary>
    public static DocumentText Words() => DocumentText.For(typeof(MaturityModelJson), DocumentLanguage.OfRequest());

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
