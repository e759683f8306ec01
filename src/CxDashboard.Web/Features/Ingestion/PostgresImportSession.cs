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
        Execute("TRUNCATE import_contacts, import_responses");
    }

    /// <summary>In memory: only agents files, which are small, check as they go (contacts and responses check in SQL).</summary>
    public override long? RememberId(string externalId, long line)
    {
        if (_seen.TryGetValue(externalId, out var first)) return first;
        _seen[externalId] = line;
        return null;
    }

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
        RefreshTimelines(ct);
        var gapsSeconds = stopwatch.Elapsed.TotalSeconds;
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
            $"gaps in {gapsSeconds:0.00} s, changed dates in {datesSeconds - gapsSeconds:0.00} s, rollups of {dates.Count} days {(pending ? "marked pending" : "rebuilt")} in {stopwatch.Elapsed.TotalSeconds - datesSeconds:0.00} s");
        return (dates, pending, timings);
    }

    /// <summary>The planner's statistics after a large import (autovacuum would get there, later).</summary>
    public override async Task RefreshStatisticsAsync(CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""ANALYZE "Contacts", "Customers", "SurveyResponses" """, Connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Rows read per FETCH of the timeline pass: memory stays flat however many contacts it reads.</summary>
    private const int TimelineBatch = 50_000;

    /// <summary>
    /// Recomputes the stored gaps of every contact of the customers this import touched (see <see cref="TimelineRefresher"/>,
    /// the same pass on SQLite): their contacts are read in timeline order through a cursor, each customer's gaps computed by
    /// <see cref="ContactTimeline"/>, the changed ones copied into import_gaps and written by one UPDATE.
    /// </summary>
    private void RefreshTimelines(CancellationToken ct)
    {
        Execute($"""
            INSERT INTO import_customers (customer_id)
            SELECT DISTINCT "CustomerId" FROM "Contacts" WHERE "Id" > {ContactsMaxIdAtStart} ON CONFLICT DO NOTHING
            """);
        if (Scalar("SELECT COUNT(*) FROM import_customers") == 0) return;
        var select = ContactsWereEmpty
            ? """SELECT c."Id", c."CustomerId", c."StartedAtUtc", c."ReasonId", NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint FROM "Contacts" c ORDER BY c."CustomerId", c."StartedAtUtc" """
            : """
              SELECT c."Id", c."CustomerId", c."StartedAtUtc", c."ReasonId", c."PrevGapTicks", c."PrevSameReasonGapTicks", c."NextGapTicks", c."NextSameReasonGapTicks"
              FROM import_customers i JOIN "Contacts" c ON c."CustomerId" = i.customer_id ORDER BY c."CustomerId", c."StartedAtUtc"
              """;
        Execute($"DECLARE import_timeline NO SCROLL CURSOR FOR {select}");

        var points = new List<TimelinePoint>();
        var stored = new List<TimelineGaps>();
        var computed = new TimelineGaps[16];
        var scratch = new Dictionary<int, long>();
        var changed = new List<(long ContactId, TimelineGaps Gaps)>();
        long currentCustomer = -1;
        while (true)
        {
            var read = 0;
            Query($"FETCH {TimelineBatch} FROM import_timeline", reader =>
            {
                read++;
                var customer = reader.GetInt64(1);
                if (customer != currentCustomer && points.Count > 0) CollectChanged(points, stored, ref computed, scratch, changed);
                currentCustomer = customer;
                points.Add(new TimelinePoint(reader.GetInt64(0), reader.GetFieldValue<DateTime>(2).Ticks, reader.GetInt32(3)));
                stored.Add(new TimelineGaps(NullableInt64(reader, 4), NullableInt64(reader, 5), NullableInt64(reader, 6), NullableInt64(reader, 7)));
            });
            ct.ThrowIfCancellationRequested();
            if (read < TimelineBatch && points.Count > 0) CollectChanged(points, stored, ref computed, scratch, changed);
            if (changed.Count > 0)
            {
                var gaps = Copy("COPY import_gaps (contact_id, prev, prev_same, next, next_same) FROM STDIN (FORMAT BINARY)");
                foreach (var (contactId, value) in changed)
                {
                    gaps.StartRow();
                    gaps.Write(contactId, NpgsqlDbType.Bigint);
                    WriteNullable(gaps, value.Previous);
                    WriteNullable(gaps, value.PreviousSameReason);
                    WriteNullable(gaps, value.Next);
                    WriteNullable(gaps, value.NextSameReason);
                }
                changed.Clear();
                FinishCopy();
            }
            if (read < TimelineBatch) break;
        }
        Execute("CLOSE import_timeline");
        Execute("""
            UPDATE "Contacts" c SET "PrevGapTicks" = g.prev, "PrevSameReasonGapTicks" = g.prev_same, "NextGapTicks" = g.next,
                "NextSameReasonGapTicks" = g.next_same
            FROM import_gaps g WHERE c."Id" = g.contact_id
            """);
    }

    private static long? NullableInt64(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt64(column);

    private static void WriteNullable(NpgsqlBinaryImporter copy, long? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Bigint);
        else copy.WriteNull();
    }

    private static void CollectChanged(List<TimelinePoint> points, List<TimelineGaps> stored, ref TimelineGaps[] computed,
        Dictionary<int, long> scratch, List<(long, TimelineGaps)> changed)
    {
        if (computed.Length < points.Count) computed = new TimelineGaps[Math.Max(points.Count, computed.Length * 2)];
        ContactTimeline.ComputeSorted(CollectionsMarshal.AsSpan(points), computed.AsSpan(0, points.Count), scratch);
        for (var i = 0; i < points.Count; i++)
            if (computed[i] != stored[i]) changed.Add((points[i].ContactId, computed[i]));
        points.Clear();
        stored.Clear();
    }

    /// <summary>
    /// The dates of new contacts, of earlier contacts whose gaps changed, of contacts rated by new responses, and the
    /// dates marked while merging updated rows (as <see cref="ChangedDates"/> on SQLite).
    /// </summary>
    private List<DateOnly> CollectChangedDates()
    {
        Execute($"""
            INSERT INTO import_changed_dates (local_date)
            SELECT "LocalDate" FROM "Contacts" WHERE "Id" > {ContactsMaxIdAtStart}
            UNION SELECT c."LocalDate" FROM import_gaps g JOIN "Contacts" c ON c."Id" = g.contact_id WHERE g.contact_id <= {ContactsMaxIdAtStart}
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
