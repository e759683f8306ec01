using CxDashboard.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Admin;

/// <summary>Admin pages post, then redirect back with a one-line message (post/redirect/get).</summary>
public abstract class AdminPageModel : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    [TempData] public bool StatusSucceeded { get; set; }

    protected IActionResult BackWith(AdminResult result, object? routeValues = null)
    {
        StatusMessage = result.Message;
        StatusSucceeded = result.Succeeded;
        return RedirectToPage(null, routeValues);
    }
}
