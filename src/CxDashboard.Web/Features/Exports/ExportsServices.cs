namespace CxDashboard.Web.Features.Exports;

public static class ExportsServices
{
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section);
        services.AddSingleton<ExportGate>();
        services.AddScoped<KpiExportService>();
        services.AddScoped<RawExportService>();
        services.AddScoped<IRawExportSource, CallbackCasesExport>();
        return services;
    }
}
