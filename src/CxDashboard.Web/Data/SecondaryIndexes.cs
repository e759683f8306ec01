using Microsoft.Data.Sqlite;

namespace CxDashboard.Web.Data;

/// <summary>
/// Drops a table's non-unique indexes for a bulk load into it and creates them again from their stored definitions,
/// inside the caller's transaction (DDL is transactional in SQLite, so a failed or rolled-back load leaves the indexes
/// as they were). Building an index once from sorted keys costs less than keeping it current row by row. Unique
/// indexes stay: they enforce their rule, and serve the load's own lookups, while rows arrive.
/// </summary>
public static class SecondaryIndexes
{
    /// <summary>Drops the table's non-unique indexes and returns their definitions.</summary>
    public static IReadOnlyList<string> Drop(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        var definitions = new List<(string Name, string Sql)>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'
                """;
            command.Parameters.AddWithValue("@table", table);
            using var reader = command.ExecuteReader();
            while (reader.Read()) definitions.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in definitions) Execute(connection, transaction, $"DROP INDEX \"{name.Replace("\"", "\"\"")}\"");
        return [.. definitions.Select(d => d.Sql)];
    }

    /// <summary>
    /// Creates the indexes with a small page cache and sorter threads: SQLite's sorter then sorts the keys in
    /// chunks on several cores and merges them, where a large cache has it sort everything in one list on one core
    /// (measured on the contacts' five indexes of a million rows, before the reason's own was dropped: 4.8 s with the
    /// import's 128 MB cache, 2.3 s so).
    /// </summary>
    public static void Create(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> definitions)
    {
        if (definitions.Count == 0) return;
        var cacheSize = Scalar(connection, transaction, "PRAGMA cache_size");
        var threads = Scalar(connection, transaction, "PRAGMA threads");
        Execute(connection, transaction, $"PRAGMA cache_size = -{SortCacheKib}; PRAGMA threads = {Math.Clamp(Environment.ProcessorCount, 1, 4)}");
        try
        {
            foreach (var sql in definitions) Execute(connection, transaction, sql);
        }
        finally
        {
            Execute(connection, transaction, $"PRAGMA cache_size = {cacheSize}; PRAGMA threads = {threads}");
        }
    }

    private const int SortCacheKib = 2048;

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
