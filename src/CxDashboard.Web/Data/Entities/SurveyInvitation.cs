namespace CxDashboard.Web.Data.Entities;

/// <summary>
/// A link to the hosted survey (/s/{token}) for one contact: unguessable, single use, expiring. Its answer becomes a
/// survey response of that contact, of the invitation's kind (a post-contact survey, or a callback follow-up).
/// </summary>
public class SurveyInvitation
{
    public long Id { get; set; }

    /// <summary>SHA-256 of the link's random token (<see cref="Features.Surveys.LinkTokens"/>); unique. The token itself is not kept.</summary>
    public required string TokenHash { get; set; }
    public long ContactId { get; set; }
    public Contact? Contact { get; set; }
    public SurveyResponseKind Kind { get; set; } = SurveyResponseKind.PostContact;

    /// <summary>For a follow-up: the callback case it follows up.</summary>
    public long? CallbackCaseId { get; set; }

    /// <summary>sv or en: the language the survey opens in (the respondent can switch).</summary>
    public string Language { get; set; } = "sv";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>Set when answered; a used invitation cannot be answered again.</summary>
    public DateTime? AnsweredAtUtc { get; set; }
    public long? ResponseId { get; set; }
}
