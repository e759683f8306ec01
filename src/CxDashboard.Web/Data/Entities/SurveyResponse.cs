namespace CxDashboard.Web.Data.Entities;

public enum SurveyResponseKind
{
    /// <summary>Rates a contact: counts in CSAT, survey FCR and NPS.</summary>
    PostContact = 1,

    /// <summary>Answers a follow-up survey after a callback: counts only in the recovery rate, never in contact KPIs.</summary>
    CallbackFollowUp = 2,
}

public class SurveyResponse
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }

    /// <summary>The contact this response rates: its period, team, agent, channel and reason are the response's.</summary>
    public long ContactId { get; set; }
    public Contact? Contact { get; set; }
    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>1–5.</summary>
    public int Csat { get; set; }

    /// <summary>"Was your issue resolved in this contact?"; null when not answered.</summary>
    public bool? Resolved { get; set; }

    /// <summary>0–10 "would you recommend"; null when the survey did not carry it or it was skipped.</summary>
    public int? Nps { get; set; }
    public string? Comment { get; set; }

    public SurveyResponseKind Kind { get; set; } = SurveyResponseKind.PostContact;

    /// <summary>For a callback follow-up: the case it follows up.</summary>
    public long? CallbackCaseId { get; set; }
}
