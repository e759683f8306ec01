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
    KpiUnit Unit,
    bool HigherIsBetter,
    double DefaultGreen,
    double DefaultAmber)
{
    /// <summary>The KPI's name in the current language (<see cref="Presentation.Vocabulary"/>).</summary>
    public string Name => Presentation.Vocabulary.Current.Kpi(Kind);

    /// <summary>How it is computed, in the current language (as on the definitions page).</summary>
    public string Definition => Presentation.Vocabulary.Current.KpiDefinition(Kind);
}

/// <summary>Units, directions and default targets of every targetable KPI (names and definitions: the vocabulary).</summary>
public static class KpiDefinitions
{
    public static readonly IReadOnlyList<KpiDefinition> All =
    [
        new(KpiKind.CsatPercent, KpiUnit.Percent, true, 80, 70),
        new(KpiKind.CsatMean, KpiUnit.Score, true, 4.2, 3.8),
        new(KpiKind.SurveyFcrPercent, KpiUnit.Percent, true, 75, 65),
        new(KpiKind.ContactFcrPercent, KpiUnit.Percent, true, 80, 70),
        new(KpiKind.RepeatContactRate, KpiUnit.Percent, false, 15, 20),
        new(KpiKind.Nps, KpiUnit.Points, true, 30, 10),
        new(KpiKind.CallbackSlaMetPercent, KpiUnit.Percent, true, 90, 80),
        new(KpiKind.RecoveryRate, KpiUnit.Percent, true, 60, 40),
        new(KpiKind.EngagementIndex, KpiUnit.Index, true, 70, 60),
        new(KpiKind.Enps, KpiUnit.Points, true, 20, 0),
    ];

    public static KpiDefinition Get(KpiKind kind) => All.First(d => d.Kind == kind);
}
