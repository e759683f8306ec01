using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Surveys;
using Microsoft.AspNetCore.DataProtection;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// Data protection (sign-in cookies, antiforgery, password-reset tokens) per deployment: the key ring lives in the
/// deployment's database, and the application name (which separates payloads of different applications even
/// with one key ring) is <c>DataProtection:ApplicationName</c>, else one derived from <c>App:PublicBaseUrl</c>, so a
/// staging copy restored from production's database still does not accept production's cookies.
/// </summary>
public static class KeyRing
{
    public const string ApplicationNameKey = "DataProtection:ApplicationName";

    public static IServiceCollection AddKeyRingInDatabase(this IServiceCollection services)
    {
        services.AddDataProtection().PersistKeysToDbContext<CxDbContext>();
        // Read when first used, so configuration added after registration (tests, hosts) applies.
        services.AddOptions<DataProtectionOptions>().Configure<IConfiguration>((options, configuration) =>
            options.ApplicationDiscriminator = ApplicationName(configuration));
        return services;
    }

    public static string ApplicationName(IConfiguration configuration) =>
        configuration[ApplicationNameKey] is { Length: > 0 } configured ? configured.Trim()
        : configuration[PublicLinks.BaseUrlKey] is { Length: > 0 } baseUrl ? $"CxDashboard {baseUrl.Trim().TrimEnd('/').ToLowerInvariant()}"
        : "CxDashboard";
}
