using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Maturity.Kpis;

/// <summary>A live KPI a capability can show beside its score. <see cref="Target"/> links it to a KPI target, when it has one.</summary>
public sealed record CapabilityKpiDefinition(string Key, string NameKey, string Definition, KpiUnit Unit, KpiKind? Target = null)
{
    /// <summary>The KPI's name in the current language: <see cref="NameKey"/> in the vocabulary.</summary>
    public string Name => Presentation.Vocabulary.Current[NameKey];

    /// <summary>What it measures in the current language (<c>CapabilityKpi.{Key}</c> in the vocabulary; the English text here otherwise).</summary>
    public string Description => Presentation.Vocabulary.Current[$"CapabilityKpi.{Key}"] is var word && word != $"CapabilityKpi.{Key}" ? word : Definition;
}

/// <summary>
/// Every KPI the maturity model may link to a capability (the model's "kpis" lists name these keys). Which provider
/// computes a key is up to the <see cref="ICapabilityKpiProvider"/>s registered; a key without one shows "not available yet".
/// </summary>
public static class CapabilityKpiCatalog
{
    public const string Csat = "csat";
    public const string SurveyFcr = "survey-fcr";
    public const string ContactFcr = "contact-fcr";
    public const string RepeatRate = "repeat-rate";
    public const string Nps = "nps";
    public const string CommentShare = "comment-share";
    public const string ReviewedReasonShare = "reviewed-reason-share";
    public const string KpisOnTarget = "kpis-on-target";
    public const string SelfServiceShare = "self-service-share";
    public const string BotEscalationRate = "bot-escalation-rate";
    public const string EngagementIndex = "engagement-index";
    public const string Enps = "enps";
    public const string CallbackSlaMet = "callback-sla-met";
    public const string RecoveryRate = "recovery-rate";
    public const string ActionsOnTime = "actions-on-time";

    public static readonly IReadOnlyList<CapabilityKpiDefinition> All =
    [
        new(Csat, "Kpi.CsatPercent", "Responses scoring 4 or 5 ÷ all responses with a score.", KpiUnit.Percent, KpiKind.CsatPercent),
        new(SurveyFcr, "Kpi.SurveyFcrPercent", "Responses saying the issue was resolved in the first contact ÷ responses that answered.", KpiUnit.Percent, KpiKind.SurveyFcrPercent),
        new(ContactFcr, "Kpi.ContactFcrPercent", "Contacts not followed by another from the same customer within W days ÷ decidable contacts.", KpiUnit.Percent, KpiKind.ContactFcrPercent),
        new(RepeatRate, "Kpi.RepeatContactRate", "Contacts from a customer who had another contact within the previous W days ÷ all contacts.", KpiUnit.Percent, KpiKind.RepeatContactRate),
        new(Nps, "Kpi.Nps", "% promoters (9–10) minus % detractors (0–6).", KpiUnit.Points, KpiKind.Nps),
        new(CommentShare, "Kpi.CommentShare", "Survey responses with a free-text comment ÷ all responses: the material for reading why.", KpiUnit.Percent),
        new(ReviewedReasonShare, "Kpi.ReviewedReasonShare", "Contacts whose contact reason has been named and rated by an administrator ÷ all contacts.", KpiUnit.Percent),
        new(KpisOnTarget, "Kpi.KpisOnTarget", "KPIs with an organisation-wide target that meet its green threshold ÷ targeted KPIs with a value.", KpiUnit.Percent),
        new(SelfServiceShare, "Kpi.SelfServiceShare", "Self-service and bot contacts ÷ all contacts.", KpiUnit.Percent),
        new(BotEscalationRate, "Kpi.BotEscalationRate", "Contacts a person took over from self-service ÷ self-service contacts.", KpiUnit.Percent),
        new(EngagementIndex, "Kpi.EngagementIndex", "The mean of the engagement items (1–5) rescaled to 0–100, over the latest pulse month, all teams.", KpiUnit.Index, KpiKind.EngagementIndex),
        new(Enps, "Kpi.Enps", "% of employees scoring 9–10 minus % scoring 0–6, latest pulse month, all teams.", KpiUnit.Points, KpiKind.Enps),
        new(CallbackSlaMet, "Kpi.CallbackSlaMetPercent", "Callback cases with a first attempt before their due time ÷ cases due.", KpiUnit.Percent, KpiKind.CallbackSlaMetPercent),
        new(RecoveryRate, "Kpi.RecoveryRate", "Called-back customers whose follow-up survey scores CSAT 4–5 ÷ those who answered it.", KpiUnit.Percent, KpiKind.RecoveryRate),
        new(ActionsOnTime, "Kpi.ActionsOnTime", "Improvement actions done by their due date ÷ actions due in the period (done or not; dropped ones excluded).", KpiUnit.Percent),
    ];

    public static CapabilityKpiDefinition? Find(string key) => All.FirstOrDefault(d => d.Key == key);
}
