namespace CxDashboard.Web.Data.Entities;

/// <summary>A user asked to rate a round. Only submitted ratings count in the results.</summary>
public class MaturityRater
{
    public int RoundId { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public DateTime? LastSavedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
}
