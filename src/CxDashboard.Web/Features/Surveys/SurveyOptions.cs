namespace CxDashboard.Web.Features.Surveys;

/// <summary>Settings of the hosted survey and the engagement pulse (section <c>Surveys</c>).</summary>
public sealed class SurveyOptions
{
    public const string Section = "Surveys";

    /// <summary>Days a survey link stays open (also read by <see cref="SurveyInvitationService"/>).</summary>
    public int ExpiryDays { get; set; } = SurveyInvitationService.DefaultExpiryDays;

    /// <summary>Requests per IP address per minute to /s/… and /pulse/… (page views and answers together).</summary>
    public SurveyRateLimitOptions RateLimit { get; set; } = new();
}

public sealed class SurveyRateLimitOptions
{
    public int PermitsPerMinute { get; set; } = 30;
}

/// <summary>
/// Absolute links for people outside the app (SMS, e-mail, a pulse link on the team's intranet). The base comes
/// from <c>App:PublicBaseUrl</c>, because the address the app sees behind a proxy is often not the one people use.
/// </summary>
public sealed class PublicLinks(IConfiguration configuration)
{
    public const string BaseUrlKey = "App:PublicBaseUrl";

    public string? ConfiguredBaseUrl => configuration[BaseUrlKey] is { Length: > 0 } url ? url.TrimEnd('/') : null;

    /// <summary>The absolute URL of a path, on the configured base or else on the request's own address.</summary>
    public string Absolute(string path, HttpRequest? request = null)
    {
        var baseUrl = ConfiguredBaseUrl ?? (request is null ? null : $"{request.Scheme}://{request.Host}{request.PathBase}")
            ?? throw new InvalidOperationException($"Set {BaseUrlKey} (e.g. https://cx.example.com) so links can be written.");
        return baseUrl + path;
    }
}
