namespace CxDashboard.Web.Data.Entities;

/// <summary>A user who receives the monthly report by e-mail when it is made (their teams' version when team-limited).</summary>
public class ReportSubscription
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Who subscribed them: themselves, or an administrator.</summary>
    public required string CreatedBy { get; set; }
}

public enum ReportDeliveryStatus
{
    /// <summary>Waiting for its job (or for a retry after a failure).</summary>
    Pending = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>One e-mail of a month's report to one person: to whom, which version, and how it went.</summary>
public class ReportDelivery
{
    public int Id { get; set; }
    public DateOnly Month { get; set; }
    public string? UserId { get; set; }
    public required string Recipient { get; set; }

    /// <summary>"everything" or "teams:2,5": which version of the report was attached.</summary>
    public required string Scope { get; set; }
    public ReportDeliveryStatus Status { get; set; } = ReportDeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTime QueuedAtUtc { get; set; }
    public DateTime? LastAttemptAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }

    /// <summary>The last failure, short (the SMTP server's answer or the connection error).</summary>
    public string? Error { get; set; }
}
