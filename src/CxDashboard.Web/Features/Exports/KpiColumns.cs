using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Exports;

/// <summary>
/// The KPI columns of every breakdown sheet (team, agent, reason, channel, day): each rate beside the counts it is
/// made of, so a reader can add rows up and recompute any rate in their own analysis.
/// </summary>
public static class KpiColumns
{
    public static IReadOnlyList<XlColumn<T>> For<T>(Func<T, KpiCounts> counts) =>
    [
        new("Contacts", 10, XlFormat.Integer, r => counts(r).Contacts),
        new("Repeat contacts", 10, XlFormat.Integer, r => counts(r).RepeatContacts),
        new("Repeat-contact rate", 12, XlFormat.Percent, r => counts(r).RepeatRate.Percent),
        new("FCR decidable", 10, XlFormat.Integer, r => counts(r).FcrDecidable),
        new("FCR resolved", 10, XlFormat.Integer, r => counts(r).FcrResolved),
        new("Contact-based FCR", 12, XlFormat.Percent, r => counts(r).ContactFcr.Percent),
        new("Responses", 10, XlFormat.Integer, r => counts(r).Responses),
        new("CSAT 4–5", 9, XlFormat.Integer, r => counts(r).CsatPositive),
        new("CSAT (top-2-box)", 9, XlFormat.Percent, r => counts(r).Csat.Percent),
        new("CSAT mean", 9, XlFormat.Decimal2, r => counts(r).CsatMean),
        new("CSAT 1–2", 9, XlFormat.Integer, r => counts(r).CsatNegative),
        new("Dissatisfied (CSAT 1–2)", 11, XlFormat.Percent, r => counts(r).Dissatisfied.Percent),
        new("Survey FCR answered", 11, XlFormat.Integer, r => counts(r).SurveyFcrAnswered),
        new("Survey FCR yes", 10, XlFormat.Integer, r => counts(r).SurveyFcrYes),
        new("Survey FCR", 11, XlFormat.Percent, r => counts(r).SurveyFcr.Percent),
        new("NPS answered", 10, XlFormat.Integer, r => counts(r).NpsAnswered),
        new("Promoters (9–10)", 10, XlFormat.Integer, r => counts(r).NpsPromoters),
        new("Detractors (0–6)", 10, XlFormat.Integer, r => counts(r).NpsDetractors),
        new("NPS", 8, XlFormat.Decimal1, r => counts(r).Nps),
        new("Contacts with handle time", 12, XlFormat.Integer, r => counts(r).ContactsWithHandleTime),
        new("Average handle time", 12, XlFormat.Duration, r => counts(r).AverageHandleSeconds),
        new("Bot→human escalations", 12, XlFormat.Integer, r => counts(r).BotEscalations),
        new("Self-service contacts", 12, XlFormat.Integer, r => counts(r).SelfServiceContacts),
    ];

    /// <summary>Columns in front of the KPI columns, e.g. the team's name.</summary>
    public static IReadOnlyList<XlColumn<T>> With<T>(Func<T, KpiCounts> counts, params XlColumn<T>[] leading) => [.. leading, .. For(counts)];
}
