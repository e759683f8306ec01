using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Data.Entities;

/// <summary>
/// A target for one KPI, organisation-wide (TeamId null) or overriding it for one team.
/// Green when the value reaches <see cref="Green"/>, amber when it reaches <see cref="Amber"/>, red otherwise
/// ("reaches" means at or above for higher-is-better KPIs, at or below for lower-is-better ones).
/// </summary>
public class KpiTarget
{
    public int Id { get; set; }
    public KpiKind Kpi { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public double Green { get; set; }
    public double Amber { get; set; }
}
