namespace CxDashboard.Web.Data.Entities;

public enum CallbackCaseStatus
{
    Open = 1,
    Closed = 2,
}

/// <summary>How a callback ended (domain.md: all four are needed to close a case).</summary>
public enum CallbackOutcome
{
    ReachedResolved = 1,
    ReachedNotResolved = 2,
    Unreachable = 3,
    Declined = 4,
}

/// <summary>
/// A dissatisfied customer to call back. At most one open case per customer (a filtered unique index): later
/// triggers join it. Every change goes through the case service, which bumps <see cref="Version"/> (the
/// optimistic-concurrency token, so two people claiming at once cannot both win) and writes an audit event.
/// </summary>
public class CallbackCase
{
    public long Id { get; set; }
    public long CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public CallbackCaseStatus Status { get; set; } = CallbackCaseStatus.Open;

    /// <summary>The team of the contact behind the first trigger: whose managers see the case; null for self-service.</summary>
    public int? TeamId { get; set; }
    public Team? Team { get; set; }

    /// <summary>When the flagging job opened the case.</summary>
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The earliest trigger's time (a response's received_at, or the repeat contact's started_at): the SLA counts from here.</summary>
    public DateTime FirstTriggeredAtUtc { get; set; }

    /// <summary>The first trigger's time plus the SLA in working hours (the working-hours calendar).</summary>
    public DateTime DueAtUtc { get; set; }

    /// <summary>1–100, higher first; see <see cref="Features.Callbacks.CallbackPriority"/>. Refreshed by the escalation job as cases age.</summary>
    public int Priority { get; set; }

    public string? AssignedToUserId { get; set; }
    public AppUser? AssignedTo { get; set; }
    public DateTime? AssignedAtUtc { get; set; }

    /// <summary>The earliest logged contact attempt: the SLA is met when this is at or before <see cref="DueAtUtc"/>.</summary>
    public DateTime? FirstAttemptAtUtc { get; set; }
    public int AttemptCount { get; set; }

    /// <summary>Set by the escalation job when the case passed its due time without an attempt.</summary>
    public DateTime? EscalatedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }
    public string? ClosedByUserId { get; set; }
    public CallbackOutcome? Outcome { get; set; }

    /// <summary>Why the customer was really dissatisfied, as a contact reason (may differ from the contact's reason).</summary>
    public int? RootCauseReasonId { get; set; }
    public ContactReason? RootCauseReason { get; set; }
    public string? ClosingNote { get; set; }

    /// <summary>Optimistic-concurrency token: incremented by every change.</summary>
    public int Version { get; set; }

    public List<CallbackTrigger> Triggers { get; set; } = [];
    public List<CallbackAttempt> Attempts { get; set; } = [];
    public List<CallbackCaseEvent> Events { get; set; } = [];
}
