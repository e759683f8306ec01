namespace CxDashboard.Web.Features.Exports;

public static class ExportsServices
{
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddScoped<KpiExportService>();
        services.AddScoped<RawExportService>();
        services.AddScoped<IRawExportSource, CallbackCasesExport>();
        return services;
    }
}
