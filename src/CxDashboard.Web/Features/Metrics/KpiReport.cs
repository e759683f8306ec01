using System.Text.Json.Serialization;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>
/// The KPI contract shared by the CLI (`kpis --format json`) and `GET /api/v1/kpis`: camelCase, percents 0–100
/// unrounded, null where the sample is empty, and a 95 % Wilson interval for every proportion.
/// </summary>
public sealed record KpiReport
{
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public required DateTime AsOf { get; init; }
    public required int WindowDays { get; init; }
    public required bool SameReasonOnly { get; init; }
    public required string TimeZone { get; init; }
    public required KpiReportFilters Filters { get; init; }

    public long Contacts { get; init; }
    public long RepeatContacts { get; init; }
    public double? RepeatContactRate { get; init; }
    public PercentInterval? RepeatContactRateInterval { get; init; }

    public long FcrDecidable { get; init; }
    public long FcrResolved { get; init; }
    public long FcrNotYetDecidable { get; init; }
    public double? ContactFcrPercent { get; init; }
    public PercentInterval? ContactFcrPercentInterval { get; init; }

    public long Responses { get; init; }
    public long CsatPositive { get; init; }
    public double? CsatPercent { get; init; }
    public PercentInterval? CsatPercentInterval { get; init; }
    public double? CsatMean { get; init; }

    public long SurveyFcrAnswered { get; init; }
    public long SurveyFcrYes { get; init; }
    public double? SurveyFcrPercent { get; init; }
    public PercentInterval? SurveyFcrPercentInterval { get; init; }

    public long NpsAnswered { get; init; }
    public long NpsPromoters { get; init; }
    public long NpsDetractors { get; init; }
    public double? Nps { get; init; }

    public double? AverageHandleSeconds { get; init; }
    public long BotEscalations { get; init; }
    public long SelfServiceContacts { get; init; }

    /// <summary>Names of the fields above whose sample is under 30 (and above 0).</summary>
    public required IReadOnlyList<string> SmallSamples { get; init; }

    public static KpiReport Create(KpiCounts c, MetricQuery query, string timeZoneId, KpiReportFilters filters)
    {
        var smallSamples = new List<string>();
        void Mark(string name, long n) { if (n is > 0 and < Proportion.SmallSampleThreshold) smallSamples.Add(name); }
        Mark("repeatContactRate", c.Contacts);
        Mark("contactFcrPercent", c.FcrDecidable);
        Mark("csatPercent", c.Responses);
        Mark("surveyFcrPercent", c.SurveyFcrAnswered);
        Mark("nps", c.NpsAnswered);

        return new KpiReport
        {
            From = query.From,
            To = query.To,
            AsOf = query.AsOfUtc,
            WindowDays = query.WindowDays,
            SameReasonOnly = query.SameReasonOnly,
            TimeZone = timeZoneId,
            Filters = filters,
            Contacts = c.Contacts,
            RepeatContacts = c.RepeatContacts,
            RepeatContactRate = c.RepeatRate.Percent,
            RepeatContactRateInterval = c.RepeatRate.Interval,
            FcrDecidable = c.FcrDecidable,
            FcrResolved = c.FcrResolved,
            FcrNotYetDecidable = c.FcrNotYetDecidable,
            ContactFcrPercent = c.ContactFcr.Percent,
            ContactFcrPercentInterval = c.ContactFcr.Interval,
            Responses = c.Responses,
            CsatPositive = c.CsatPositive,
            CsatPercent = c.Csat.Percent,
            CsatPercentInterval = c.Csat.Interval,
            CsatMean = c.CsatMean,
            SurveyFcrAnswered = c.SurveyFcrAnswered,
            SurveyFcrYes = c.SurveyFcrYes,
            SurveyFcrPercent = c.SurveyFcr.Percent,
            SurveyFcrPercentInterval = c.SurveyFcr.Interval,
            NpsAnswered = c.NpsAnswered,
            NpsPromoters = c.NpsPromoters,
            NpsDetractors = c.NpsDetractors,
            Nps = c.Nps,
            AverageHandleSeconds = c.AverageHandleSeconds,
            BotEscalations = c.BotEscalations,
            SelfServiceContacts = c.SelfServiceContacts,
            SmallSamples = smallSamples,
        };
    }
}

/// <summary>The filters a report was computed with, by their external names.</summary>
public sealed record KpiReportFilters(
    string? Team,
    string? Agent,
    [property: JsonPropertyName("channel")] string? Channel,
    string? Reason);
