using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Data.Entities;

public enum CoachingActionStatus
{
    Open = 1,
    InProgress = 2,
    Done = 3,
    Dropped = 4,
}

/// <summary>What one agent will work on with their manager, by when; optionally aimed at a KPI and a contact reason.</summary>
public class CoachingAction
{
    public int Id { get; set; }
    public int AgentId { get; set; }
    public Agent? Agent { get; set; }

    /// <summary>What to work on, e.g. "Confirm the fault is fixed before ending the call".</summary>
    public required string Title { get; set; }
    public string? Notes { get; set; }

    /// <summary>The KPI the action should move, if any.</summary>
    public KpiKind? FocusKpi { get; set; }

    /// <summary>The contact reason it is about, if any (e.g. the reason with the most repeats).</summary>
    public int? ReasonId { get; set; }
    public ContactReason? Reason { get; set; }

    public DateOnly DueDate { get; set; }
    public CoachingActionStatus Status { get; set; } = CoachingActionStatus.Open;
    public required string CreatedByUserId { get; set; }
    public AppUser? CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The local date it was marked done.</summary>
    public DateOnly? CompletedOn { get; set; }
}
