namespace CxDashboard.Web.Data.Entities;

public class ContactReason
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>1 (simple, a self-service candidate) to 5 (complex or emotional, needs a person).</summary>
    public int Complexity { get; set; } = 3;

    /// <summary>Created by an import from an unknown code: an administrator should name and rate it.</summary>
    public bool NeedsReview { get; set; }
}
