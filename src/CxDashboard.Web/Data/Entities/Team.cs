namespace CxDashboard.Web.Data.Entities;

public class Team
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
}
