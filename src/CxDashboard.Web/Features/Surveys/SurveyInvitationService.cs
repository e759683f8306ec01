using System.Security.Cryptography;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Surveys;

public sealed record IssuedInvitation(long ContactId, string ContactExternalId, string Token, string Path, DateTime ExpiresAtUtc);

/// <summary>Creates hosted-survey links (/s/{token}) for contacts: post-contact surveys and callback follow-ups.</summary>
public sealed class SurveyInvitationService(CxDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public const int DefaultExpiryDays = 14;

    public int ExpiryDays => configuration.GetValue("Surveys:ExpiryDays", DefaultExpiryDays);

    public async Task<IssuedInvitation> CreateAsync(long contactId, SurveyResponseKind kind = SurveyResponseKind.PostContact,
        long? callbackCaseId = null, string language = "sv", CancellationToken ct = default)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => new { c.Id, c.ExternalId }).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new SurveyInvitation
        {
            Token = NewToken(),
            ContactId = contact.Id,
            Kind = kind,
            CallbackCaseId = callbackCaseId,
            Language = language is "en" ? "en" : "sv",
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(ExpiryDays),
        };
        db.SurveyInvitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return new IssuedInvitation(contact.Id, contact.ExternalId, invitation.Token, PathFor(invitation.Token), invitation.ExpiresAtUtc);
    }

    public static string PathFor(string token) => $"/s/{token}";

    /// <summary>128 random bits, URL-safe base64 (22 characters).</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
