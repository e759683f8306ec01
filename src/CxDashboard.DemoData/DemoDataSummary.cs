namespace CxDashboard.DemoData;

/// <summary>What one generation wrote.</summary>
public sealed record DemoDataSummary
{
    public required string OutputDirectory { get; init; }
    public required DateOnly FirstDay { get; init; }
    public required DateOnly LastDay { get; init; }
    public required int Teams { get; init; }
    public required int Agents { get; init; }

    /// <summary>Distinct customers that made at least one contact.</summary>
    public required int Customers { get; init; }

    public required long Contacts { get; init; }

    /// <summary>Contacts the model generated as a customer coming back about an earlier contact.</summary>
    public required long SimulatedRepeatContacts { get; init; }

    public required long SelfServiceContacts { get; init; }
    public required long EscalatedFromBotContacts { get; init; }
    public required long SurveyResponses { get; init; }
    public required int EngagementAnswers { get; init; }

    public string AgentsFile => Path.Combine(OutputDirectory, DemoDataFiles.Agents);
    public string ContactsFile => Path.Combine(OutputDirectory, DemoDataFiles.Contacts);
    public string SurveyResponsesFile => Path.Combine(OutputDirectory, DemoDataFiles.SurveyResponses);
    public string EngagementFile => Path.Combine(OutputDirectory, DemoDataFiles.Engagement);
}

/// <summary>The file names written into the output directory.</summary>
public static class DemoDataFiles
{
    public const string Agents = "agents.csv";
    public const string Contacts = "contacts.csv";
    public const string SurveyResponses = "survey_responses.csv";
    public const string Engagement = "engagement.csv";
}

/// <summary>The columns written, as import-formats.md names them.</summary>
public static class DemoDataColumns
{
    public static IReadOnlyList<string> Agents { get; } = ["agent_id", "name", "team", "email"];

    public static IReadOnlyList<string> Contacts { get; } =
    [
        "contact_id", "customer_id", "agent_id", "team", "channel", "reason", "started_at", "handle_seconds",
        "escalated_from_bot", "customer_name", "customer_phone", "customer_email", "do_not_contact",
    ];

    public static IReadOnlyList<string> SurveyResponses { get; } =
        ["response_id", "contact_id", "received_at", "csat", "resolved", "nps", "comment"];

    /// <summary>team, period, enps, then q1 … qN for the configured number of questions.</summary>
    public static IReadOnlyList<string> Engagement(int questions) =>
        ["team", "period", "enps", .. Enumerable.Range(1, questions).Select(i => $"q{i}")];

    /// <summary>The channel codes the importer accepts.</summary>
    public static IReadOnlyList<string> ChannelCodes { get; } = ["phone", "chat", "email", "messaging", "social", "selfservice"];
}
