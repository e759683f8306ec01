using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Surveys;

public sealed record IssuedInvitation(long ContactId, string ContactExternalId, string Token, string Path, DateTime ExpiresAtUtc);

public enum SurveyLinkStatus
{
    /// <summary>A new link was made.</summary>
    Created,

    /// <summary>
    /// The contact has an open link already: no new one, so a customer never gets two surveys for one contact. Its URL
    /// cannot be given again (only a hash of each link is kept); the expiry is.
    /// </summary>
    Existing,

    /// <summary>The contact's survey was answered: no link (nothing to send).</summary>
    Answered,
}

/// <summary>One contact's post-contact survey link, for the contact centre's SMS or e-mail system to send (the path only when made now).</summary>
public sealed record SurveyLink(string ContactId, SurveyLinkStatus Status, string? Path, DateTime? ExpiresAtUtc);

/// <summary>A contact id in a batch that cannot get a link; <see cref="Index"/> is its place in the batch.</summary>
public sealed record SurveyLinkError(int Index, string? ContactId, string Message);

/// <summary>The links of a batch, or (when any id is bad) only the errors: then nothing was created.</summary>
public sealed record SurveyLinkBatch(IReadOnlyList<SurveyLink> Links, IReadOnlyList<SurveyLinkError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Creates hosted-survey links (/s/{token}) for contacts: post-contact surveys and callback follow-ups.</summary>
public sealed class SurveyInvitationService(CxDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public const int DefaultExpiryDays = 14;
    public const int MaxBatchSize = 10_000;

    public int ExpiryDays => configuration.GetValue("Surveys:ExpiryDays", DefaultExpiryDays);

    public async Task<IssuedInvitation> CreateAsync(long contactId, SurveyResponseKind kind = SurveyResponseKind.PostContact,
        long? callbackCaseId = null, string language = "sv", CancellationToken ct = default)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => new { c.Id, c.ExternalId }).SingleAsync(ct);
        var (invitation, token) = NewInvitation(contact.Id, kind, callbackCaseId, language, clock.GetUtcNow().UtcDateTime);
        db.SurveyInvitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return new IssuedInvitation(contact.Id, contact.ExternalId, token, PathFor(token), invitation.ExpiresAtUtc);
    }

    /// <summary>
    /// Post-contact survey links for contacts by their external ids (contact_id in files), in the order given.
    /// Idempotent: a contact with an open link or an answered survey gets no new link. All or nothing:
    /// when an id is empty or unknown, the errors are returned and no link is created.
    /// </summary>
    public async Task<SurveyLinkBatch> CreatePostContactLinksAsync(IReadOnlyList<string?> contactIds, string language, CancellationToken ct = default)
    {
        var errors = new List<SurveyLinkError>();
        if (contactIds.Count == 0) errors.Add(new SurveyLinkError(0, null, "no contact ids were given"));
        if (contactIds.Count > MaxBatchSize) errors.Add(new SurveyLinkError(MaxBatchSize, null, $"at most {MaxBatchSize} contacts per batch"));
        if (errors.Count > 0) return new SurveyLinkBatch([], errors);

        var wanted = contactIds.Select(id => id?.Trim()).ToList();
        var distinct = wanted.OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => distinct.Contains(c.ExternalId))
            .Select(c => new { c.Id, c.ExternalId }).ToDictionaryAsync(c => c.ExternalId, c => c.Id, StringComparer.Ordinal, ct);
        for (var i = 0; i < wanted.Count; i++)
        {
            if (string.IsNullOrEmpty(wanted[i])) errors.Add(new SurveyLinkError(i, wanted[i], "is empty"));
            else if (!contacts.ContainsKey(wanted[i]!)) errors.Add(new SurveyLinkError(i, wanted[i], $"no contact with id '{wanted[i]}'"));
        }
        if (errors.Count > 0) return new SurveyLinkBatch([], errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var ids = contacts.Values.ToList();
        var earlier = (await db.SurveyInvitations.AsNoTracking()
                .Where(i => ids.Contains(i.ContactId) && i.Kind == SurveyResponseKind.PostContact)
                .ToListAsync(ct))
            .ToLookup(i => i.ContactId);

        var byContact = new Dictionary<string, SurveyLink>(StringComparer.Ordinal);
        foreach (var externalId in distinct)
        {
            var contactId = contacts[externalId];
            var invitations = earlier[contactId].ToList();
            if (invitations.Any(i => i.AnsweredAtUtc is not null))
            {
                byContact[externalId] = new SurveyLink(externalId, SurveyLinkStatus.Answered, null, null);
                continue;
            }
            if (invitations.Where(i => i.ExpiresAtUtc > now).MaxBy(i => i.ExpiresAtUtc) is { } open)
            {
                byContact[externalId] = new SurveyLink(externalId, SurveyLinkStatus.Existing, null, open.ExpiresAtUtc);
                continue;
            }
            var (invitation, token) = NewInvitation(contactId, SurveyResponseKind.PostContact, null, language, now);
            db.SurveyInvitations.Add(invitation);
            byContact[externalId] = new SurveyLink(externalId, SurveyLinkStatus.Created, PathFor(token), invitation.ExpiresAtUtc);
        }
        await db.SaveChangesAsync(ct);
        return new SurveyLinkBatch(distinct.Select(id => byContact[id]).ToList(), []);
    }

    public static string PathFor(string token) => $"/s/{token}";

    /// <summary>sv or en; anything else opens in Swedish.</summary>
    public static string NormaliseLanguage(string? language) => language?.Trim().ToLowerInvariant() is "en" ? "en" : "sv";

    /// <summary>A new invitation (storing only its token's hash) and its token, for the one link made from it.</summary>
    private (SurveyInvitation Invitation, string Token) NewInvitation(long contactId, SurveyResponseKind kind, long? callbackCaseId, string language, DateTime now)
    {
        var token = LinkTokens.New();
        return (new SurveyInvitation
        {
            TokenHash = LinkTokens.Hash(token),
            ContactId = contactId,
            Kind = kind,
            CallbackCaseId = callbackCaseId,
            Language = NormaliseLanguage(language),
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(ExpiryDays),
        }, token);
    }
}
