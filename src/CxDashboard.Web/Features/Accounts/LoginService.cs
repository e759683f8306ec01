using System.Globalization;
using System.Security.Cryptography;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Accounts;

/// <summary>Sign-in limits (section <c>Login</c>).</summary>
public sealed class LoginOptions
{
    public const string Section = "Login";

    /// <summary>Failed sign-ins to one account from browsers it was never used in, after which such browsers are paused for that account.</summary>
    public int MaxFailuresPerAccount { get; set; } = 5;

    /// <summary>How long such a pause lasts; a browser the account signed in from before is not paused.</summary>
    public int AccountPauseMinutes { get; set; } = 15;

    /// <summary>Failed sign-ins from one client address (any accounts) within <see cref="AddressWindowMinutes"/> before it is paused.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;
    public int AddressWindowMinutes { get; set; } = 15;

    /// <summary>Days a browser stays recognised for an account after signing in to it.</summary>
    public int RecognisedBrowserDays { get; set; } = 180;
}

public enum LoginOutcome
{
    SignedIn,

    /// <summary>Every failure that could tell anything about an account: unknown e-mail, wrong password, paused account.</summary>
    Failed,

    /// <summary>The right password for a disabled account (only someone who knows the password learns it is disabled).</summary>
    Disabled,

    /// <summary>Too many failures from this client address, whatever the accounts.</summary>
    AddressPaused,
}

public sealed record LoginResult(LoginOutcome Outcome, TimeSpan RetryAfter = default)
{
    /// <summary>The message in English (the keys of the sign-in page's resources).</summary>
    public string? Message => Describe(null);

    /// <summary>The message in the current language: <see cref="LoginText"/> is the key, the sign-in page's resources the words.</summary>
    public string? Describe(IStringLocalizer? text)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalMinutes));
        return Outcome switch
        {
            LoginOutcome.Failed => text?[LoginText.Failed] ?? LoginText.Failed,
            LoginOutcome.Disabled => text?[LoginText.Disabled] ?? LoginText.Disabled,
            LoginOutcome.AddressPaused => text?[LoginText.AddressPaused, minutes] ?? string.Format(CultureInfo.CurrentCulture, LoginText.AddressPaused, minutes),
            _ => null,
        };
    }
}

/// <summary>The sign-in page's messages in English: the keys of <c>Resources/Pages/Account/LoginModel.sv.resx</c>.</summary>
public static class LoginText
{
    public const string Failed = "The e-mail or password is not right.";
    public const string Disabled = "This account is disabled. Ask an administrator.";
    public const string AddressPaused = "Too many failed sign-ins from your connection. Try again in {0} minutes.";
    public const string PauseRule = "After {0} failed attempts, an account can be signed in to for {1} minutes only from browsers it was used in before.";
}

/// <summary>
/// Password sign-in that tells an attacker nothing about accounts: every failure gives the same message after the
/// same work (one password hash check, also for unknown e-mails and paused accounts). Guessing is slowed twice:
/// per client address (in memory), and per account, where repeated failures pause the account only for browsers it
/// was never used in; a browser that signed in to the account before carries a signed cookie saying so and is not
/// paused, so an attacker cannot use the pause to keep the account's owner out (the "device cookie" pattern).
/// </summary>
public sealed class LoginService(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IPasswordHasher<AppUser> hasher,
    CxDbContext db,
    AttemptCounters counters,
    IDataProtectionProvider protection,
    IOptionsMonitor<LoginOptions> options,
    TimeProvider clock)
{
    public const string BrowserCookie = "CxDashboard.Browser";
    private const string BrowserPurpose = "CxDashboard.Login.RecognisedBrowser.v1";

    private static string? _unusedHash;

    public async Task<LoginResult> SignInAsync(HttpContext http, string email, string password)
    {
        var o = options.CurrentValue;
        var now = clock.GetUtcNow();
        var addressKey = "login:" + ClientAddress.Of(http);
        var addressWindow = TimeSpan.FromMinutes(Math.Max(1, o.AddressWindowMinutes));
        var pause = TimeSpan.FromMinutes(Math.Max(1, o.AccountPauseMinutes));

        var user = await users.FindByEmailAsync(email);
        var browserKey = user is null ? null : RecognisedBrowserKey(http, user, now, o);
        if (browserKey is not null && counters.Login.IsOverLimit(browserKey, o.MaxFailuresPerAccount, pause, out _)) browserKey = null;
        if (browserKey is null && counters.Login.IsOverLimit(addressKey, o.MaxFailuresPerAddress, addressWindow, out var retryAfter))
            return new LoginResult(LoginOutcome.AddressPaused, retryAfter);

        // One hash check on every path, so the answer takes as long for an unknown e-mail or a paused account.
        var passwordRight = user is null ? CheckAgainstUnusedHash(password) : await users.CheckPasswordAsync(user, password);
        var paused = user is not null && browserKey is null && user.LockoutEnd > now;
        if (user is null || paused || !passwordRight)
        {
            counters.Login.Record(addressKey, addressWindow);
            if (user is not null && !paused)
            {
                if (browserKey is not null) counters.Login.Record(browserKey, pause);
                else await CountAccountFailureAsync(user.Id, o.MaxFailuresPerAccount, now + pause);
            }
            return new LoginResult(LoginOutcome.Failed);
        }
        if (user.IsDisabled) return new LoginResult(LoginOutcome.Disabled);

        if (user.AccessFailedCount > 0 || user.LockoutEnd is not null)
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null));
        await signIn.SignInAsync(user, isPersistent: false);
        RememberBrowser(http, user, now, o);
        return new LoginResult(LoginOutcome.SignedIn);
    }

    /// <summary>Counts a failure from an unrecognised browser; at the limit the account pauses for such browsers.</summary>
    private async Task CountAccountFailureAsync(string userId, int maxFailures, DateTimeOffset pausedUntil)
    {
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1));
        await db.Users.Where(u => u.Id == userId && u.AccessFailedCount >= maxFailures)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, pausedUntil));
    }

    private bool CheckAgainstUnusedHash(string password)
    {
        var nobody = new AppUser();
        _unusedHash ??= hasher.HashPassword(nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(nobody, _unusedHash, password);
        return false;
    }

    private IDataProtector BrowserProtector => protection.CreateProtector(BrowserPurpose);

    /// <summary>The counter key of this browser for this account when its cookie is genuine, for this account and not expired.</summary>
    private string? RecognisedBrowserKey(HttpContext http, AppUser user, DateTimeOffset now, LoginOptions o)
    {
        if (http.Request.Cookies[BrowserCookie] is not { Length: > 0 } cookie) return null;
        string plain;
        try
        {
            plain = BrowserProtector.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = plain.Split('|');
        if (parts.Length != 3 || parts[0] != user.Id || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var issuedTicks)) return null;
        var issued = new DateTimeOffset(issuedTicks, TimeSpan.Zero);
        return now - issued <= TimeSpan.FromDays(o.RecognisedBrowserDays) ? "browser:" + parts[2] : null;
    }

    private void RememberBrowser(HttpContext http, AppUser user, DateTimeOffset now, LoginOptions o)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var value = BrowserProtector.Protect(string.Join('|', user.Id, now.UtcTicks.ToString(CultureInfo.InvariantCulture), nonce));
        http.Response.Cookies.Append(BrowserCookie, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/Account",
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(o.RecognisedBrowserDays),
        });
    }
}
