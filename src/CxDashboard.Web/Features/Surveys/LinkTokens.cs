using System.Security.Cryptography;
using System.Text;

namespace CxDashboard.Web.Features.Surveys;

/// <summary>
/// The secret part of survey and pulse links (/s/{token}, /pulse/{token}): 128 random bits, URL-safe. The database
/// keeps only a SHA-256 hash of each (the token is random and long, so a slow password hash would add nothing): a copy
/// of the database or a backup does not let anyone answer a customer's survey or a team's pulse. A link can therefore
/// be read only when it is made.
/// </summary>
public static class LinkTokens
{
    /// <summary>Length of <see cref="Hash"/>: SHA-256 as upper-case hex.</summary>
    public const int HashLength = 64;

    /// <summary>The longest token a link may carry; longer ones are not looked up.</summary>
    public const int MaxLength = 64;

    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The hash to look a presented token up by, or null for one that cannot be a token.</summary>
    public static string? LookupHash(string? token) => string.IsNullOrEmpty(token) || token.Length > MaxLength ? null : Hash(token);
}
