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
/// Absolute links for people outside the app (SMS, e-mail, a pulse link on the team's intranet). They come only from
/// configuration: <c>App:PublicBaseUrl</c>, else the request's own address when its host is one of the configured
/// <c>AllowedHosts</c> (the host filter has refused every other Host header by then). Never from an unchecked Host
/// header, which anyone can set: without either setting no link is made, and pages, API and CLI say what to set.
/// </summary>
public sealed class PublicLinks(IConfiguration configuration)
{
    public const string BaseUrlKey = "App:PublicBaseUrl";

    public static readonly string NotConfigured =
        $"Links for customers and employees cannot be made: set {BaseUrlKey} (the address people use to reach the app, e.g. https://cx.example.com; " +
        "as an environment variable App__PublicBaseUrl) or AllowedHosts.";

    public string? ConfiguredBaseUrl => configuration[BaseUrlKey] is { Length: > 0 } url ? url.Trim().TrimEnd('/') : null;

    /// <summary>The base of absolute links for this request, or null when configuration names none.</summary>
    public string? BaseUrl(HttpRequest? request)
    {
        if (ConfiguredBaseUrl is { } configured) return configured;
        if (request is null || !IsAllowedHost(request.Host.Host)) return null;
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    public bool CanMakeLinks(HttpRequest? request) => BaseUrl(request) is not null;

    /// <summary>The absolute URL of a path; check <see cref="CanMakeLinks"/> first (before creating what the link points at).</summary>
    public string Absolute(string path, HttpRequest? request = null) =>
        (BaseUrl(request) ?? throw new InvalidOperationException(NotConfigured)) + path;

    /// <summary>Whether AllowedHosts names this host (exactly, or by a <c>*.example.com</c> pattern); "*" names none.</summary>
    private bool IsAllowedHost(string host)
    {
        var allowed = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return host.Length > 0 && allowed.Any(pattern => pattern != "*" && (
            pattern.Equals(host, StringComparison.OrdinalIgnoreCase)
            || (pattern.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase))));
    }
}
