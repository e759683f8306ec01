using System.Diagnostics;
using CxDashboard.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages;

[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }
    public int? Status { get; private set; }

    /// <summary>Why the request was refused (a period out of bounds, a team outside the user's), when it was.</summary>
    public string? RefusedMessage { get; private set; }

    /// <summary>The address that was asked for, without its query: the page to go back to.</summary>
    public string? BackTo { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? status)
    {
        Status = status;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        RefusedMessage = HttpContext.Items[RefusedRequestMiddleware.MessageKey] as string;
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
                           ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (originalPath is not null && ApiProblemResponses.IsApi(originalPath))
        {
            // API clients always get problem details, also for a missing route or an unexpected failure.
            await ApiProblemResponses.WriteAsync(HttpContext, status ?? StatusCodes.Status500InternalServerError, RefusedMessage);
            return new EmptyResult();
        }
        if (RefusedMessage is not null && originalPath is { Length: > 0 } && originalPath.StartsWith('/')) BackTo = originalPath;
        return Page();
    }

    /// <summary>A refused or failed post is re-executed here as a post: it gets the same answer as a get.</summary>
    public Task<IActionResult> OnPostAsync(int? status) => OnGetAsync(status);

    /// <summary>The heading in English; the page shows it through its resources.</summary>
    public string Title => RefusedMessage is not null
        ? Status switch
        {
            StatusCodes.Status403Forbidden => "Outside your access",
            StatusCodes.Status429TooManyRequests => "Busy: try again shortly",
            _ => "Not possible as asked",
        }
        : Status == StatusCodes.Status404NotFound ? "Not found" : "Something went wrong";
}
