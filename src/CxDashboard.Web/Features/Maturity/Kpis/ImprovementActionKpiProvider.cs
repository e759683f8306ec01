using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Maturity.Kpis;

/// <summary>
/// "Improvement actions done on time": how well the organisation turns its maturity gaps into finished work, the
/// live measure of the delivery-model capability. Actions are organisation-wide, so the viewer's scope does not narrow them.
/// </summary>
public sealed class ImprovementActionKpiProvider(CxDbContext db, OrganisationSettingsService organisation, TimeProvider clock) : ICapabilityKpiProvider
{
    public IReadOnlyCollection<string> Keys { get; } = [CapabilityKpiCatalog.ActionsOnTime];

    public async Task<IReadOnlyList<CapabilityKpiValue>> GetAsync(IReadOnlySet<string> keys, DatePeriod period, DataScope scope, CancellationToken ct = default)
    {
        if (!keys.Contains(CapabilityKpiCatalog.ActionsOnTime)) return [];
        var today = (await organisation.GetTimeAsync(ct)).Today(clock);
        var lastDue = period.To < today ? period.To : today.AddDays(-1);
        // Due in the period and already due (or done early); dropped actions are a decision, not a delay.
        var due = await db.ImprovementActions.AsNoTracking()
            .Where(a => a.Status != ImprovementActionStatus.Dropped && a.DueDate >= period.From && a.DueDate <= period.To)
            .Where(a => a.DueDate <= lastDue || a.Status == ImprovementActionStatus.Done)
            .Select(a => new { a.Status, a.DueDate, a.CompletedOn })
            .ToListAsync(ct);
        var onTime = due.Count(a => a.Status == ImprovementActionStatus.Done && a.CompletedOn <= a.DueDate);
        var proportion = new Proportion(onTime, due.Count);
        return [new CapabilityKpiValue(CapabilityKpiCatalog.ActionsOnTime, proportion.Percent, proportion.N,
            Detail: due.Count == 0 ? Presentation.Vocabulary.Current["MaturityKpi.NoActionDue"] : Presentation.Vocabulary.Current.Format("MaturityKpi.ActionsOnTime", onTime, due.Count))];
    }
}
