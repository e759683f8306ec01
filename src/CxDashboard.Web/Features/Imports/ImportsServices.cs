namespace CxDashboard.Web.Features.Imports;

public static class ImportsServices
{
    /// <summary>The Import page's services (web only: they need the job queue).</summary>
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportsOptions>(configuration.GetSection(ImportsOptions.Section));
        services.AddSingleton<ImportProgressStore>();
        services.AddScoped<ImportRunService>();
        services.AddScoped<ImportMessageText>();
        services.AddScoped<ImportJob>();
        services.AddHostedService<InterruptedRunsCleanup>();
        return services;
    }
}
