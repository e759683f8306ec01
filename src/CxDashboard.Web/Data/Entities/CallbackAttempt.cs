namespace CxDashboard.Web.Data.Entities;

public enum CallbackChannel
{
    Phone = 1,
    TextMessage = 2,
    Email = 3,
}

public enum CallbackAttemptResult
{
    Reached = 1,
    NoAnswer = 2,
    LeftMessage = 3,
    WrongNumber = 4,
}

/// <summary>One try to reach the customer: when, how, what happened and a note.</summary>
public class CallbackAttempt
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public CallbackCase? Case { get; set; }
    public DateTime AttemptedAtUtc { get; set; }
    public CallbackChannel Channel { get; set; }
    public CallbackAttemptResult Result { get; set; }
    public string? Note { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }

    /// <summary>When it was logged (an attempt may be logged after the fact).</summary>
    public DateTime RecordedAtUtc { get; set; }
}
