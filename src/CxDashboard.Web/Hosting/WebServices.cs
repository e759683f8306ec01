using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Imports;
using CxDashboard.Web.Features.Reports;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using CxDashboard.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CxDashboard.Web.Hosting;

/// <summary>The web app's own services: pages, sign-in, API authentication, jobs, localisation.</summary>
public static class WebServices
{
    /// <summary>The default authentication: API keys under /api, the sign-in cookie everywhere else.</summary>
    private const string ByPathScheme = "CxDashboard.ByPath";

    public static WebApplicationBuilder AddCxWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCxCore(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddImports(builder.Configuration);

        services.AddRazorPages(options =>
        {
            options.Conventions.AllowAnonymousToFolder("/Account");
            options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
        }).AddCxViewLocalisation();
        services.AddHttpContextAccessor();
        services.AddIdentityCore<AppUser>().AddSignInManager().AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = ByPathScheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            // Under /api only API keys count (also for answers routing makes itself, e.g. 415 or 405): a sign-in
            // cookie is never asked for there, so an API client always gets JSON, never the login form.
            .AddPolicyScheme(ByPathScheme, null, options => options.ForwardDefaultSelector = context =>
                ApiProblemResponses.IsApi(context.Request.Path) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "CxDashboard.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            // Every request's cookie is checked against the user's security stamp (sign-out, password, roles, disabling).
            options.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
        });
        // How often the cookie's claims (name, roles) are rebuilt from the database; the stamp itself is checked on every request.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Configure<LoginOptions>(builder.Configuration.GetSection(LoginOptions.Section));
        services.AddScoped<LoginService>();
        services.AddTlsProxy();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddRolePolicies()
            .AddPolicy(Policies.ApiRead, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, nameof(ApiKeyScope.Read)))
            .AddPolicy(Policies.ApiWrite, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, nameof(ApiKeyScope.Write)));

        services.AddCxLocalisation(builder.Configuration);

        services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseJobStorage(provider.GetRequiredService<IConfiguration>(), builder.Environment.ContentRootPath)
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>())));
        services.AddHostedService<JobServerHostedService>();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoint.Liveness])
            .AddCheck<JobServerHealthCheck>("jobs", tags: [HealthEndpoint.Liveness])
            .AddCheck<DataVolumeHealthCheck>("data");
        services.AddProblemDetails();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer(ApiKeyAuthenticationHandler.DescribeInOpenApi));
        services.AddApi(builder.Configuration);
        services.AddReportsWeb();
        return builder;
    }

    /// <summary>
    /// Jobs are kept where the data is: in memory beside SQLite (one instance), in the PostgreSQL database (schema
    /// <c>hangfire</c>) when several instances share it, so a recurring job runs once across them and survives restarts.
    /// </summary>
    private static IGlobalConfiguration UseJobStorage(this IGlobalConfiguration configuration, IConfiguration settings, string contentRoot) =>
        DatabaseProviders.From(settings) == DatabaseProvider.Postgres
            ? configuration.UsePostgreSqlStorage(
                options => options.UseNpgsqlConnection(DatabaseProviders.ConnectionString(settings, contentRoot)),
                new PostgreSqlStorageOptions { SchemaName = JobSchema, PrepareSchemaIfNecessary = true, DistributedLockTimeout = TimeSpan.FromMinutes(1) })
            : configuration.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) });

    /// <summary>The PostgreSQL schema of the job storage, beside the app's tables.</summary>
    public const string JobSchema = "hangfire";

    private static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in Policies.RolesByPolicy)
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        return builder;
    }
}
