using CxDashboard.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Admin;

/// <summary>Admin pages post, then redirect back with a one-line message (post/redirect/get).</summary>
public abstract class AdminPageModel : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    [TempData] public bool StatusSucceeded { get; set; }

    /// <summary>The element the message belongs to (the row just saved), when the page shows it there.</summary>
    [TempData] public string? StatusAnchor { get; set; }

    /// <param name="fragment">An element to return to (e.g. the table row just saved), so the user is back where they were.</param>
    protected IActionResult BackWith(AdminResult result, object? routeValues = null, string? fragment = null)
    {
        StatusMessage = result.Message;
        StatusSucceeded = result.Succeeded;
        StatusAnchor = fragment;
        return RedirectToPage(null, null, routeValues, fragment);
    }
}
