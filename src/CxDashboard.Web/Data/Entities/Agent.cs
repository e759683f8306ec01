namespace CxDashboard.Web.Data.Entities;

public class Agent
{
    public int Id { get; set; }

    /// <summary>The source system's agent id, as used in contact files.</summary>
    public required string ExternalId { get; set; }
    public required string Name { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public string? Email { get; set; }

    /// <summary>The login this agent uses to see their own scorecard, if any.</summary>
    public string? UserId { get; set; }
    public bool IsActive { get; set; } = true;
}
