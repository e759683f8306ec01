using CxDashboard.Web.Data.Seeding;

namespace CxDashboard.Web.Features.Engagement;

public static class EngagementServices
{
    public const string StatementsFileKey = "Pulse:StatementsFile";

    /// <summary>The engagement pulse (statements from seed-data, the pulse links and answers) and the Engagement page.</summary>
    public static IServiceCollection AddEngagement(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var contentRoot = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var path = configuration[StatementsFileKey] is { Length: > 0 } configured
                ? Path.GetFullPath(configured, contentRoot)
                : Path.Combine(SeedDataLocator.Find(configuration[$"{DemoOptions.Section}:SeedDataPath"], contentRoot), PulseStatements.FileName);
            return PulseStatements.Load(path);
        });
        services.AddOptions<PulseOptions>().BindConfiguration(PulseOptions.Section);
        services.AddScoped<PulseService>();
        services.AddScoped<EngagementReportService>();
        services.AddScoped<EngagementPageText>();
        return services;
    }
}
