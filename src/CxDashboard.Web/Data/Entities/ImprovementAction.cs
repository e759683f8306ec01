namespace CxDashboard.Web.Data.Entities;

public enum ImprovementActionStatus
{
    Open = 1,
    InProgress = 2,
    Done = 3,
    Dropped = 4,
}

/// <summary>Something the organisation will do to raise one capability, with an owner and a due date; optionally from a round.</summary>
public class ImprovementAction
{
    public int Id { get; set; }
    public required string CapabilityKey { get; set; }
    public required string Title { get; set; }
    public string? Notes { get; set; }
    public required string OwnerUserId { get; set; }
    public AppUser? Owner { get; set; }
    public DateOnly DueDate { get; set; }
    public ImprovementActionStatus Status { get; set; } = ImprovementActionStatus.Open;
    public int? RoundId { get; set; }
    public MaturityRound? Round { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The local date it was marked done (for "done on time").</summary>
    public DateOnly? CompletedOn { get; set; }
}
