using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;

namespace CxDashboard.Web.Features.Maturity.Kpis;

/// <summary>A linked KPI as a capability shows it; <see cref="Value"/> is null when no provider computes it yet.</summary>
public sealed record CapabilityKpiView(CapabilityKpiDefinition Definition, CapabilityKpiValue? Value)
{
    public bool Available => Value is not null;
}

/// <summary>The live KPIs of several capabilities over one period.</summary>
public sealed record CapabilityKpiBoard(DatePeriod Period, IReadOnlyDictionary<string, IReadOnlyList<CapabilityKpiView>> ByCapability)
{
    public IReadOnlyList<CapabilityKpiView> For(string capabilityKey) => ByCapability.GetValueOrDefault(capabilityKey) ?? [];
}

/// <summary>
/// Puts live KPIs beside capability scores: each capability's linked KPI keys (from the model) are asked of every
/// registered <see cref="ICapabilityKpiProvider"/>, over the last <see cref="Days"/> days ending today.
/// </summary>
public sealed class CapabilityKpiService(
    IEnumerable<ICapabilityKpiProvider> providers,
    OrganisationSettingsService organisation,
    TimeProvider clock,
    IConfiguration configuration)
{
    public const int DefaultDays = 90;

    public int Days => Math.Clamp(configuration.GetValue("Maturity:LiveKpiDays", DefaultDays), 7, 366);

    public async Task<DatePeriod> PeriodAsync(CancellationToken ct = default)
    {
        var today = (await organisation.GetTimeAsync(ct)).Today(clock);
        return new DatePeriod(today.AddDays(1 - Days), today);
    }

    public async Task<CapabilityKpiBoard> ForCapabilitiesAsync(IEnumerable<MaturityCapability> capabilities, DataScope scope, CancellationToken ct = default)
    {
        var list = capabilities.ToList();
        var period = await PeriodAsync(ct);
        var wanted = list.SelectMany(c => c.Kpis).ToHashSet();
        var values = new Dictionary<string, CapabilityKpiValue>();
        foreach (var provider in providers)
        {
            var asked = provider.Keys.Where(k => wanted.Contains(k) && !values.ContainsKey(k)).ToHashSet();
            if (asked.Count == 0) continue;
            foreach (var value in await provider.GetAsync(asked, period, scope, ct))
                if (asked.Contains(value.Key)) values[value.Key] = value;
        }
        var board = list.ToDictionary(
            c => c.Key,
            c => (IReadOnlyList<CapabilityKpiView>)c.Kpis
                .Select(CapabilityKpiCatalog.Find).OfType<CapabilityKpiDefinition>()
                .Select(d => new CapabilityKpiView(d, values.GetValueOrDefault(d.Key)))
                .ToList());
        return new CapabilityKpiBoard(period, board);
    }
}
