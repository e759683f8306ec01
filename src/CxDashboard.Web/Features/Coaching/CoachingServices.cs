namespace CxDashboard.Web.Features.Coaching;

public static class CoachingServices
{
    public static IServiceCollection AddCoaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CoachingOptions>(configuration.GetSection(CoachingOptions.Section));
        services.AddScoped<CoachingAccess>();
        services.AddScoped<CoachingQueries>();
        services.AddScoped<CoachingActionService>();
        services.AddScoped<CoachingAlertService>();
        services.AddScoped<AgentScorecardService>();
        services.AddScoped<CoachingOverviewService>();
        services.AddScoped<Packs.CoachingPackService>();
        services.AddScoped<Demo.CoachingDemoSeeder>();
        return services;
    }
}
