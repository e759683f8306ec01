using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Reports;

/// <summary>A KPI on the report's first page: its product name and unit, and what its n counts ("n = 3 904 svar": a vocabulary key).</summary>
public sealed record HeadlineKpi(KpiKind Kind, string SampleWordKey)
{
    public KpiDefinition Definition => KpiDefinitions.Get(Kind);
    public string Name => Definition.Name;
    public double? ValueOf(KpiCounts counts) => counts.ValueOf(Kind);
    public long SampleOf(KpiCounts counts) => counts.SampleOf(Kind);
    public bool IsSmallSample(KpiCounts counts) => SampleOf(counts) is > 0 and < Proportion.SmallSampleThreshold;
}

public static class HeadlineKpis
{
    /// <summary>In the order the report shows them (contacts, a count, come after these).</summary>
    public static readonly IReadOnlyList<HeadlineKpi> All =
    [
        new(KpiKind.CsatPercent, "Report.Sample.Answers"),
        new(KpiKind.SurveyFcrPercent, "Report.Sample.Answers"),
        new(KpiKind.ContactFcrPercent, "Report.Sample.DecidableContacts"),
        new(KpiKind.RepeatContactRate, "Report.Sample.Contacts"),
        new(KpiKind.Nps, "Report.Sample.Answers"),
    ];
}
