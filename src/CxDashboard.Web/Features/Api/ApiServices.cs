using System.Globalization;
using System.Threading.RateLimiting;
using CxDashboard.Web.Features.Surveys;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Api;

/// <summary>The rate-limiting policies: per API key for /api/v1, per IP address for the public survey and pulse pages.</summary>
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
    /// The key's public prefix (cxd_&lt;prefix&gt;_…) names the partition, so the secret is not kept in memory; requests
    /// without a key share their IP address's partition (they get 401 anyway).
    /// </summary>
    private static string ApiKeyPartition(HttpContext context)
    {
        var presented = context.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString();
        var parts = presented.Split('_');
        return parts.Length == 3 && parts[1].Length is > 0 and <= 32 ? "key:" + parts[1] : IpPartition(context);
    }

    private static string IpPartition(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

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
            }, ct);
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
