namespace CxDashboard.Web.Features.Requests;

/// <summary>
/// A request the app will not carry out, with a message for the person who sent it: a period out of bounds, a filter
/// outside the user's teams, an export while too many run. Thrown where the input is parsed or checked; the web
/// answers it with its status (a page with the message, or JSON problem details under /api) and the CLI with exit 2.
/// </summary>
public class RequestRefusedException(string message, int statusCode = StatusCodes.Status400BadRequest, TimeSpan? retryAfter = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>When trying again later may work (e.g. 429), how long to wait.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
