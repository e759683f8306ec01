using System.Data.Common;
using System.Text.RegularExpressions;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CxDashboard.Web.Data;

/// <summary>
/// Reads and bumps the <see cref="DataVersion"/>. Every writer of the dashboard's data bumps it after its change and in
/// the same transaction when it has one, so a reader that reads the version before the data can never keep old data
/// under a new version: EF's SaveChanges and ExecuteUpdate/ExecuteDelete do it by themselves (<see cref="CxDbContext"/>,
/// <see cref="DataChangeInterceptor"/>), the importer and the rollup writers, which write on the connection directly,
/// call <see cref="Bump"/> before they commit.
/// </summary>
public static partial class DataVersions
{
    private const string BumpSql = """UPDATE "DataVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1""";

    /// <summary>
    /// What a kept dashboard is computed from (the dashboard's own reads and the KPI queries it runs): a write to one of
    /// these starts a new version. Other writes (an API key's last use, sign-in counters, a user's language, the import
    /// history, reports, coaching and maturity work, callbacks, whose summary beside the dashboard is read live) leave the
    /// kept dashboards valid. A dashboard that starts reading another table must add it here.
    /// </summary>
    public static readonly IReadOnlySet<Type> DashboardData = new HashSet<Type>
    {
        typeof(Contact), typeof(SurveyResponse), typeof(Team), typeof(Agent), typeof(ContactReason), typeof(KpiTarget),
        typeof(OrganisationSettings), typeof(KpiRollup), typeof(KpiRollupState), typeof(KpiRollupPendingDate),
        typeof(KpiRollupStaleMonth),
    };

    /// <summary>Whether a write to this entity's rows changes what the dashboard shows.</summary>
    public static bool FeedsDashboard(IReadOnlyEntityType entity) => DashboardData.Contains(entity.ClrType);

    /// <summary>The tables of <see cref="DashboardData"/> in a model, by name.</summary>
    public static IReadOnlySet<string> DashboardTables(IModel model) => TablesByModel.GetValue(model, m =>
        m.GetEntityTypes().Where(FeedsDashboard).Select(e => e.GetTableName()).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, IReadOnlySet<string>> TablesByModel = [];

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

    /// <summary>
    /// Whether a statement writes rows of the dashboard's data (not the version itself, not schema or pragmas, not other
    /// tables); a write whose table cannot be read from it counts, so nothing is ever kept past a change.
    /// </summary>
    internal static bool WritesDashboardData(string sql, IModel? model)
    {
        var tables = model is null ? null : DashboardTables(model);
        foreach (Match write in WriteStatement().Matches(sql))
        {
            if (write.Groups["table"] is not { Success: true } table) return true;
            if (table.Value == nameof(CxDbContext.DataVersions)) continue;
            if (tables is null || tables.Contains(table.Value)) return true;
        }
        return false;
    }

    [GeneratedRegex("""^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM|REPLACE\s+INTO|MERGE\s+INTO|INSERT|UPDATE|DELETE|REPLACE|MERGE)\b(?:\s+(?:ONLY\s+)?(?:"?\w+"?\.)?"?(?<table>\w+)"?)?""", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
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
        result > 0 && eventData.CommandSource != CommandSource.Migrations
        && DataVersions.WritesDashboardData(command.CommandText, eventData.Context?.Model);
}
