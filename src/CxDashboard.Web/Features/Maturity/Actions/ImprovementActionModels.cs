using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Web.Features.Maturity.Actions;

/// <summary>An improvement action as lists show it. Overdue: open or in progress after its due date.</summary>
public sealed record ImprovementActionView(
    int Id,
    string CapabilityKey,
    string CapabilityName,
    string Title,
    string? Notes,
    string OwnerUserId,
    string OwnerName,
    DateOnly DueDate,
    ImprovementActionStatus Status,
    int? RoundId,
    string? RoundName,
    DateOnly? CompletedOn,
    bool IsOverdue)
{
    public bool IsActive => Status is ImprovementActionStatus.Open or ImprovementActionStatus.InProgress;
}

public sealed record ImprovementActionForm
{
    public string? CapabilityKey { get; init; }
    public string? Title { get; init; }
    public string? Notes { get; init; }
    public string? OwnerUserId { get; init; }
    public DateOnly? DueDate { get; init; }
    public ImprovementActionStatus Status { get; init; } = ImprovementActionStatus.Open;
    public int? RoundId { get; init; }
}

public sealed record ImprovementActionFilter
{
    public string? CapabilityKey { get; init; }
    public int? RoundId { get; init; }
    public ImprovementActionStatus? Status { get; init; }
    public string? OwnerUserId { get; init; }

    /// <summary>Only open and in-progress actions.</summary>
    public bool ActiveOnly { get; init; }
    public bool OverdueOnly { get; init; }
}

public static class ImprovementActionStatusText
{
    public static readonly IReadOnlyList<ImprovementActionStatus> All =
        [ImprovementActionStatus.Open, ImprovementActionStatus.InProgress, ImprovementActionStatus.Done, ImprovementActionStatus.Dropped];

    public static string Describe(ImprovementActionStatus status) => Presentation.Vocabulary.Current[$"ImprovementActionStatus.{status}"];

    public static string Code(ImprovementActionStatus status) => status switch
    {
        ImprovementActionStatus.InProgress => "in-progress",
        _ => status.ToString().ToLowerInvariant(),
    };
}
