using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CxDashboard.Web.Features.Security;
using CxDashboard.Web.Features.Surveys;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Api;

/// <summary>
/// The rate-limiting policies: per verified API key for /api/v1 (requests without a valid key never get this far:
/// <see cref="ApiKeyAuthenticationHandler"/> limits them per client address), per client address for the public
/// survey and pulse pages.
/// </summary>
public static class RateLimitPolicies
{
    public const string PerApiKey = "per-api-key";
    public const string PerIpAddress = "per-ip-address";
}

public static class ApiServices
{
    /// <summary>Web-only parts of the API: its limits and the rate limiter (the endpoints are mapped by <see cref="ApiV1"/>).</summary>
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.Configure<SurveyOptions>(configuration.GetSection(SurveyOptions.Section));
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(RateLimitPolicies.PerApiKey, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptionsMonitor<ApiOptions>>().CurrentValue.RateLimit.PermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ApiKeyPartition(context), _ => PerMinute(permits));
            });
            options.AddPolicy(RateLimitPolicies.PerIpAddress, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptionsMonitor<SurveyOptions>>().CurrentValue.RateLimit.PermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(IpPartition(context), _ => PerMinute(permits));
            });
            options.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>
    /// The verified key's id names the partition: the limiter runs after authorization, so only a request whose whole
    /// key was checked counts against that key (someone who knows only a key's public prefix cannot use up its allowance).
    /// </summary>
    private static string ApiKeyPartition(HttpContext context) =>
        context.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) is { } keyId ? "key:" + keyId : IpPartition(context);

    private static string IpPartition(HttpContext context) => "ip:" + ClientAddress.Of(context);

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.Response.WriteAsJsonAsync(new
            {
                type = "https://tools.ietf.org/html/rfc6585#section-4",
                title = "Too many requests",
                status = 429,
                detail = $"This API key has used its requests for this minute. Retry after {seconds} seconds.",
            }, ApiProblem.SerializerOptions, ApiProblem.ContentType, ct);
            return;
        }
        // The public survey and pulse pages: a short page in both languages, without the staff layout.
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Försök igen om en stund</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; color: #1d232b">
            <main><h1>Försök igen om en stund</h1>
            <p>Vi har fått många förfrågningar från din anslutning. Vänta {seconds} sekunder och ladda sedan om sidan.</p>
            <p lang="en">Too many requests from your connection. Wait {seconds} seconds, then reload the page.</p></main>
            </body></html>
            """, ct);
    }
}
