namespace CxDashboard.Web.Features.Surveys;

public static class SurveysServices
{
    /// <summary>The hosted survey: answering links and writing absolute links for people outside the app.</summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddScoped<SurveyAnswerService>();
        services.AddSingleton<PublicLinks>();
        return services;
    }
}
