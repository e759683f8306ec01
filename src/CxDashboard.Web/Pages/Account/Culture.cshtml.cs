using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Account;

/// <summary>
/// The top bar's language switch: one choice sets both the words and the number/date format (sv-SE or en-GB). It is
/// remembered in the <c>.AspNetCore.Culture</c> cookie and, for a signed-in user, saved on the user so the next
/// sign-in (another browser, another device) starts in it. Goes back only to a page of this site.
/// </summary>
public class CultureModel(UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        if (Localisation.Supported(culture) is { } chosen)
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, Localisation.CookieValue(chosen),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.Culture != chosen)
            {
                user.Culture = chosen;
                await users.UpdateAsync(user);
            }
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
