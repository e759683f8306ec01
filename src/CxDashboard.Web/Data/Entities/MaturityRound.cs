namespace CxDashboard.Web.Data.Entities;

public enum MaturityRoundStatus
{
    Open = 1,
    Closed = 2,
}

/// <summary>An assessment round: chosen raters score every statement of the model version it was opened with.</summary>
public class MaturityRound
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The date the assessment is "as of" (orders rounds; the previous round is the closed one before it).</summary>
    public DateOnly AssessedOn { get; set; }
    public int ModelVersionId { get; set; }
    public MaturityModelVersion? ModelVersion { get; set; }
    public MaturityRoundStatus Status { get; set; } = MaturityRoundStatus.Open;
    public DateTime OpenedAtUtc { get; set; }
    public string? OpenedByUserId { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public string? ClosedByUserId { get; set; }

    public List<MaturityRoundTarget> Targets { get; set; } = [];
    public List<MaturityRater> Raters { get; set; } = [];
}

/// <summary>The level a round aims for in one capability (by the capability's key, stable across model versions).</summary>
public class MaturityRoundTarget
{
    public int RoundId { get; set; }
    public required string CapabilityKey { get; set; }
    public int Level { get; set; }
}
