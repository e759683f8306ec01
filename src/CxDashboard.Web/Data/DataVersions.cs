using System.Data.Common;
using System.Text.RegularExpressions;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CxDashboard.Web.Data;

/// <summary>
/// Reads and bumps the <see cref="DataVersion"/>. Every writer bumps it after its change and in the same transaction
/// when it has one, so a reader that reads the version before the data can never keep old data under a new version:
/// EF's SaveChanges and ExecuteUpdate/ExecuteDelete do it by themselves (<see cref="CxDbContext"/>,
/// <see cref="DataChangeInterceptor"/>), the importer and the rollup writers, which write on the connection directly,
/// call <see cref="Bump"/> before they commit.
/// </summary>
public static partial class DataVersions
{
    private const string BumpSql = """UPDATE "DataVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1""";

    public static Task<long> CurrentAsync(CxDbContext db, CancellationToken ct = default) =>
        db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.RowId).Select(v => v.Version).SingleAsync(ct);

    public static void Bump(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = BumpSql;
        command.ExecuteNonQuery();
    }

    public static async Task BumpAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = BumpSql;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A statement that writes rows (not the version itself, not schema or pragmas).</summary>
    internal static bool WritesData(string sql) => WriteStatement().IsMatch(sql) && !sql.Contains("\"DataVersions\"", StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE|REPLACE|MERGE)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex WriteStatement();
}

/// <summary>
/// Bumps the data version right after a write statement EF runs without a reader (ExecuteUpdate, ExecuteDelete,
/// ExecuteSql): in the statement's transaction when it has one, else just after it committed.
/// </summary>
public sealed class DataChangeInterceptor : DbCommandInterceptor
{
    public static readonly DataChangeInterceptor Instance = new();

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (Bumps(eventData, result, command)) DataVersions.Bump(command.Connection!, command.Transaction);
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Bumps(eventData, result, command)) await DataVersions.BumpAsync(command.Connection!, command.Transaction, cancellationToken);
        return result;
    }

    /// <summary>Not for migrations: they run before the version's table exists, and the app starts from nothing kept.</summary>
    private static bool Bumps(CommandExecutedEventData eventData, int result, DbCommand command) =>
        result > 0 && eventData.CommandSource != CommandSource.Migrations && DataVersions.WritesData(command.CommandText);
}
