namespace CxDashboard.Web.Features.Metrics;

/// <summary>The KPIs that can carry a target. Stored by name, so the order here may change.</summary>
public enum KpiKind
{
    CsatPercent,
    CsatMean,
    SurveyFcrPercent,
    ContactFcrPercent,
    RepeatContactRate,
    Nps,
    CallbackSlaMetPercent,
    RecoveryRate,
    EngagementIndex,
    Enps,
}

public enum KpiUnit
{
    Percent,
    Score,
    Points,
    Index,
}

public sealed record KpiDefinition(
    KpiKind Kind,
    string Name,
    string Definition,
    KpiUnit Unit,
    bool HigherIsBetter,
    double DefaultGreen,
    double DefaultAmber);

/// <summary>Names, definitions (as in the product's help page) and default targets of every targetable KPI.</summary>
public static class KpiDefinitions
{
    public static readonly IReadOnlyList<KpiDefinition> All =
    [
        new(KpiKind.CsatPercent, "CSAT",
            "Responses scoring 4 or 5 on the 1–5 scale ÷ all responses with a score (top-2-box).",
            KpiUnit.Percent, true, 80, 70),
        new(KpiKind.CsatMean, "CSAT mean",
            "The mean of all CSAT scores (1–5).",
            KpiUnit.Score, true, 4.2, 3.8),
        new(KpiKind.SurveyFcrPercent, "Survey FCR",
            "Responses answering \"yes, resolved in my first contact\" ÷ responses that answered that question.",
            KpiUnit.Percent, true, 75, 65),
        new(KpiKind.ContactFcrPercent, "Contact-based FCR",
            "Contacts not followed by another contact from the same customer within W days ÷ contacts whose W-day window has fully elapsed.",
            KpiUnit.Percent, true, 80, 70),
        new(KpiKind.RepeatContactRate, "Repeat-contact rate",
            "Contacts from a customer who had another contact within the previous W days ÷ all contacts in the period.",
            KpiUnit.Percent, false, 15, 20),
        new(KpiKind.Nps, "NPS",
            "% of answers scoring 9–10 minus % scoring 0–6 on the 0–10 \"would you recommend\" question.",
            KpiUnit.Points, true, 30, 10),
        new(KpiKind.CallbackSlaMetPercent, "Callback SLA met",
            "Callback cases with a first contact attempt before their due time ÷ cases due in the period.",
            KpiUnit.Percent, true, 90, 80),
        new(KpiKind.RecoveryRate, "Recovery rate",
            "Called-back customers whose follow-up survey scores CSAT 4–5 ÷ those who answered it.",
            KpiUnit.Percent, true, 60, 40),
        new(KpiKind.EngagementIndex, "Engagement index",
            "The mean of the engagement items (1–5) rescaled to 0–100.",
            KpiUnit.Index, true, 70, 60),
        new(KpiKind.Enps, "eNPS",
            "% of employees scoring 9–10 minus % scoring 0–6.",
            KpiUnit.Points, true, 20, 0),
    ];

    public static KpiDefinition Get(KpiKind kind) => All.First(d => d.Kind == kind);
}
