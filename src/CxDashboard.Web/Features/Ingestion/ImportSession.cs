using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// The connection, transaction and prepared commands of one import. Everything an import writes happens in this
/// one transaction, so a failed, interrupted or rejected import leaves nothing behind.
/// Temp tables (per connection) remember the ids seen in this file and the customers whose timelines changed,
/// so memory stays flat however large the file is.
/// </summary>
public sealed class ImportSession : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = [];

    private ImportSession(SqliteConnection connection, SqliteTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public SqliteConnection Connection { get; }
    public SqliteTransaction Transaction { get; }

    /// <summary>Local dates whose contacts or responses this import changed: their KPI rollups are rebuilt before commit.</summary>
    public HashSet<DateOnly> ChangedDates { get; } = [];

    public static async Task<ImportSession> BeginAsync(DbConnection connection, CancellationToken ct)
    {
        var sqlite = (SqliteConnection)connection;
        if (sqlite.State != System.Data.ConnectionState.Open) await sqlite.OpenAsync(ct);
        await using (var setup = sqlite.CreateCommand())
        {
            setup.CommandText = """
                DROP TABLE IF EXISTS temp.import_seen;
                DROP TABLE IF EXISTS temp.import_customers;
                CREATE TEMP TABLE import_seen (external_id TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TEMP TABLE import_customers (customer_id INTEGER PRIMARY KEY);
                """;
            await setup.ExecuteNonQueryAsync(ct);
        }
        // IMMEDIATE: take the write lock now, so the import does not fail half-way on a busy database.
        var transaction = sqlite.BeginTransaction(deferred: false);
        return new ImportSession(sqlite, transaction);
    }

    /// <summary>A prepared command, created once per session and reused for every row.</summary>
    public SqliteCommand Command(string sql, params string[] parameterNames)
    {
        if (_commands.TryGetValue(sql, out var command)) return command;
        command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        foreach (var name in parameterNames) command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        _commands[sql] = command;
        return command;
    }

    /// <summary>Remembers an external id for this file; returns the line it was first seen on when it is a duplicate.</summary>
    public long? RememberId(string externalId, long line)
    {
        var insert = Command("INSERT INTO temp.import_seen (external_id, line) VALUES (@id, @line) ON CONFLICT DO NOTHING", "@id", "@line");
        insert.Parameters["@id"].Value = externalId;
        insert.Parameters["@line"].Value = line;
        if (insert.ExecuteNonQuery() == 1) return null;
        var select = Command("SELECT line FROM temp.import_seen WHERE external_id = @id", "@id");
        select.Parameters["@id"].Value = externalId;
        return (long)select.ExecuteScalar()!;
    }

    public void MarkCustomerChanged(long customerId)
    {
        var command = Command("INSERT INTO temp.import_customers (customer_id) VALUES (@id) ON CONFLICT DO NOTHING", "@id");
        command.Parameters["@id"].Value = customerId;
        command.ExecuteNonQuery();
    }

    public static object Db(object? value) => value ?? DBNull.Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        await Transaction.DisposeAsync();
        await using var cleanup = Connection.CreateCommand();
        cleanup.CommandText = "DROP TABLE IF EXISTS temp.import_seen; DROP TABLE IF EXISTS temp.import_customers;";
        await cleanup.ExecuteNonQueryAsync();
    }
}
