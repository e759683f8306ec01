using System.Data;
using System.Globalization;
using System.Runtime.InteropServices;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Metrics.Rollups;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// An import on PostgreSQL. Contacts and responses are streamed into staging tables by binary COPY
/// (<see cref="NpgsqlBinaryImporter"/>) and merged by set-based statements at the end of each file; the repeat/FCR gaps
/// come from one ordered pass over the touched customers' timelines (the same <see cref="ContactTimeline"/> as on
/// SQLite) and the changed days' rollups are written in SQL, all in the import's one transaction. Imports take an
/// advisory lock for their transaction, so two instances' imports run one after the other, as on SQLite.
/// </summary>
public sealed class PostgresImportSession : ImportSession
{
    private const long ImportLock = 0x43_78_49_6d_70_6f; // "CxImpo"

    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private NpgsqlBinaryImporter? _copy;
    private string? _copySql;

    private PostgresImportSession(NpgsqlConnection connection, NpgsqlTransaction transaction) : base(connection, transaction)
    {
        Connection = connection;
        Transaction = transaction;
        ContactsMaxIdAtStart = Scalar("""SELECT COALESCE(MAX("Id"), 0) FROM "Contacts" """);
        ResponsesMaxIdAtStart = Scalar("""SELECT COALESCE(MAX("Id"), 0) FROM "SurveyResponses" """);
    }

    public new NpgsqlConnection Connection { get; }
    public new NpgsqlTransaction Transaction { get; }

    public static async Task<PostgresImportSession> BeginAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        if (connection.State != ConnectionState.Open) await connection.OpenAsync(ct);
        var transaction = await connection.BeginTransactionAsync(ct);
        await using (var setup = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock({ImportLock});
            CREATE TEMP TABLE import_contacts (
                line bigint NOT NULL, valid boolean NOT NULL, external_id text, customer_external_id text, name text, phone text, email text,
                do_not_contact boolean, agent_id int, team_id int, channel int, reason_id int, started_at timestamptz, local_date date,
                handle_seconds int, escalated boolean) ON COMMIT DROP;
            CREATE TEMP TABLE import_responses (
                line bigint NOT NULL, valid boolean NOT NULL, external_id text, contact_external_id text, received_at timestamptz, csat int,
                resolved boolean, nps int, comment text) ON COMMIT DROP;
            CREATE TEMP TABLE import_customers (customer_id bigint PRIMARY KEY) ON COMMIT DROP;
            CREATE TEMP TABLE import_changed_dates (local_date date PRIMARY KEY) ON COMMIT DROP;
            CREATE TEMP TABLE import_gaps (contact_id bigint PRIMARY KEY, prev bigint, prev_same bigint, next bigint, next_same bigint) ON COMMIT DROP;
            CREATE TEMP TABLE import_new_gaps (line bigint NOT NULL, prev bigint, prev_same bigint, next bigint, next_same bigint) ON COMMIT DROP;
            -- Sorts and hashes of a million staged rows stay in memory (one import runs at a time: the lock above).
            SET LOCAL work_mem = '64MB';
            """, connection, transaction) { CommandTimeout = 0 })
        {
            await setup.ExecuteNonQueryAsync(ct);
        }
        return new PostgresImportSession(connection, transaction);
    }

    /// <summary>The open binary COPY for this statement (finishing another one first); plain commands finish it too.</summary>
    public NpgsqlBinaryImporter Copy(string copySql)
    {
        if (_copy is not null && _copySql == copySql) return _copy;
        FinishCopy();
        _copy = Connection.BeginBinaryImport(copySql);
        _copy.Timeout = TimeSpan.Zero;
        _copySql = copySql;
        return _copy;
    }

    private void FinishCopy()
    {
        if (_copy is null) return;
        _copy.Complete();
        _copy.Dispose();
        _copy = null;
        _copySql = null;
    }

    protected override void BeforeCommand() => FinishCopy();

    public override void StartFile()
    {
        _seen.Clear();
        Execute("TRUNCATE import_contacts, import_responses, import_new_gaps");
    }

    /// <summary>In memory: only agents files, which are small, check as they go (contacts and responses check in SQL).</summary>
    public override long? RememberId(string externalId, long line)
    {
        if (_seen.TryGetValue(externalId, out var first)) return first;
        _seen[externalId] = line;
        return null;
    }

    /// <summary>
    /// Whether a staging table holds an external id twice: one hash aggregate, so the sort that names the duplicates with
    /// the lines they were first on runs only for the files that have any (most have none).
    /// </summary>
    public bool HasDuplicateIds(string stagingTable) =>
        Scalar($"SELECT CASE WHEN EXISTS (SELECT 1 FROM {stagingTable} WHERE external_id IS NOT NULL GROUP BY external_id HAVING COUNT(*) > 1) THEN 1 ELSE 0 END") == 1;

    /// <summary>Runs a statement with named parameters and returns its rows through <paramref name="read"/>.</summary>
    public void Query(string sql, Action<NpgsqlDataReader> read, params NpgsqlParameter[] parameters)
    {
        BeforeCommand();
        using var command = new NpgsqlCommand(sql, Connection, Transaction) { CommandTimeout = 0 };
        command.Parameters.AddRange(parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read()) read(reader);
    }

    public int Execute(string sql, params NpgsqlParameter[] parameters)
    {
        BeforeCommand();
        using var command = new NpgsqlCommand(sql, Connection, Transaction) { CommandTimeout = 0 };
        command.Parameters.AddRange(parameters);
        return command.ExecuteNonQuery();
    }

    public override async Task<(IReadOnlyList<DateOnly> Dates, bool RollupsPending, string Timings)> WriteDerivedDataAsync(bool deferRollups,
        CancellationToken ct)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var dates = CollectChangedDates();
        var datesSeconds = stopwatch.Elapsed.TotalSeconds;
        var pending = false;
        if (dates.Count > 0 && await PostgresRollupWriter.UsableWindowAsync(Connection, Transaction, ct) is { } windowDays)
        {
            if (deferRollups)
            {
                await PostgresRollupWriter.MarkPendingAsync(Connection, Transaction, dates, ct);
                pending = true;
            }
            else
            {
                await PostgresRollupWriter.RefreshDatesAsync(Connection, Transaction, dates, windowDays, ct);
            }
        }
        var timings = string.Create(CultureInfo.InvariantCulture,
            $"gaps (computed with the rows) in {_gapsSeconds:0.00} s, changed dates in {datesSeconds:0.00} s, rollups of {dates.Count} days {(pending ? "marked pending" : "rebuilt")} in {stopwatch.Elapsed.TotalSeconds - datesSeconds:0.00} s");
        return (dates, pending, timings);
    }

    /// <summary>The planner's statistics after a large import (autovacuum would get there, later).</summary>
    public override async Task RefreshStatisticsAsync(CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""ANALYZE "Contacts", "Customers", "SurveyResponses" """, Connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>See <see cref="Data.PostgresBulkLoad.SuspendIndexesAndForeignKeys"/>.</summary>
    public IReadOnlyList<string> SuspendIndexesAndForeignKeys(string table)
    {
        BeforeCommand();
        return Data.PostgresBulkLoad.SuspendIndexesAndForeignKeys(Connection, Transaction, table);
    }

    /// <summary>See <see cref="Data.PostgresBulkLoad.Restore"/>.</summary>
    public void Restore(IReadOnlyList<string> statements)
    {
        BeforeCommand();
        Data.PostgresBulkLoad.Restore(Connection, Transaction, statements);
    }

    /// <summary>Rows read per FETCH of the timeline pass: memory stays flat however many contacts it reads.</summary>
    private const int TimelineBatch = 50_000;

    private const string StagedTimeline = """
        SELECT s.line, TRUE, cu."Id", s.started_at, s.reason_id, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint
        FROM import_contacts s JOIN "Customers" cu ON cu."ExternalId" = s.customer_external_id
        """;

    private const string StoredTimeline = """
        SELECT c."Id", FALSE, c."CustomerId", c."StartedAtUtc", c."ReasonId", c."PrevGapTicks", c."PrevSameReasonGapTicks", c."NextGapTicks",
            c."NextSameReasonGapTicks"
        FROM import_customers i JOIN "Contacts" c ON c."CustomerId" = i.customer_id
        """;

    private double _gapsSeconds;

    /// <summary>
    /// The repeat/FCR gaps, computed before the staged contacts are inserted so that they are inserted with them (an UPDATE of
    /// every new row afterwards would write each row twice): the staged contacts and the stored contacts of the customers they,
    /// and this file's updated contacts, belong to are read in timeline order through a cursor, and each customer's gaps are
    /// computed by <see cref="ContactTimeline"/> (the same pass as <see cref="TimelineRefresher"/> on SQLite). The staged rows'
    /// gaps go to import_new_gaps by line, for the insert to join; stored contacts whose gaps change are updated here and
    /// their days marked changed.
    /// </summary>
    /// <param name="contactsEmpty">Whether the contacts table is empty (then only the staged rows are read).</param>
    public void ComputeGapsBeforeInsert(bool contactsEmpty, CancellationToken ct)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        Execute("TRUNCATE import_new_gaps, import_gaps");
        if (!contactsEmpty)
        {
            Execute("""
                INSERT INTO import_customers (customer_id)
                SELECT DISTINCT cu."Id" FROM import_contacts s JOIN "Customers" cu ON cu."ExternalId" = s.customer_external_id
                ON CONFLICT DO NOTHING
                """);
        }
        Execute($"DECLARE import_timeline NO SCROLL CURSOR FOR {StagedTimeline} {(contactsEmpty ? "" : $"UNION ALL {StoredTimeline}")} ORDER BY 3, 4");

        var timeline = new CustomerTimeline();
        var newGaps = new List<(long Line, TimelineGaps Gaps)>();
        var changedGaps = new List<(long ContactId, TimelineGaps Gaps)>();
        long currentCustomer = -1;
        while (true)
        {
            var read = 0;
            Query($"FETCH {TimelineBatch} FROM import_timeline", reader =>
            {
                read++;
                var customer = reader.GetInt64(2);
                if (customer != currentCustomer) timeline.Collect(newGaps, changedGaps);
                currentCustomer = customer;
                timeline.Add(new TimelinePoint(reader.GetInt64(0), reader.GetFieldValue<DateTime>(3).Ticks, reader.GetInt32(4)), reader.GetBoolean(1),
                    new TimelineGaps(NullableInt64(reader, 5), NullableInt64(reader, 6), NullableInt64(reader, 7), NullableInt64(reader, 8)));
            });
            ct.ThrowIfCancellationRequested();
            if (read < TimelineBatch) timeline.Collect(newGaps, changedGaps);
            CopyGaps("COPY import_new_gaps (line, prev, prev_same, next, next_same) FROM STDIN (FORMAT BINARY)", newGaps);
            CopyGaps("COPY import_gaps (contact_id, prev, prev_same, next, next_same) FROM STDIN (FORMAT BINARY)", changedGaps);
            if (read < TimelineBatch) break;
        }
        Execute("CLOSE import_timeline");
        Execute("""
            UPDATE "Contacts" c SET "PrevGapTicks" = g.prev, "PrevSameReasonGapTicks" = g.prev_same, "NextGapTicks" = g.next,
                "NextSameReasonGapTicks" = g.next_same
            FROM import_gaps g WHERE c."Id" = g.contact_id;
            INSERT INTO import_changed_dates (local_date)
            SELECT DISTINCT c."LocalDate" FROM import_gaps g JOIN "Contacts" c ON c."Id" = g.contact_id
            ON CONFLICT DO NOTHING;
            """);
        _gapsSeconds += stopwatch.Elapsed.TotalSeconds;
    }

    private void CopyGaps(string copySql, List<(long Key, TimelineGaps Gaps)> rows)
    {
        if (rows.Count == 0) return;
        var copy = Copy(copySql);
        foreach (var (key, value) in rows)
        {
            copy.StartRow();
            copy.Write(key, NpgsqlDbType.Bigint);
            WriteNullable(copy, value.Previous);
            WriteNullable(copy, value.PreviousSameReason);
            WriteNullable(copy, value.Next);
            WriteNullable(copy, value.NextSameReason);
        }
        rows.Clear();
        FinishCopy();
    }

    /// <summary>One customer's contacts in timeline order, staged (keyed by line) and stored (keyed by id) together.</summary>
    private sealed class CustomerTimeline
    {
        private readonly List<TimelinePoint> _points = [];
        private readonly List<bool> _staged = [];
        private readonly List<TimelineGaps> _stored = [];
        private readonly Dictionary<int, long> _scratch = [];
        private TimelineGaps[] _computed = new TimelineGaps[16];

        public void Add(TimelinePoint point, bool staged, TimelineGaps stored)
        {
            _points.Add(point);
            _staged.Add(staged);
            _stored.Add(stored);
        }

        /// <summary>Computes the gaps of the customer read so far: every staged row that has any, every stored row whose gaps change.</summary>
        public void Collect(List<(long Line, TimelineGaps Gaps)> newGaps, List<(long ContactId, TimelineGaps Gaps)> changedGaps)
        {
            if (_points.Count == 0) return;
            if (_computed.Length < _points.Count) _computed = new TimelineGaps[Math.Max(_points.Count, _computed.Length * 2)];
            ContactTimeline.ComputeSorted(CollectionsMarshal.AsSpan(_points), _computed.AsSpan(0, _points.Count), _scratch);
            for (var i = 0; i < _points.Count; i++)
            {
                if (_staged[i]) { if (_computed[i] != default) newGaps.Add((_points[i].ContactId, _computed[i])); }
                else if (_computed[i] != _stored[i]) changedGaps.Add((_points[i].ContactId, _computed[i]));
            }
            _points.Clear();
            _staged.Clear();
            _stored.Clear();
        }
    }

    private static long? NullableInt64(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt64(column);

    private static void WriteNullable(NpgsqlBinaryImporter copy, long? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Bigint);
        else copy.WriteNull();
    }

    /// <summary>
    /// The dates of new contacts, of contacts rated by new responses, and the dates marked while merging updated rows and
    /// computing gaps (as <see cref="ChangedDates"/> on SQLite).
    /// </summary>
    private List<DateOnly> CollectChangedDates()
    {
        Execute($"""
            INSERT INTO import_changed_dates (local_date)
            SELECT "LocalDate" FROM "Contacts" WHERE "Id" > {ContactsMaxIdAtStart}
            UNION SELECT c."LocalDate" FROM "SurveyResponses" r JOIN "Contacts" c ON c."Id" = r."ContactId" WHERE r."Id" > {ResponsesMaxIdAtStart}
            ON CONFLICT DO NOTHING
            """);
        var dates = new List<DateOnly>();
        Query("SELECT local_date FROM import_changed_dates ORDER BY local_date", r => dates.Add(r.GetFieldValue<DateOnly>(0)));
        return dates;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            // An import that ends with a copy still open was cancelled or failed: the rollback discards what it sent.
            try { await _copy.DisposeAsync(); } catch (NpgsqlException) { } catch (InvalidOperationException) { }
            _copy = null;
        }
        await base.DisposeAsync();
    }
}
