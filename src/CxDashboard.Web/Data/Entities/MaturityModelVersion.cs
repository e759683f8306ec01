namespace CxDashboard.Web.Data.Entities;

/// <summary>
/// One version of the maturity model, stored whole as JSON and never changed afterwards: editing the model adds a
/// version, and every round keeps the version its raters saw. The current model is the highest version.
/// </summary>
public class MaturityModelVersion
{
    public int Id { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Null for the version loaded from the shipped file or imported by the CLI.</summary>
    public string? CreatedByUserId { get; set; }
    public AppUser? CreatedBy { get; set; }
    public required string ChangeNote { get; set; }
    public required string DefinitionJson { get; set; }
}
