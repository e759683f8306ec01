namespace CxDashboard.Web.Features.Api;

/// <summary>Limits of the machine API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Records per POST; a larger batch gets 413 and should be split.</summary>
    public int MaxRecordsPerRequest { get; set; } = 10_000;

    /// <summary>Bytes per request body; a larger body gets 413.</summary>
    public long MaxRequestBytes { get; set; } = 10 * 1024 * 1024;

    public ApiRateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>Requests per API key per minute (a fixed one-minute window); over it a client gets 429 with Retry-After.</summary>
public sealed class ApiRateLimitOptions
{
    public int PermitsPerMinute { get; set; } = 300;
}
