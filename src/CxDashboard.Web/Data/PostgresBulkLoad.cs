using Npgsql;

namespace CxDashboard.Web.Data;

/// <summary>
/// A large load into an empty PostgreSQL table, as PostgreSQL's own advice for populating a table has it: building an
/// index once from sorted keys, and checking a foreign key with one join, cost far less than keeping them current row by
/// row. DDL is transactional: a failed or rolled-back load leaves them as they were. The drop locks the table until the
/// commit, so it is used only for a large load into an empty table, which no page has anything to read from yet. Unique
/// indexes are built again at the end too, which checks every row: a duplicate still fails the load and rolls it back.
/// The primary key and the indexes behind constraints stay, and nothing may use ON CONFLICT while they are dropped.
/// </summary>
public static class PostgresBulkLoad
{
    /// <summary>Drops the table's indexes (but the constraints') and its foreign keys; returns the statements that add them again.</summary>
    public static IReadOnlyList<string> SuspendIndexesAndForeignKeys(NpgsqlConnection connection, NpgsqlTransaction transaction, string table)
    {
        var drops = new List<string>();
        var restores = new List<string>();
        using (var command = new NpgsqlCommand("""
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c WHERE c.conrelid = quote_ident(@table)::regclass AND c.contype = 'f'
            UNION ALL
            SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
            FROM pg_index i WHERE i.indrelid = quote_ident(@table)::regclass
                AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = i.indrelid AND k.conindid = i.indexrelid)
            """, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string>("table", table));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                drops.Add(reader.GetString(0));
                restores.Add(reader.GetString(1));
            }
        }
        foreach (var drop in drops) Execute(connection, transaction, drop);
        return restores;
    }

    /// <summary>Adds again what <see cref="SuspendIndexesAndForeignKeys"/> dropped, indexes first (the key checks read through them).</summary>
    public static void Restore(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> statements)
    {
        if (statements.Count == 0) return;
        Execute(connection, transaction, "SET LOCAL maintenance_work_mem = '128MB'");
        foreach (var statement in statements.OrderBy(s => s.StartsWith("ALTER TABLE", StringComparison.Ordinal))) Execute(connection, transaction, statement);
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }
}
