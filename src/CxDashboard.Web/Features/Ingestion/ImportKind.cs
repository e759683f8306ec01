namespace CxDashboard.Web.Features.Ingestion;

public enum ImportKind
{
    Contacts,
    SurveyResponses,
    Agents,
    Engagement,
}

public sealed record ImportColumn(string Name, bool Required);

/// <summary>The columns of each file kind, as in import-formats.md (names case-insensitive, order free).</summary>
public static class ImportSchemas
{
    public static readonly IReadOnlyList<ImportColumn> Contacts =
    [
        new("contact_id", true), new("customer_id", true), new("agent_id", false), new("team", false),
        new("channel", true), new("reason", true), new("started_at", true), new("handle_seconds", false),
        new("escalated_from_bot", false), new("customer_name", false), new("customer_phone", false),
        new("customer_email", false), new("do_not_contact", false),
    ];

    public static readonly IReadOnlyList<ImportColumn> SurveyResponses =
    [
        new("response_id", true), new("contact_id", true), new("received_at", true), new("csat", true),
        new("resolved", false), new("nps", false), new("comment", false),
    ];

    public static readonly IReadOnlyList<ImportColumn> Agents =
    [
        new("agent_id", true), new("name", true), new("team", true), new("email", false),
    ];

    public static readonly IReadOnlyList<ImportColumn> Engagement =
    [
        new("team", true), new("period", true), new("enps", false),
        .. Enumerable.Range(1, 10).Select(i => new ImportColumn($"q{i}", false)),
    ];

    public static IReadOnlyList<ImportColumn> For(ImportKind kind) => kind switch
    {
        ImportKind.Contacts => Contacts,
        ImportKind.SurveyResponses => SurveyResponses,
        ImportKind.Agents => Agents,
        ImportKind.Engagement => Engagement,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The name used on the command line, in URLs and in messages.</summary>
    public static string Code(this ImportKind kind) => kind switch
    {
        ImportKind.Contacts => "contacts",
        ImportKind.SurveyResponses => "survey-responses",
        ImportKind.Agents => "agents",
        ImportKind.Engagement => "engagement",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string DisplayName(this ImportKind kind) => kind switch
    {
        ImportKind.Contacts => ImportText.KindContacts,
        ImportKind.SurveyResponses => ImportText.KindSurveyResponses,
        ImportKind.Agents => ImportText.KindAgents,
        ImportKind.Engagement => ImportText.KindEngagement,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParseKind(string? text, out ImportKind kind)
    {
        var normalised = text?.Trim().ToLowerInvariant().Replace('_', '-');
        foreach (var candidate in Enum.GetValues<ImportKind>())
        {
            if (candidate.Code() == normalised)
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>The kind whose required columns a header holds, to tell a user they chose the wrong kind.</summary>
    public static ImportKind? Recognise(IEnumerable<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        // Most specific first: a responses file also has contact_id, an engagement file also has team.
        ImportKind[] order = [ImportKind.SurveyResponses, ImportKind.Contacts, ImportKind.Agents, ImportKind.Engagement];
        foreach (var kind in order)
        {
            if (For(kind).Where(c => c.Required).All(c => names.Contains(c.Name))) return kind;
        }
        return null;
    }
}
