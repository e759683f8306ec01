using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Accounts;

/// <summary>
/// Identity's messages (password rules, taken e-mail addresses …) in the current language. The Swedish words are in
/// <c>Resources/Features/Accounts/LocalizedIdentityErrorDescriber.sv.resx</c>, keyed by Identity's error code; English
/// keeps Identity's own text.
/// </summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<LocalizedIdentityErrorDescriber> text) : IdentityErrorDescriber
{
    private IdentityError Localised(IdentityError error, params object[] arguments)
    {
        var found = text[error.Code, arguments];
        if (!found.ResourceNotFound) error.Description = found.Value;
        return error;
    }

    public override IdentityError DefaultError() => Localised(base.DefaultError());
    public override IdentityError ConcurrencyFailure() => Localised(base.ConcurrencyFailure());
    public override IdentityError PasswordMismatch() => Localised(base.PasswordMismatch());
    public override IdentityError InvalidToken() => Localised(base.InvalidToken());
    public override IdentityError InvalidUserName(string? userName) => Localised(base.InvalidUserName(userName), userName ?? "");
    public override IdentityError InvalidEmail(string? email) => Localised(base.InvalidEmail(email), email ?? "");
    public override IdentityError DuplicateUserName(string userName) => Localised(base.DuplicateUserName(userName), userName);
    public override IdentityError DuplicateEmail(string email) => Localised(base.DuplicateEmail(email), email);
    public override IdentityError InvalidRoleName(string? role) => Localised(base.InvalidRoleName(role), role ?? "");
    public override IdentityError DuplicateRoleName(string role) => Localised(base.DuplicateRoleName(role), role);
    public override IdentityError UserAlreadyInRole(string role) => Localised(base.UserAlreadyInRole(role), role);
    public override IdentityError UserNotInRole(string role) => Localised(base.UserNotInRole(role), role);
    public override IdentityError PasswordTooShort(int length) => Localised(base.PasswordTooShort(length), length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Localised(base.PasswordRequiresUniqueChars(uniqueChars), uniqueChars);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Localised(base.PasswordRequiresNonAlphanumeric());
    public override IdentityError PasswordRequiresDigit() => Localised(base.PasswordRequiresDigit());
    public override IdentityError PasswordRequiresLower() => Localised(base.PasswordRequiresLower());
    public override IdentityError PasswordRequiresUpper() => Localised(base.PasswordRequiresUpper());
}
