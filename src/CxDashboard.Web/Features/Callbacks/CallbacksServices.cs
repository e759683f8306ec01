using CxDashboard.Web.Features.Ingestion;

namespace CxDashboard.Web.Features.Callbacks;

public static class CallbacksServices
{
    public static IServiceCollection AddCallbacks(this IServiceCollection services)
    {
        services.AddScoped<Maturity.Kpis.ICapabilityKpiProvider, CallbackCapabilityKpiProvider>();
        services.AddScoped<CallbackSettingsService>();
        services.AddScoped<CallbackFlaggingJob>();
        services.AddScoped<CallbackEscalationJob>();
        services.AddScoped<CallbackCaseService>();
        services.AddScoped<CallbackActorFactory>();
        services.AddScoped<CallbackWorklistQuery>();
        services.AddScoped<CustomerChangeHistory>();
        services.AddScoped<CallbackChoicesQuery>();
        services.AddScoped<CallbackKpiService>();
        services.AddScoped<CallbackListingService>();
        services.AddScoped<CallbackSummaryService>();
        services.AddScoped<CallbackDemoHistory>();
        services.AddSingleton<IImportListener, CallbackImportListener>();
        return services;
    }
}
