using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CxDashboard.Web.Features.Api;

/// <summary>
/// Authenticates machines by the <c>X-Api-Key</c> header. A missing, unknown or revoked key gets 401; a client address
/// that sent too many of them within a minute gets 429 for its further requests without their keys being checked.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    AttemptCounters counters,
    IOptionsMonitor<ApiOptions> api) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(1);
    private TimeSpan? _pausedFor;

    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "api_scope";
    public const string KeyIdClaim = "api_key_id";

    /// <summary>Tells OpenAPI clients that every operation takes the key in the X-Api-Key header.</summary>
    public static Task DescribeInOpenApi(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = HeaderName,
            Description = "An API key from Admin → API keys (read or write scope).",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }

    private string AddressKey => "api:" + ClientAddress.Of(Context);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var limit = api.CurrentValue.RateLimit.FailedKeysPerAddressPerMinute;
        if (counters.ApiKeyFailures.IsOverLimit(AddressKey, limit, FailureWindow, out var retryAfter))
        {
            _pausedFor = retryAfter;
            return AuthenticateResult.Fail("Too many requests without a valid API key from this address.");
        }
        if (!Request.Headers.TryGetValue(HeaderName, out var presented) || string.IsNullOrWhiteSpace(presented))
        {
            counters.ApiKeyFailures.Record(AddressKey, FailureWindow);
            return AuthenticateResult.NoResult();
        }

        var key = await keys.ValidateAsync(presented.ToString(), Context.RequestAborted);
        if (key is null)
        {
            counters.ApiKeyFailures.Record(AddressKey, FailureWindow);
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        Claim[] claims =
        [
            new(ClaimTypes.Name, key.Name),
            new(KeyIdClaim, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ScopeClaim, ApiKeyScope.Read.ToString()),
            .. key.Scope == ApiKeyScope.Write ? [new Claim(ScopeClaim, ApiKeyScope.Write.ToString())] : Array.Empty<Claim>(),
        ];
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_pausedFor is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Response.WriteAsJsonAsync(new
            {
                type = "https://tools.ietf.org/html/rfc6585#section-4",
                title = "Too many requests",
                status = 429,
                detail = $"Too many requests without a valid API key came from your address. Retry after {seconds} seconds.",
            }, ApiProblem.SerializerOptions, ApiProblem.ContentType);
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        return Response.WriteAsJsonAsync(new
        {
            type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            title = "Unauthorized",
            status = 401,
            detail = $"Send a valid, unrevoked API key in the {HeaderName} header.",
        }, ApiProblem.SerializerOptions, ApiProblem.ContentType);
    }
}
