namespace CxDashboard.Web.Data.Entities;

public class Customer
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>Never call this customer back. Set by imports; only an administrator clears it.</summary>
    public bool DoNotContact { get; set; }
}
