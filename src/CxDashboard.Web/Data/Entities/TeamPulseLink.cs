namespace CxDashboard.Web.Data.Entities;

/// <summary>
/// A team's link to the anonymous engagement pulse (/pulse/{token}). The token only says which team an answer is
/// for; an administrator can replace it (e.g. when the link was shared outside the team), which ends the old link.
/// </summary>
public class TeamPulseLink
{
    public int TeamId { get; set; }
    public Team? Team { get; set; }

    /// <summary>SHA-256 of the link's random token (<see cref="Features.Surveys.LinkTokens"/>); unique. The token itself is not kept.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
