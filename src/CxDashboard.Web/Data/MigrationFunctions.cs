using CxDashboard.Web.Features.Surveys;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

/// <summary>
/// SQL functions some SQLite migrations call, added to the connection before migrating (SQLite has no SHA-256 of its
/// own): <c>cx_sha256_hex(text)</c> is <see cref="LinkTokens.Hash"/>, for turning stored link tokens into their hashes.
/// </summary>
public static class MigrationFunctions
{
    public static async Task AddToConnectionAsync(CxDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        connection.CreateFunction<string?, string?>("cx_sha256_hex", token => token is null ? null : LinkTokens.Hash(token), isDeterministic: true);
    }
}
