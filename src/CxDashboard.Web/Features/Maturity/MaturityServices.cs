using CxDashboard.Web.Features.Maturity.Actions;
using CxDashboard.Web.Features.Maturity.Demo;
using CxDashboard.Web.Features.Maturity.Export;
using CxDashboard.Web.Features.Maturity.Kpis;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Results;
using CxDashboard.Web.Features.Maturity.Rounds;

namespace CxDashboard.Web.Features.Maturity;

public static class MaturityServices
{
    public static IServiceCollection AddMaturity(this IServiceCollection services)
    {
        services.AddScoped<MaturityModelService>();
        services.AddScoped<MaturityRoundService>();
        services.AddScoped<MaturityResultsService>();
        services.AddScoped<ImprovementActionService>();
        services.AddScoped<MaturityExportService>();
        services.AddScoped<CapabilityKpiService>();
        services.AddScoped<MaturityDemoSeeder>();
        services.AddScoped<MaturityPageQueries>();
        // Live KPIs beside capability scores: one provider per feature that has figures to offer.
        services.AddScoped<ICapabilityKpiProvider, MetricCapabilityKpiProvider>();
        services.AddScoped<ICapabilityKpiProvider, ImprovementActionKpiProvider>();
        return services;
    }
}
