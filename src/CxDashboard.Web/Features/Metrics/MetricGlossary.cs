using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Metrics;

public sealed record GlossaryEntry(string Term, string Definition);

/// <summary>
/// Every metric definition and attribution rule in words, exactly as computed: the help page (/help/metrics) and the
/// definitions sheet of every exported workbook read them from here, so they cannot drift apart. The words are in the
/// vocabulary (<c>Glossary.*</c>), in the current language.
/// </summary>
public static class MetricGlossary
{
    private static Vocabulary Words => Vocabulary.Current;

    /// <summary>The attribution rules in the current language.</summary>
    public static IReadOnlyList<string> PeriodRules =>
    [
        Words["Glossary.PeriodRule.Dates"],
        Words["Glossary.PeriodRule.Responses"],
        Words["Glossary.PeriodRule.Filters"],
        ComparisonPeriod.RuleDescription,
        PeriodRule.Description,
    ];

    /// <summary>Built on each read: the KPI names and definitions follow the current language.</summary>
    public static IReadOnlyList<GlossaryEntry> Definitions => Build();

    public static IReadOnlyList<string> HonestyRules =>
    [
        Words["Glossary.Honesty.SampleSize"],
        Words.Format("Glossary.Honesty.SmallSample", Proportion.SmallSampleThreshold),
        Words["Glossary.Honesty.Intervals"],
        Words["Glossary.Honesty.Targets"],
    ];

    public static string SameReasonOnlyTerm => Words["Glossary.Term.SameReasonOnly"];

    /// <summary>The "same reason only" option as the API's description gives it (English, like the rest of the API).</summary>
    public const string SameReasonOnly =
        "An option of every KPI query (API sameReason=true, CLI --same-reason): a contact is a repeat when an earlier contact of the same customer with the same reason lies within W, " +
        "and it is FCR-resolved when no later contact of the same customer with the same reason lies within W. Repeat rate and contact-based FCR stay two views of one rule; contacts of other reasons are ignored by both.";

    private static List<GlossaryEntry> Build()
    {
        var words = Words;
        var entries = new List<GlossaryEntry>
        {
            new(words["Glossary.Term.RepeatContact"], words["Glossary.RepeatContact"]),
            new(KpiDefinitions.Get(KpiKind.RepeatContactRate).Name, words["Glossary.RepeatContactRate"]),
            new(KpiDefinitions.Get(KpiKind.ContactFcrPercent).Name, words["Glossary.ContactFcr"]),
            new(words["Glossary.Term.SameReasonOnly"], words["Glossary.SameReasonOnly"]),
        };
        entries.AddRange(KpiDefinitions.All
            .Where(d => d.Kind is not (KpiKind.RepeatContactRate or KpiKind.ContactFcrPercent))
            .Select(d => new GlossaryEntry(d.Name, $"{d.Definition} {words[d.HigherIsBetter ? "Glossary.HigherIsBetter" : "Glossary.LowerIsBetter"]}")));
        entries.Add(new(words["Glossary.Term.EngagementResults"], words["Glossary.EngagementResults"]));
        entries.Add(new(words["Glossary.Term.AverageHandleTime"], words["Glossary.AverageHandleTime"]));
        return entries;
    }
}
