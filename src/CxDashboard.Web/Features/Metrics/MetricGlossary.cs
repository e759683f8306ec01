namespace CxDashboard.Web.Features.Metrics;

public sealed record GlossaryEntry(string Term, string Definition);

/// <summary>
/// Every metric definition and attribution rule in words, exactly as computed: the help page (/help/metrics) and the
/// definitions sheet of every exported workbook read them from here, so they cannot drift apart.
/// </summary>
public static class MetricGlossary
{
    public static readonly IReadOnlyList<string> PeriodRules =
    [
        "A period from–to is a range of calendar dates, both included, in the organisation's time zone (default Europe/Stockholm). A contact belongs to the period of the day it started.",
        "A survey response belongs to the period, agent, team, channel and contact reason of the contact it rates, not to the day it was received. Every response counts on its own, also when one contact has several.",
        "Filters (team, agent, channel, reason) choose which contacts are measured. They never limit the earlier or later contacts that the repeat and FCR rules look at: a customer's earlier contact counts even if it was in another team, another channel or before the period.",
        ComparisonPeriod.RuleDescription,
        PeriodRule.Description,
    ];

    public static IReadOnlyList<GlossaryEntry> Definitions { get; } = Build();

    public static readonly IReadOnlyList<string> HonestyRules =
    [
        "Every KPI shows its sample size n: contacts for repeat rate, decidable contacts for contact-based FCR, responses for CSAT, answers to the question for survey FCR and NPS.",
        $"A proportion with n < {Proportion.SmallSampleThreshold} is marked as a small sample: read it with care.",
        "Proportions are shown in percent with one decimal, with a 95 % Wilson score interval. APIs and exports hold them unrounded.",
        "Targets are set per KPI for the organisation and can be overridden per team. A result is on target when it reaches the green threshold, near target when it reaches the amber one, and off target otherwise.",
    ];

    public const string SameReasonOnlyTerm = "Same reason only";

    /// <summary>The "same reason only" option as the help page, the API and the CLI describe it.</summary>
    public const string SameReasonOnly =
        "An option of every KPI query (API sameReason=true, CLI --same-reason): a contact is a repeat when an earlier contact of the same customer with the same reason lies within W, " +
        "and it is FCR-resolved when no later contact of the same customer with the same reason lies within W. Repeat rate and contact-based FCR stay two views of one rule; contacts of other reasons are ignored by both.";

    private static List<GlossaryEntry> Build()
    {
        var entries = new List<GlossaryEntry>
        {
            new("Repeat contact",
                "A contact c from a customer who had another contact p with p started before c and c − p ≤ W × 24 h (W = the repeat window, default 7 days). A gap of exactly W days counts. With \"same reason only\", only earlier contacts with the same contact reason count."),
            new(KpiDefinitions.Get(KpiKind.RepeatContactRate).Name, "Repeat contacts ÷ all contacts in the period. Lower is better."),
            new(KpiDefinitions.Get(KpiKind.ContactFcrPercent).Name,
                "Contacts not followed by another contact from the same customer within W days ÷ contacts whose W-day window has fully elapsed. A contact is decidable when its start + W × 24 h ≤ now (or the as-of time); contacts of the last W days are not yet decidable, are left out, and the count says how many. With \"same reason only\", only later contacts with the same reason count. Higher is better."),
            new(SameReasonOnlyTerm, SameReasonOnly),
        };
        entries.AddRange(KpiDefinitions.All
            .Where(d => d.Kind is not (KpiKind.RepeatContactRate or KpiKind.ContactFcrPercent))
            .Select(d => new GlossaryEntry(d.Name, $"{d.Definition} {(d.HigherIsBetter ? "Higher is better." : "Lower is better.")}")));
        entries.Add(new("Engagement results",
            "For each pulse answer, the mean of the items it answered; the index is (mean of those − 1) ÷ 4 × 100. A team-month with fewer than 5 answers shows no figures at all, to keep answers anonymous."));
        entries.Add(new("Average handle time",
            "Mean handling time of the contacts that report one. Shown for context, never coloured as a target: rewarding short calls makes customers call back, which costs far more."));
        return entries;
    }
}
