namespace CxDashboard.Web.Features.Reports;

public static class ReportsServices
{
    /// <summary>The monthly leadership report (figures, PDF, web version), its job and the report library.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton(provider => ReportOptions.From(
            provider.GetRequiredService<IConfiguration>(),
            provider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory));
        services.AddScoped<MonthlyReportService>();
        services.AddScoped<MonthlyReportGenerator>();
        services.AddScoped<ReportLibrary>();
        services.AddScoped<MonthlyReportJob>();
        services.AddSingleton<ScopedReportCache>();
        services.AddSingleton(provider => Delivery.SmtpOptions.Read(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<Delivery.ReportMailer>();
        services.AddScoped<Delivery.ReportSubscriptions>();
        services.AddScoped<Delivery.ReportDeliveryJob>();
        services.AddScoped<ScopedMonthlyReports>();
        return services;
    }

    /// <summary>What only the web app needs: the Reports page's view of the job system (Hangfire is set up by the web host).</summary>
    public static IServiceCollection AddReportsWeb(this IServiceCollection services) => services.AddScoped<ReportSchedule>();
}
