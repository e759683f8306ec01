namespace CxDashboard.Web.Data.Entities;

/// <summary>A rater's optional comment on one capability in a round (shown to readers without the rater's name; admins see who).</summary>
public class MaturityComment
{
    public long Id { get; set; }
    public int RoundId { get; set; }
    public required string RaterUserId { get; set; }
    public required string CapabilityKey { get; set; }
    public required string Text { get; set; }
}
