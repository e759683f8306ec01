using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Surveys;

public enum SurveyState
{
    Open,
    Answered,
    Expired,
    Unknown,
}

/// <summary>What the survey page needs to know about a link: its state, and the contact it asks about.</summary>
public sealed record SurveyContext(
    SurveyState State,
    SurveyResponseKind Kind,
    string Language,
    string OrganisationName,
    DateOnly? ContactDate,
    Channel? Channel,
    DateOnly? ExpiresOn)
{
    public static SurveyContext Unknown(string organisation) => new(SurveyState.Unknown, SurveyResponseKind.PostContact, "sv", organisation, null, null, null);
}

/// <summary>An answer as the form sends it; <see cref="SurveyAnswerRules"/> decides whether it is complete.</summary>
public sealed record SurveyAnswer(int? Csat, bool? Resolved, int? Nps, string? Comment);

public enum SurveyAnswerField
{
    Csat,
    Resolved,
    Nps,
    Comment,
}

/// <summary>The survey's rules: CSAT 1–5 and "resolved?" are required, NPS 0–10 and a comment (≤ 4,000 characters) optional.</summary>
public static class SurveyAnswerRules
{
    public const int MaxCommentLength = 4000;

    public static IReadOnlyList<SurveyAnswerField> Problems(SurveyAnswer answer)
    {
        var problems = new List<SurveyAnswerField>();
        if (answer.Csat is not (>= 1 and <= 5)) problems.Add(SurveyAnswerField.Csat);
        if (answer.Resolved is null) problems.Add(SurveyAnswerField.Resolved);
        if (answer.Nps is { } nps && nps is < 0 or > 10) problems.Add(SurveyAnswerField.Nps);
        if (Normalise(answer.Comment) is { Length: > MaxCommentLength }) problems.Add(SurveyAnswerField.Comment);
        return problems;
    }

    /// <summary>Trimmed, with Windows line breaks made plain; null when empty.</summary>
    public static string? Normalise(string? comment) =>
        string.IsNullOrWhiteSpace(comment) ? null : comment.Replace("\r\n", "\n").Trim();
}

public enum SubmitOutcome
{
    Accepted,
    Invalid,
    AlreadyAnswered,
    Expired,
    Unknown,
}

/// <summary>
/// Reads survey links and records their answers. An answer becomes a survey response of the link's contact, of the
/// link's kind (a post-contact answer counts in the KPIs at once; a callback follow-up only in the recovery rate).
/// A link is claimed and its response written in one transaction, so two answers racing on one link give one response.
/// </summary>
public sealed class SurveyAnswerService(
    CxDbContext db,
    OrganisationSettingsService organisation,
    IEnumerable<IImportListener> listeners,
    TimeProvider clock)
{
    public async Task<SurveyContext> FindAsync(string token, CancellationToken ct = default)
    {
        var settings = await organisation.GetAsync(ct);
        var invitation = await FindInvitationAsync(token, ct);
        if (invitation is null) return SurveyContext.Unknown(settings.Name);

        var time = await organisation.GetTimeAsync(ct);
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == invitation.ContactId)
            .Select(c => new { c.LocalDate, c.Channel }).SingleAsync(ct);
        return new SurveyContext(StateOf(invitation), invitation.Kind, invitation.Language, settings.Name,
            contact.LocalDate, contact.Channel, time.LocalDateOf(invitation.ExpiresAtUtc));
    }

    public async Task<SubmitOutcome> SubmitAsync(string token, SurveyAnswer answer, CancellationToken ct = default)
    {
        var invitation = await FindInvitationAsync(token, ct);
        if (invitation is null) return SubmitOutcome.Unknown;
        var state = StateOf(invitation);
        if (state != SurveyState.Open) return Refusal(state);
        if (SurveyAnswerRules.Problems(answer).Count > 0) return SubmitOutcome.Invalid;

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Claim the link first: only one of two simultaneous answers finds it unanswered.
            var claimed = await db.SurveyInvitations
                .Where(i => i.Id == invitation.Id && i.AnsweredAtUtc == null && i.ExpiresAtUtc > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AnsweredAtUtc, now), ct);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(ct);
                return SubmitOutcome.AlreadyAnswered;
            }
            var response = new SurveyResponse
            {
                ExternalId = ExternalIdFor(invitation.Id),
                ContactId = invitation.ContactId,
                ReceivedAtUtc = now,
                Csat = answer.Csat!.Value,
                Resolved = answer.Resolved,
                Nps = answer.Nps,
                Comment = SurveyAnswerRules.Normalise(answer.Comment),
                Kind = invitation.Kind,
                CallbackCaseId = invitation.CallbackCaseId,
            };
            db.SurveyResponses.Add(response);
            await db.SaveChangesAsync(ct);
            await db.SurveyInvitations.Where(i => i.Id == invitation.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ResponseId, response.Id), ct);
            await transaction.CommitAsync(ct);
        }

        // The same hook as imports and API batches, so e.g. a dissatisfied answer can be flagged for a callback at once.
        var result = new ImportResult { Kind = ImportKind.SurveyResponses, Outcome = ImportOutcome.Imported, Rows = 1, Inserted = 1 };
        foreach (var listener in listeners) await listener.OnImportedAsync(result, ct);
        return SubmitOutcome.Accepted;
    }

    /// <summary>The response's external id: one per link, so it can never clash with itself.</summary>
    public static string ExternalIdFor(long invitationId) => $"survey-{invitationId}";

    private async Task<SurveyInvitation?> FindInvitationAsync(string token, CancellationToken ct) =>
        LinkTokens.LookupHash(token) is not { } hash
            ? null
            : await db.SurveyInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);

    private SurveyState StateOf(SurveyInvitation invitation) =>
        invitation.AnsweredAtUtc is not null ? SurveyState.Answered
        : invitation.ExpiresAtUtc <= clock.GetUtcNow().UtcDateTime ? SurveyState.Expired
        : SurveyState.Open;

    private static SubmitOutcome Refusal(SurveyState state) => state switch
    {
        SurveyState.Answered => SubmitOutcome.AlreadyAnswered,
        SurveyState.Expired => SubmitOutcome.Expired,
        _ => SubmitOutcome.Unknown,
    };
}
