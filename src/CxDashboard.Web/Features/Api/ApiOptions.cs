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

/// <summary>API limits; over either, a client gets 429 with Retry-After.</summary>
public sealed class ApiRateLimitOptions
{
    /// <summary>Requests per verified API key per minute (a fixed one-minute window).</summary>
    public int PermitsPerMinute { get; set; } = 300;

    /// <summary>
    /// Requests with a missing, unknown or revoked key per client address in a sliding minute; past it the address
    /// gets 429 without its keys being looked at (a valid key from another address is not affected).
    /// </summary>
    public int FailedKeysPerAddressPerMinute { get; set; } = 30;
}
