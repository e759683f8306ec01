using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Exports;

/// <summary>
/// The KPI columns of every breakdown sheet (team, agent, reason, channel, day): each rate beside the counts it is
/// made of, so a reader can add rows up and recompute any rate in their own analysis.
/// </summary>
public static class KpiColumns
{
    public static IReadOnlyList<XlColumn<T>> For<T>(Func<T, KpiCounts> counts, DocumentLanguage language)
    {
        var t = ExportText.For(language);
        var kpi = language.Words;
        return
        [
            new(t["Contacts"], 10, XlFormat.Integer, r => counts(r).Contacts),
            new(t["Repeat contacts"], 10, XlFormat.Integer, r => counts(r).RepeatContacts),
            new(kpi.Kpi(KpiKind.RepeatContactRate), 12, XlFormat.Percent, r => counts(r).RepeatRate.Percent),
            new(t["FCR decidable"], 10, XlFormat.Integer, r => counts(r).FcrDecidable),
            new(t["FCR resolved"], 10, XlFormat.Integer, r => counts(r).FcrResolved),
            new(kpi.Kpi(KpiKind.ContactFcrPercent), 12, XlFormat.Percent, r => counts(r).ContactFcr.Percent),
            new(t["Responses"], 10, XlFormat.Integer, r => counts(r).Responses),
            new(t["CSAT 4–5"], 9, XlFormat.Integer, r => counts(r).CsatPositive),
            new(t["CSAT (top-2-box)"], 9, XlFormat.Percent, r => counts(r).Csat.Percent),
            new(kpi.Kpi(KpiKind.CsatMean), 9, XlFormat.Decimal2, r => counts(r).CsatMean),
            new(t["CSAT 1–2"], 9, XlFormat.Integer, r => counts(r).CsatNegative),
            new(t["Dissatisfied (CSAT 1–2)"], 11, XlFormat.Percent, r => counts(r).Dissatisfied.Percent),
            new(t["Survey FCR answered"], 11, XlFormat.Integer, r => counts(r).SurveyFcrAnswered),
            new(t["Survey FCR yes"], 10, XlFormat.Integer, r => counts(r).SurveyFcrYes),
            new(kpi.Kpi(KpiKind.SurveyFcrPercent), 11, XlFormat.Percent, r => counts(r).SurveyFcr.Percent),
            new(t["NPS answered"], 10, XlFormat.Integer, r => counts(r).NpsAnswered),
            new(t["Promoters (9–10)"], 10, XlFormat.Integer, r => counts(r).NpsPromoters),
            new(t["Detractors (0–6)"], 10, XlFormat.Integer, r => counts(r).NpsDetractors),
            new(kpi.Kpi(KpiKind.Nps), 8, XlFormat.Decimal1, r => counts(r).Nps),
            new(t["Contacts with handle time"], 12, XlFormat.Integer, r => counts(r).ContactsWithHandleTime),
            new(t["Average handle time"], 12, XlFormat.Duration, r => counts(r).AverageHandleSeconds),
            new(kpi["Kpi.BotEscalationRate"], 12, XlFormat.Integer, r => counts(r).BotEscalations),
            new(t["Self-service contacts"], 12, XlFormat.Integer, r => counts(r).SelfServiceContacts),
        ];
    }

    /// <summary>Columns in front of the KPI columns, e.g. the team's name.</summary>
    public static IReadOnlyList<XlColumn<T>> With<T>(Func<T, KpiCounts> counts, DocumentLanguage language, params XlColumn<T>[] leading) =>
        [.. leading, .. For(counts, language)];
}
