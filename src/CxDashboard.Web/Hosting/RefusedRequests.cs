using System.Globalization;
using CxDashboard.Web.Features.Requests;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// Answers a <see cref="RequestRefusedException"/> from any page, handler or API endpoint with its status and message:
/// JSON problem details under /api, otherwise the error page (re-executed by the status code pages) showing the message.
/// </summary>
public sealed class RefusedRequestMiddleware(RequestDelegate next)
{
    /// <summary>Where the message waits for the error page in <see cref="HttpContext.Items"/>.</summary>
    public const string MessageKey = "CxDashboard.RefusedRequest";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (RequestRefusedException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = e.StatusCode;
            if (e.RetryAfter is { } wait)
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            if (ApiProblemResponses.IsApi(context.Request.Path))
            {
                await ApiProblemResponses.WriteAsync(context, e.StatusCode, e.Message);
                return;
            }
            context.Items[MessageKey] = e.Message;
        }
    }
}

/// <summary>Problem details (RFC 9457) for every error under /api, whichever part of the app produced it.</summary>
public static class ApiProblemResponses
{
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    public static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad request",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        StatusCodes.Status413PayloadTooLarge => "Request too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        >= 500 => "Server error",
        _ => "Request not accepted",
    };

    public static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status404NotFound => "There is no API endpoint at this address; see /openapi/v1.json.",
        StatusCodes.Status405MethodNotAllowed => "This endpoint does not take this HTTP method; see /openapi/v1.json.",
        >= 500 => "The request could not be completed and nothing was changed by it. If it happens again, give an administrator the traceId.",
        _ => "The request was not accepted.",
    };

    public static Task WriteAsync(HttpContext context, int status, string? detail)
    {
        context.Response.StatusCode = status;
        return Results.Problem(detail ?? DefaultDetail(status), statusCode: status, title: Title(status),
            extensions: new Dictionary<string, object?> { ["traceId"] = context.TraceIdentifier }).ExecuteAsync(context);
    }
}
