using System.Text.Json;

namespace CxDashboard.Web.Features.Api;

/// <summary>
/// Errors written by hand outside MVC (authentication challenges, rate-limit rejections) go out as the same
/// RFC 9457 problem details as the rest of the API, so a client parses every API error one way.
/// </summary>
public static class ApiProblem
{
    public const string ContentType = "application/problem+json";

    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);
}
