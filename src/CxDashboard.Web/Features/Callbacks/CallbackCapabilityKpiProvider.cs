using CxDashboard.Web.Features.Maturity.Kpis;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>
/// The maturity model's "Organisation and roles" capability shows whether dissatisfied customers really are called
/// back in time and won back: the callback SLA met % and the recovery rate, beside the capability's score.
/// </summary>
public sealed class CallbackCapabilityKpiProvider(CallbackKpiService callbacks, KpiTargetService targetService) : ICapabilityKpiProvider
{
    public IReadOnlyCollection<string> Keys { get; } = [CapabilityKpiCatalog.CallbackSlaMet, CapabilityKpiCatalog.RecoveryRate];

    public async Task<IReadOnlyList<CapabilityKpiValue>> GetAsync(IReadOnlySet<string> keys, DatePeriod period, DataScope scope, CancellationToken ct = default)
    {
        if (!keys.Overlaps(Keys) || scope.SeesNothing || scope.AgentId is not null) return [];
        var kpis = await callbacks.GetAsync(new CallbackKpiRequest { From = period.From, To = period.To, TeamScope = scope.TeamIds }, ct);
        var targets = await targetService.LoadAsync(ct);

        CapabilityKpiValue Value(string key, KpiKind kind, double? percent, long n, string detail) =>
            new(key, percent, n, targets.Evaluate(kind, percent), targets.For(kind)?.Green, detail);

        var values = new List<CapabilityKpiValue>();
        if (keys.Contains(CapabilityKpiCatalog.CallbackSlaMet))
            values.Add(Value(CapabilityKpiCatalog.CallbackSlaMet, KpiKind.CallbackSlaMetPercent, kpis.SlaMetPercent, kpis.SlaDue,
                Presentation.Vocabulary.Current.Format("MaturityKpi.SlaMet", kpis.SlaMet, kpis.SlaDue)));
        if (keys.Contains(CapabilityKpiCatalog.RecoveryRate))
            values.Add(Value(CapabilityKpiCatalog.RecoveryRate, KpiKind.RecoveryRate, kpis.RecoveryRatePercent, kpis.FollowUpsAnswered,
                Presentation.Vocabulary.Current.Format("MaturityKpi.Recovered", kpis.FollowUpsRecovered, kpis.FollowUpsAnswered)));
        return values;
    }
}
