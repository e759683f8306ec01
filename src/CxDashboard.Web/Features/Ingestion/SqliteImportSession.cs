using System.Data.Common;
using CxDashboard.Web.Data;
using Microsoft.Data.Sqlite;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// An import on SQLite: its connection, transaction and prepared statements. Temp tables (per connection) remember the
/// ids seen in the current file, the customers whose timelines changed and the gaps to write, so memory stays flat
/// however large the file is.
/// </summary>
public sealed class SqliteImportSession : ImportSession
{
    // A larger page cache for the import only (negative = KiB): bounded, so memory does not grow with the file,
    // but large enough that the indexes of a million-row table stay in memory while rows are added.
    private const int ImportCacheKib = 128 * 1024;

    // The temp tables (ids seen, gaps to write) have their own page cache, 2 MB by default: half the main cache keeps a
    // million ids of a re-import in memory instead of spilling them to a temp file (measured: ~0.7 CPU s per million).
    private const int ImportTempCacheKib = ImportCacheKib / 2;

    private readonly Dictionary<string, FastStatement> _statements = [];
    private readonly List<string> _suspendedIndexes = [];
    private readonly long _previousCacheSize;
    private readonly long _previousTempCacheSize;
    private readonly long _previousForeignKeys;
    private readonly long _previousAutoCheckpoint;

    private SqliteImportSession(SqliteConnection connection, SqliteTransaction transaction, long previousCacheSize, long previousTempCacheSize,
        long previousForeignKeys, long previousAutoCheckpoint) : base(connection, transaction)
    {
        _previousAutoCheckpoint = previousAutoCheckpoint;
        Connection = connection;
        Transaction = transaction;
        _previousCacheSize = previousCacheSize;
        _previousTempCacheSize = previousTempCacheSize;
        _previousForeignKeys = previousForeignKeys;
        ContactsMaxIdAtStart = Scalar("""SELECT COALESCE(MAX("Id"), 0) FROM "Contacts" """);
        ResponsesMaxIdAtStart = Scalar("""SELECT COALESCE(MAX("Id"), 0) FROM "SurveyResponses" """);
    }

    public new SqliteConnection Connection { get; }
    public new SqliteTransaction Transaction { get; }

    public static async Task<SqliteImportSession> BeginAsync(DbConnection connection, CancellationToken ct)
    {
        var sqlite = (SqliteConnection)connection;
        if (sqlite.State != System.Data.ConnectionState.Open) await sqlite.OpenAsync(ct);
        long previousCacheSize, previousTempCacheSize, previousForeignKeys, previousAutoCheckpoint;
        await using (var setup = sqlite.CreateCommand())
        {
            setup.CommandText = "PRAGMA cache_size";
            previousCacheSize = Convert.ToInt64(await setup.ExecuteScalarAsync(ct));
            setup.CommandText = "PRAGMA temp.cache_size";
            previousTempCacheSize = Convert.ToInt64(await setup.ExecuteScalarAsync(ct));
            setup.CommandText = "PRAGMA foreign_keys";
            previousForeignKeys = Convert.ToInt64(await setup.ExecuteScalarAsync(ct));
            setup.CommandText = "PRAGMA wal_autocheckpoint";
            previousAutoCheckpoint = Convert.ToInt64(await setup.ExecuteScalarAsync(ct));
            // Foreign keys cannot be switched inside a transaction: off for the import, whose ids all come from its own
            // lookups and inserts, saving four parent lookups per contact; back on when the session ends.
            // No automatic checkpoint at the commit: copying a large import's pages from the WAL into the database file
            // would double its commit time (measured: 2.8 s → 0.6 s for a million contacts). The next write on another
            // connection (the rollup rebuild after a large import, see KpiRollupWriter.RefreshPending) checkpoints instead.
            setup.CommandText = $"""
                PRAGMA foreign_keys = OFF;
                PRAGMA wal_autocheckpoint = 0;
                PRAGMA cache_size = -{ImportCacheKib};
                DROP TABLE IF EXISTS temp.import_seen;
                DROP TABLE IF EXISTS temp.import_customers;
                DROP TABLE IF EXISTS temp.import_gaps;
                DROP TABLE IF EXISTS temp.import_changed_dates;
                CREATE TEMP TABLE import_seen (external_id TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TEMP TABLE import_customers (customer_id INTEGER PRIMARY KEY);
                CREATE TEMP TABLE import_gaps (contact_id INTEGER PRIMARY KEY, prev INTEGER, prev_same INTEGER, next INTEGER, next_same INTEGER);
                CREATE TEMP TABLE import_changed_dates (local_date TEXT PRIMARY KEY) WITHOUT ROWID;
                PRAGMA temp.cache_size = -{ImportTempCacheKib};
                """;
            await setup.ExecuteNonQueryAsync(ct);
        }
        // IMMEDIATE: take the write lock now, so the import does not fail half-way on a busy database.
        var transaction = sqlite.BeginTransaction(deferred: false);
        return new SqliteImportSession(sqlite, transaction, previousCacheSize, previousTempCacheSize, previousForeignKeys, previousAutoCheckpoint);
    }

    /// <summary>A statement for the per-row work (see <see cref="FastStatement"/>), prepared once per session.</summary>
    public FastStatement Statement(string sql)
    {
        if (_statements.TryGetValue(sql, out var statement)) return statement;
        statement = new FastStatement(Connection, sql);
        _statements[sql] = statement;
        return statement;
    }

    /// <summary>Ids are unique per file: a new file of the batch starts with none seen.</summary>
    public override void StartFile() => Execute("DELETE FROM temp.import_seen");

    /// <summary>Remembers an external id for this file; returns the line it was first seen on when it is a duplicate.</summary>
    public override long? RememberId(string externalId, long line)
    {
        var insert = Statement("INSERT INTO temp.import_seen (external_id, line) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
        if (insert.Bind(1, externalId).Bind(2, line).Execute() == 1) return null;
        var select = Statement("SELECT line FROM temp.import_seen WHERE external_id = ?1");
        select.Bind(1, externalId).ReadFirst();
        var firstLine = select.Int64(0);
        select.Reset();
        return firstLine;
    }

    /// <summary>A customer whose timeline an update changed (customers of new contacts are found by their ids).</summary>
    public void MarkCustomerChanged(long customerId)
    {
        var command = Command("INSERT INTO temp.import_customers (customer_id) VALUES (@id) ON CONFLICT DO NOTHING", "@id");
        command.Parameters["@id"].Value = customerId;
        command.ExecuteNonQuery();
    }

    /// <summary>A local date whose contacts or responses an update changed (new rows are found by their ids).</summary>
    public void MarkDateChanged(string localDate)
    {
        var command = Command("INSERT INTO temp.import_changed_dates (local_date) VALUES (@date) ON CONFLICT DO NOTHING", "@date");
        command.Parameters["@date"].Value = localDate;
        command.ExecuteNonQuery();
    }

    /// <summary>Drops a table's non-unique indexes for a bulk load (see <see cref="SecondaryIndexes"/>) until <see cref="RestoreIndexes"/>.</summary>
    public void SuspendIndexes(string table) => _suspendedIndexes.AddRange(SecondaryIndexes.Drop(Connection, Transaction, table));

    /// <summary>Builds the suspended indexes again, before anything reads through them; a rollback restores them too.</summary>
    public void RestoreIndexes()
    {
        SecondaryIndexes.Create(Connection, Transaction, _suspendedIndexes);
        _suspendedIndexes.Clear();
    }

    public override async Task<(IReadOnlyList<DateOnly> Dates, bool RollupsPending, string Timings)> WriteDerivedDataAsync(bool deferRollups,
        CancellationToken ct)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        RestoreIndexes();
        var indexesSeconds = stopwatch.Elapsed.TotalSeconds;
        TimelineRefresher.Refresh(this, ct);
        var gapsSeconds = stopwatch.Elapsed.TotalSeconds;
        var dates = ChangedDates.Collect(this);
        var datesSeconds = stopwatch.Elapsed.TotalSeconds;
        var pending = RefreshRollups(dates, deferRollups);
        var timings = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"indexes rebuilt in {indexesSeconds:0.00} s, gaps in {gapsSeconds - indexesSeconds:0.00} s, changed dates in {datesSeconds - gapsSeconds:0.00} s, rollups of {dates.Count} days {(pending ? "marked pending" : "rebuilt")} in {stopwatch.Elapsed.TotalSeconds - datesSeconds:0.00} s");
        return await Task.FromResult((dates, pending, timings));
    }

    /// <summary>Rebuilds the rollups of the changed dates, or marks them pending; true when they were marked pending.</summary>
    private bool RefreshRollups(IReadOnlyList<DateOnly> dates, bool defer)
    {
        if (dates.Count == 0 || Metrics.Rollups.KpiRollupWriter.UsableWindow(Connection, Transaction) is not { } windowDays) return false;
        Metrics.Rollups.KpiRollupWriter.StageDates(Connection, Transaction, dates);
        if (defer)
        {
            Metrics.Rollups.KpiRollupWriter.MarkStagedDatesPending(Connection, Transaction);
            return true;
        }
        Metrics.Rollups.KpiRollupWriter.RefreshStagedDates(Connection, Transaction, windowDays);
        return false;
    }

    public override Task RefreshStatisticsAsync(CancellationToken ct) => DatabaseStatistics.RefreshAsync(Connection, ct);

    public override async ValueTask DisposeAsync()
    {
        foreach (var statement in _statements.Values) statement.Dispose();
        await base.DisposeAsync();
        await using var cleanup = Connection.CreateCommand();
        cleanup.CommandText = $"""
            DROP TABLE IF EXISTS temp.import_seen; DROP TABLE IF EXISTS temp.import_customers; DROP TABLE IF EXISTS temp.import_gaps;
            DROP TABLE IF EXISTS temp.import_changed_dates;
            PRAGMA cache_size = {_previousCacheSize}; PRAGMA temp.cache_size = {_previousTempCacheSize}; PRAGMA foreign_keys = {_previousForeignKeys};
            PRAGMA wal_autocheckpoint = {_previousAutoCheckpoint};
            """;
        await cleanup.ExecuteNonQueryAsync();
    }
}
