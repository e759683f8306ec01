using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Coaching;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Maturity;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Reports;
using CxDashboard.Web.Features.Surveys;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Hosting;

/// <summary>The services shared by the web app and the CLI verbs (no HTTP pipeline here).</summary>
public static class CoreServices
{
    public static IServiceCollection AddCxCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // Services that give people messages (callback cases and settings) read their words from the resources, also in the CLI.
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Read when the first context is made, so configuration added after registration (tests, hosts) applies.
        services.AddDbContext<CxDbContext>((provider, options) =>
        {
            var settings = provider.GetRequiredService<IConfiguration>();
            var root = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? contentRoot;
            DatabaseProviders.Configure(options, settings, root);
        });

        services.AddSingleton(TimeProvider.System);
        // Services word their messages through the resources, in the web app and the CLI alike.
        services.AddLocalization(options => options.ResourcesPath = Localisation.ResourcesPath);
        services.TryAddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory>(sp => new KeptWordsLocalizerFactory(sp.GetRequiredService<ResourceManagerStringLocalizerFactory>())));
        services.TryAddSingleton<Features.Presentation.Vocabulary>();
        // Identity's password-reset tokens need data protection in the CLI too: the same key ring for both.
        services.AddKeyRingInDatabase();
        services.AddSingleton<Features.Security.AttemptCounters>();
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                // Sign-in failures are counted and paused by LoginService, not by Identity's lockout.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CxDbContext>()
            .AddDefaultTokenProviders();

        services.AddScoped<OrganisationTimeSource>();
        services.AddScoped<OrganisationSettingsService>();
        services.AddScoped<KpiQueryService>();
        services.AddScoped<Features.Metrics.Rollups.KpiRollupService>();
        services.AddScoped<Features.Metrics.Rollups.PendingRollupsJob>();
        // Before the callback listener: after a large import, the rollups are rebuilt before flagging runs.
        services.AddSingleton<IImportListener, Features.Metrics.Rollups.PendingRollupsImportListener>();
        services.AddScoped<KpiReportService>();
        services.AddScoped<KpiTargetService>();
        services.AddScoped<Features.Dashboard.DashboardService>();
        services.AddSingleton<Features.Dashboard.DashboardCache>();
        services.AddSingleton<KeptKpiCounts>();
        services.AddSingleton<Features.Presentation.KeptCharts>();
        services.Configure<Features.Dashboard.DashboardCacheOptions>(configuration.GetSection(Features.Dashboard.DashboardCacheOptions.Section));
        services.AddScoped<UserScopeService>();
        services.AddScoped<ScopedFilters>();
        services.AddScoped<Features.Engagement.EngagementQueryService>();
        services.AddEngagement();
        services.AddScoped<UserAdminService>();
        services.AddScoped<Features.Admin.MasterDataAdminService>();
        services.AddScoped<ImportService>();
        services.AddScoped<Features.Imports.ImportHistoryRecorder>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<Features.Surveys.SurveyInvitationService>();
        services.AddSurveys();
        services.AddMaturity();
        services.AddExports();
        services.AddCoaching(configuration);
        services.AddReports();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoSeeder>();
        services.AddCallbacks();
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.Configure<Features.Ingestion.Files.XlsxLimits>(configuration.GetSection(Features.Ingestion.Files.XlsxLimits.Section));
        return services;
    }
}
