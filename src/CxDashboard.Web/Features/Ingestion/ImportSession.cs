using System.Data.Common;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// The connection and transaction of one import (one file, or a batch of files imported together), on either database.
/// Everything an import writes happens in this one transaction, so a failed, interrupted or rejected import leaves
/// nothing behind. The per-row writing of contacts and responses is the provider's own (<see cref="SqliteImportSession"/>,
/// <see cref="PostgresImportSession"/>); master data, agents and engagement answers use the plain commands here.
/// </summary>
public abstract class ImportSession : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = [];

    protected ImportSession(DbConnection connection, DbTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public DbConnection Connection { get; }
    public DbTransaction Transaction { get; }

    /// <summary>Contacts with a larger id were added by this import (ids only grow).</summary>
    public long ContactsMaxIdAtStart { get; protected init; }

    /// <summary>Survey responses with a larger id were added by this import.</summary>
    public long ResponsesMaxIdAtStart { get; protected init; }

    public bool ContactsWereEmpty => ContactsMaxIdAtStart == 0;

    /// <summary>Whether the contacts table has no rows now (a later file of a batch may follow an earlier one's).</summary>
    public bool ContactsTableIsEmpty() => Scalar("""SELECT CASE WHEN EXISTS (SELECT 1 FROM "Contacts") THEN 0 ELSE 1 END""") == 1;

    /// <summary>Who the import's changes of customers' details are recorded as coming from.</summary>
    public ChangeSource ChangeSource { get; private set; } = ChangeSource.Unnamed;

    /// <summary>When the import started: the time its changes are recorded at.</summary>
    public DateTime StartedAtUtc { get; private set; }

    public static async Task<ImportSession> BeginAsync(DbConnection connection, ChangeSource changeSource, DateTime nowUtc, CancellationToken ct)
    {
        ImportSession session = connection switch
        {
            Npgsql.NpgsqlConnection postgres => await PostgresImportSession.BeginAsync(postgres, ct),
            _ => await SqliteImportSession.BeginAsync(connection, ct),
        };
        session.ChangeSource = changeSource;
        session.StartedAtUtc = nowUtc;
        return session;
    }

    /// <summary>Called before any plain command runs: a provider may have to finish a bulk copy on the connection first.</summary>
    protected virtual void BeforeCommand() { }

    /// <summary>A command with named parameters (<c>@name</c>), created once per session and reused for every row.</summary>
    public DbCommand Command(string sql, params string[] parameterNames)
    {
        BeforeCommand();
        if (_commands.TryGetValue(sql, out var command)) return command;
        command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }
        _commands[sql] = command;
        return command;
    }

    /// <summary>Runs a statement without parameters inside the import's transaction.</summary>
    public int Execute(string sql)
    {
        BeforeCommand();
        using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command.ExecuteNonQuery();
    }

    public long Scalar(string sql)
    {
        BeforeCommand();
        using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    /// <summary>Reads every row of a query inside the import's transaction.</summary>
    public void ForEachRow(string sql, Action<DbDataReader> read)
    {
        BeforeCommand();
        using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read()) read(reader);
    }

    /// <summary>Ids are unique per file: a new file of the batch starts with none seen.</summary>
    public abstract void StartFile();

    /// <summary>Remembers an external id for this file; returns the line it was first seen on when it is a duplicate.</summary>
    public abstract long? RememberId(string externalId, long line);

    /// <summary>
    /// What is derived from the rows just before the commit: indexes suspended for a bulk load, the contacts' repeat/FCR
    /// gaps, the organisation-local dates whose figures changed, and those dates' rollups (rebuilt, or marked pending when
    /// <paramref name="deferRollups"/>); returns the dates and whether their rollups were left pending.
    /// </summary>
    public abstract Task<(IReadOnlyList<DateOnly> Dates, bool RollupsPending, string Timings)> WriteDerivedDataAsync(bool deferRollups, CancellationToken ct);

    /// <summary>Refreshes the query planner's statistics after a large import (outside the import's transaction).</summary>
    public abstract Task RefreshStatisticsAsync(CancellationToken ct);

    public static object Db(object? value) => value ?? DBNull.Value;

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        await Transaction.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
