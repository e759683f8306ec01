using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Account;

public class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/Login");

    /// <summary>Ends the session on the server too: a copy of the cookie kept from before no longer works.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutEverywhereAsync(User);
        return RedirectToPage("/Account/Login");
    }
}
