using System.Security.Claims;
using CxDashboard.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Accounts;

/// <summary>Adds the user's display name (for the top bar) and saved language to the sign-in cookie.</summary>
public sealed class AppUserClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.UserName ?? "" : user.DisplayName));
        // The saved language travels in the cookie, so choosing it costs no query per request.
        if (Hosting.Localisation.Supported(user.Culture) is { } culture) identity.AddClaim(new Claim(Hosting.Localisation.CultureClaim, culture));
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(AppUserClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "";
}
