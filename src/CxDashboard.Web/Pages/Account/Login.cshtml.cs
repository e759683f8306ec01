using System.ComponentModel.DataAnnotations;
using CxDashboard.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Pages.Account;

public class LoginModel(LoginService login, IOptionsMonitor<LoginOptions> options, IStringLocalizer<LoginModel> text) : PageModel
{
    // The messages are the framework's English ones, named so the validation resources can translate them.
    [BindProperty, Required(ErrorMessage = "The {0} field is required."), EmailAddress(ErrorMessage = "The {0} field is not a valid e-mail address."), Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "The {0} field is required."), DataType(DataType.Password), Display(Name = "Password")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public string PauseRule => text[LoginText.PauseRule, options.CurrentValue.MaxFailuresPerAccount, options.CurrentValue.AccountPauseMinutes];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await login.SignInAsync(HttpContext, Email, Password);
        if (result.Outcome == LoginOutcome.SignedIn) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Error = result.Describe(text);
        return Page();
    }
}
