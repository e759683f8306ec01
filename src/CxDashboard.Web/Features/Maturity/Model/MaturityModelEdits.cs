namespace CxDashboard.Web.Features.Maturity.Model;

/// <summary>One statement row of the capability editor; a row with both texts empty, or marked for removal, is dropped.</summary>
public sealed class StatementInput
{
    public string? Key { get; set; }
    public string? Sv { get; set; }
    public string? En { get; set; }
    public bool Remove { get; set; }
}

/// <summary>What the capability editor posts.</summary>
public sealed class CapabilityEditInput
{
    public string? NameSv { get; set; }
    public string? NameEn { get; set; }
    public string? DefinitionSv { get; set; }
    public string? DefinitionEn { get; set; }
    public List<string?> LevelsSv { get; set; } = [];
    public List<string?> LevelsEn { get; set; } = [];
    public List<StatementInput> Statements { get; set; } = [];
    public List<string> Kpis { get; set; } = [];

    public static CapabilityEditInput From(MaturityCapability capability) => new()
    {
        NameSv = capability.Name.Sv,
        NameEn = capability.Name.En,
        DefinitionSv = capability.Definition.Sv,
        DefinitionEn = capability.Definition.En,
        LevelsSv = capability.Levels.Select(l => (string?)l.Sv).ToList(),
        LevelsEn = capability.Levels.Select(l => (string?)l.En).ToList(),
        Statements = capability.Statements.Select(s => new StatementInput { Key = s.Key, Sv = s.Text.Sv, En = s.Text.En }).ToList(),
        Kpis = capability.Kpis.ToList(),
    };
}

/// <summary>Turns editor input into model records; validation of the result is <see cref="MaturityModelJson.Validate"/>'s.</summary>
public static class MaturityModelEdits
{
    /// <summary>
    /// The edited capability. Existing statements keep their key (a changed wording is the same statement); new ones get
    /// the next free "capability-N" key, so a key is never reused for a different statement within the model.
    /// </summary>
    public static MaturityCapability Apply(MaturityModelDefinition model, string capabilityKey, CapabilityEditInput input)
    {
        var existingKeys = model.AllStatements.Select(s => s.Key).ToHashSet();
        var next = model.Capability(capabilityKey)!.Statements
            .Select(s => s.Key.StartsWith(capabilityKey + "-", StringComparison.Ordinal) && int.TryParse(s.Key[(capabilityKey.Length + 1)..], out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;
        var statements = new List<MaturityStatement>();
        foreach (var row in input.Statements.Where(r => !r.Remove && !(string.IsNullOrWhiteSpace(r.Sv) && string.IsNullOrWhiteSpace(r.En))))
        {
            var key = !string.IsNullOrEmpty(row.Key) && existingKeys.Contains(row.Key) ? row.Key : NextKey(capabilityKey, ref next, existingKeys);
            statements.Add(new MaturityStatement(key, Text(row.Sv, row.En)));
        }
        return new MaturityCapability(
            capabilityKey,
            Text(input.NameSv, input.NameEn),
            Text(input.DefinitionSv, input.DefinitionEn),
            Enumerable.Range(0, Math.Max(input.LevelsSv.Count, input.LevelsEn.Count))
                .Select(i => Text(input.LevelsSv.ElementAtOrDefault(i), input.LevelsEn.ElementAtOrDefault(i))).ToList(),
            statements,
            input.Kpis.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct().ToList());
    }

    /// <summary>The model with new level names and scale text.</summary>
    public static MaturityModelDefinition WithLevelNames(MaturityModelDefinition model, IReadOnlyList<string?> sv, IReadOnlyList<string?> en, string? scaleSv, string? scaleEn) =>
        model with
        {
            Levels = model.Levels.Select((l, i) => l with { Name = Text(sv.ElementAtOrDefault(i), en.ElementAtOrDefault(i)) }).ToList(),
            Scale = Text(scaleSv, scaleEn),
        };

    private static LocalizedText Text(string? sv, string? en) => new((sv ?? "").Trim(), (en ?? "").Trim());

    private static string NextKey(string capabilityKey, ref int next, HashSet<string> taken)
    {
        string key;
        do key = $"{capabilityKey}-{next++}"; while (!taken.Add(key));
        return key;
    }
}
