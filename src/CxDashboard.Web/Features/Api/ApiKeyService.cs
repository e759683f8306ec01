using System.Security.Cryptography;
using System.Text;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Api;

public sealed record CreatedApiKey(ApiKey Key, string Secret);

/// <summary>
/// API keys look like <c>cxd_&lt;prefix&gt;_&lt;secret&gt;</c>. The prefix finds the row; only a SHA-256 hash of the
/// whole key is stored (the key is random and long, so a slow password hash adds nothing), compared in constant time.
/// </summary>
public sealed class ApiKeyService(CxDbContext db, TimeProvider clock)
{
    private const string KeyStart = "cxd_";

    /// <summary>Last-used times are written at most this often per key, to keep reads from turning into writes.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiKey> CreateAsync(string name, ApiKeyScope scope, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("An API key needs a name.", nameof(name));
        var prefix = RandomString(8);
        var secret = $"{KeyStart}{prefix}_{RandomString(32)}";
        var key = new ApiKey
        {
            Name = name.Trim(),
            Prefix = prefix,
            SecretHash = Hash(secret),
            Scope = scope,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(key, secret);
    }

    /// <summary>The active key this secret belongs to, or null for an unknown, malformed or revoked key.</summary>
    public async Task<ApiKey?> ValidateAsync(string? presented, CancellationToken ct = default)
    {
        if (presented is null || !presented.StartsWith(KeyStart, StringComparison.Ordinal)) return null;
        var parts = presented.Split('_');
        if (parts.Length != 3) return null;
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Prefix == parts[1], ct);
        if (key is null || key.RevokedAtUtc is not null) return null;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(key.SecretHash)))
            return null;

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAtUtc is null || now - key.LastUsedAtUtc >= LastUsedResolution)
        {
            key.LastUsedAtUtc = now;
            await db.SaveChangesAsync(ct);
        }
        return key;
    }

    /// <summary>Every key, active ones first, newest first; the secret hash stays out of view.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default) =>
        (await db.ApiKeys.AsNoTracking().ToListAsync(ct))
            .OrderBy(k => k.RevokedAtUtc is not null).ThenByDescending(k => k.CreatedAtUtc).ToList();

    /// <summary>How a key is recognised on screen without revealing it.</summary>
    public static string Display(ApiKey key) => $"{KeyStart}{key.Prefix}_…";

    public async Task<bool> RevokeAsync(int id, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.FindAsync([id], ct);
        if (key is null || key.RevokedAtUtc is not null) return false;
        key.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string RandomString(int length)
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
