namespace CxDashboard.Web.Data.Entities;

/// <summary>The flagging rule that put a customer on the callback list.</summary>
public enum CallbackRule
{
    /// <summary>A post-contact response with CSAT at or below the threshold (default 2).</summary>
    LowCsat = 1,

    /// <summary>A post-contact response saying "not resolved" with CSAT at or below its threshold (default 3).</summary>
    NotResolved = 2,

    /// <summary>The customer's N-th contact within the window (default 3 contacts in 7 days).</summary>
    RepeatContacts = 3,
}

/// <summary>
/// Why a case exists: one survey response or one repeat contact. A response triggers at most once and a contact
/// at most once as a repeat (unique indexes), so reruns and concurrent runs of the job add nothing twice.
/// </summary>
public class CallbackTrigger
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public CallbackCase? Case { get; set; }
    public CallbackRule Rule { get; set; }

    /// <summary>The trigger's time: the response's received_at, or the repeat contact's started_at.</summary>
    public DateTime TriggeredAtUtc { get; set; }

    /// <summary>For a response rule: the response.</summary>
    public long? SurveyResponseId { get; set; }
    public SurveyResponse? SurveyResponse { get; set; }

    /// <summary>The rated contact (response rules) or the repeat contact that completed the count (repeat rule).</summary>
    public long ContactId { get; set; }
    public Contact? Contact { get; set; }

    /// <summary>The response's CSAT (response rules), kept for priority and display.</summary>
    public int? Csat { get; set; }

    /// <summary>Repeat rule: how many contacts the customer made within the window ending at this one.</summary>
    public int? ContactsInWindow { get; set; }

    /// <summary>When the job added this trigger (later than the case's creation when it joined an open case).</summary>
    public DateTime AddedAtUtc { get; set; }
}
