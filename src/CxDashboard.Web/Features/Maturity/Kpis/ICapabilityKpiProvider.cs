using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Maturity.Kpis;

/// <summary>
/// A KPI value for a capability: the value in its unit (percent 0–100, index 0–100, points −100–100), the sample
/// behind it, and the target status when the KPI has a target. Null value: no data in the period.
/// </summary>
public sealed record CapabilityKpiValue(string Key, double? Value, long N, TargetStatus Status = TargetStatus.None, double? TargetGreen = null, string? Detail = null);

/// <summary>
/// Computes some of the <see cref="CapabilityKpiCatalog"/> keys for a period. Maturity asks every registered provider
/// for the keys it declares; a feature adds its KPIs by registering one more provider
/// (<c>services.AddScoped&lt;ICapabilityKpiProvider, MyProvider&gt;()</c>).
/// </summary>
public interface ICapabilityKpiProvider
{
    IReadOnlyCollection<string> Keys { get; }

    /// <summary>
    /// Values for the asked keys (a subset of <see cref="Keys"/>) over the period, within the viewer's scope (a manager
    /// limited to some teams sees their teams' figures; the leadership report asks with <see cref="DataScope.Everything"/>).
    /// </summary>
    Task<IReadOnlyList<CapabilityKpiValue>> GetAsync(IReadOnlySet<string> keys, DatePeriod period, DataScope scope, CancellationToken ct = default);
}
