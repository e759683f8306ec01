using Microsoft.AspNetCore.Identity;

namespace CxDashboard.Web.Data.Entities;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled user cannot sign in; their history (audit, assignments) stays.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The language and number format the user chose in the top bar ("sv-SE", "en-GB"); null: not chosen.</summary>
    public string? Culture { get; set; }
    public List<UserTeamScope> TeamScopes { get; set; } = [];
}

/// <summary>Limits a manager to some teams. A manager with no rows sees every team.</summary>
public class UserTeamScope
{
    public required string UserId { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }
}
