using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CxDashboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Pages.Account;

public class LoginModel(LoginService login, IOptionsMonitor<LoginOptions> options) : PageModel
{
    [BindProperty, Required, EmailAddress, Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [BindProperty, Required, DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public string PauseRule => string.Format(CultureInfo.CurrentCulture, LoginText.PauseRule,
        options.CurrentValue.MaxFailuresPerAccount, options.CurrentValue.AccountPauseMinutes);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await login.SignInAsync(HttpContext, Email, Password);
        if (result.Outcome == LoginOutcome.SignedIn) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Error = result.Message;
        return Page();
    }
}
