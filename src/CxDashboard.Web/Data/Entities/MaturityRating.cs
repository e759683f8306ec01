namespace CxDashboard.Web.Data.Entities;

/// <summary>A rater's answer to one statement of the round's model version: 1–5, or null for "don't know". No row: not answered yet.</summary>
public class MaturityRating
{
    public long Id { get; set; }
    public int RoundId { get; set; }
    public required string RaterUserId { get; set; }
    public required string StatementKey { get; set; }
    public int? Score { get; set; }
}
