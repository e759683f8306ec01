namespace CxDashboard.Web.Data.Entities;

public enum ApiKeyScope
{
    Read = 1,
    Write = 2,
}

/// <summary>A machine's key for /api/v1. Only a hash of the secret is stored; the key is shown once.</summary>
public class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The key's first characters, shown so a key can be recognised without revealing it.</summary>
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    public ApiKeyScope Scope { get; set; } = ApiKeyScope.Read;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}
