using System.Security.Claims;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Accounts;

/// <summary>
/// Checks a sign-in cookie against the database on every request: the cookie carries the user's security stamp,
/// and signing out, a password change, a role change and disabling all give the user a new one, so a cookie copied
/// before any of them is refused at once (and on every instance sharing the database). One small query by primary
/// key; Identity's own validator still refreshes the cookie's claims at its interval.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stampClaim = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampClaim);
        var db = context.HttpContext.RequestServices.GetRequiredService<CxDbContext>();
        var current = userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || current.IsDisabled || stamp is null || current.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>Signs the user out and gives them a new security stamp, which ends every copy of their cookie.</summary>
    public static async Task SignOutEverywhereAsync(this SignInManager<AppUser> signIn, ClaimsPrincipal principal)
    {
        if (await signIn.UserManager.GetUserAsync(principal) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
    }
}
