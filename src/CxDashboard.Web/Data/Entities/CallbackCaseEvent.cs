namespace CxDashboard.Web.Data.Entities;

public enum CallbackEventKind
{
    Flagged = 1,
    TriggerAdded = 2,
    Claimed = 3,
    Assigned = 4,
    Released = 5,
    AttemptLogged = 6,
    Escalated = 7,
    Closed = 8,
    FollowUpCreated = 9,
}

/// <summary>The audit trail of a case: who (null for the system's jobs) did what, when, in words.</summary>
public class CallbackCaseEvent
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public CallbackCase? Case { get; set; }
    public DateTime AtUtc { get; set; }
    public CallbackEventKind Kind { get; set; }

    /// <summary>The user who made the change; null when a job did.</summary>
    public string? UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Detail { get; set; }
}
