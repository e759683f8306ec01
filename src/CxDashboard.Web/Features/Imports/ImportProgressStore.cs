using System.Collections.Concurrent;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Ingestion;
using Npgsql;

namespace CxDashboard.Web.Features.Imports;

/// <summary>How far a running check or import is, for the progress bar.</summary>
public sealed record RunProgress(long RowsDone, long? RowsTotal, long BytesRead, long BytesTotal, long Errors, double Seconds)
{
    public double RowsPerSecond => Seconds > 0 ? RowsDone / Seconds : 0;

    /// <summary>0–100: by rows when the total is known from the preview, else by bytes read.</summary>
    public double Percent => RowsTotal is > 0 ? Math.Min(100, 100.0 * RowsDone / RowsTotal.Value)
        : BytesTotal > 0 ? Math.Min(100, 100.0 * BytesRead / BytesTotal) : 0;
}

/// <summary>
/// Progress of the running checks and imports.
/// <para>On PostgreSQL it is a row of <c>ImportRunProgress</c>, so every instance behind a load balancer shows the
/// progress of a run whichever instance runs it. The instance running a step writes that row on a connection of its own
/// (outside the import's transaction) and holds a session advisory lock on the run for as long as the step runs: when the
/// instance dies, the server drops its connection and the lock, and any instance can tell the run was cut off.</para>
/// <para>On SQLite (one instance) it is held in memory: the import's transaction holds the database's only write lock,
/// so progress could not be written while it runs.</para>
/// </summary>
public sealed class ImportProgressStore(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock, ILogger<ImportProgressStore> logger)
{
    /// <summary>The first key of the per-run advisory locks (the second is the run's id); distinct from the import lock's one-key space.</summary>
    private const int RunLockClass = 0x43_78_52_6e; // "CxRn"

    private readonly ConcurrentDictionary<long, RunProgress> _inMemory = new();
    private readonly ConcurrentDictionary<long, NpgsqlConnection> _owned = new();

    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    private bool Shared => DatabaseProviders.From(configuration) == DatabaseProvider.Postgres;

    private string ConnectionString => DatabaseProviders.ConnectionString(configuration, environment.ContentRootPath);

    public async Task<IProgress<ImportProgress>> TrackAsync(long runId, long? rowsTotal, long bytesTotal, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        RunProgress At(ImportProgress? p) => p is null
            ? new RunProgress(0, rowsTotal, 0, bytesTotal, 0, 0)
            : new RunProgress(p.RowsDone, rowsTotal, p.BytesRead ?? 0, p.BytesTotal ?? bytesTotal, p.Errors, clock.GetElapsedTime(started).TotalSeconds);

        if (!Shared)
        {
            _inMemory[runId] = At(null);
            return new SynchronousProgress(p => _inMemory[runId] = At(p));
        }

        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        _owned[runId] = connection;
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@class, @run)", runId, null, ct);
        await ExecuteAsync(connection, """
            INSERT INTO "ImportRunProgress" ("ImportRunId", "RowsDone", "RowsTotal", "BytesRead", "BytesTotal", "Errors", "Seconds", "Instance")
            VALUES (@run, @rows, @rowsTotal, @bytes, @bytesTotal, @errors, @seconds, @instance)
            ON CONFLICT ("ImportRunId") DO UPDATE SET "RowsDone" = excluded."RowsDone", "RowsTotal" = excluded."RowsTotal",
                "BytesRead" = excluded."BytesRead", "BytesTotal" = excluded."BytesTotal", "Errors" = excluded."Errors",
                "Seconds" = excluded."Seconds", "Instance" = excluded."Instance"
            """, runId, At(null), ct);
        return new SynchronousProgress(p =>
        {
            // Reported every few thousand rows, on the importing thread: one small update on the run's own connection.
            try
            {
                using var update = Command(connection, """
                    UPDATE "ImportRunProgress" SET "RowsDone" = @rows, "BytesRead" = @bytes, "BytesTotal" = @bytesTotal,
                        "Errors" = @errors, "Seconds" = @seconds
                    WHERE "ImportRunId" = @run
                    """, runId, At(p));
                update.ExecuteNonQuery();
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "Could not record the progress of import {RunId}", runId);
            }
        });
    }

    public async Task<RunProgress?> GetAsync(long runId, CancellationToken ct)
    {
        if (!Shared) return _inMemory.TryGetValue(runId, out var progress) ? progress : null;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT "RowsDone", "RowsTotal", "BytesRead", "BytesTotal", "Errors", "Seconds" FROM "ImportRunProgress" WHERE "ImportRunId" = @run
            """, connection);
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new RunProgress(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.GetInt64(4), reader.GetDouble(5));
    }

    /// <summary>The step ended (whatever its outcome): its progress is gone and its lock released.</summary>
    public async Task ForgetAsync(long runId)
    {
        _inMemory.TryRemove(runId, out _);
        if (!_owned.TryRemove(runId, out var connection)) return;
        await using (connection)
        {
            try
            {
                await ExecuteAsync(connection, """DELETE FROM "ImportRunProgress" WHERE "ImportRunId" = @run""", runId, null, CancellationToken.None);
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@class, @run)", runId, null, CancellationToken.None);
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "Could not clear the progress of import {RunId}", runId);
            }
        }
    }

    /// <summary>
    /// Whether a run marked as being checked or imported was cut off: on PostgreSQL, its step started (it has a progress
    /// row) and no instance holds its lock any more. A run with no progress row is still queued for a job server. On SQLite
    /// the one instance closes such runs when it starts, so this is always false.
    /// </summary>
    public async Task<bool> WasCutOffAsync(long runId, CancellationToken ct)
    {
        if (!Shared) return false;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT pg_try_advisory_lock(@class, @run) FROM "ImportRunProgress" WHERE "ImportRunId" = @run
            """, connection);
        command.Parameters.AddWithValue("class", RunLockClass);
        command.Parameters.AddWithValue("run", (int)runId);
        var free = await command.ExecuteScalarAsync(ct) is true;
        if (free) await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@class, @run)", runId, null, ct);
        return free;
    }

    private async Task ExecuteAsync(NpgsqlConnection connection, string sql, long runId, RunProgress? values, CancellationToken ct)
    {
        await using var command = Command(connection, sql, runId, values);
        await command.ExecuteNonQueryAsync(ct);
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, string sql, long runId, RunProgress? values)
    {
        var command = new NpgsqlCommand(sql, connection);
        var locks = sql.Contains("@class", StringComparison.Ordinal);
        command.Parameters.AddWithValue("run", locks ? (object)(int)runId : runId);
        if (locks) command.Parameters.AddWithValue("class", RunLockClass);
        if (values is null) return command;
        command.Parameters.AddWithValue("rows", values.RowsDone);
        command.Parameters.AddWithValue("rowsTotal", (object?)values.RowsTotal ?? DBNull.Value);
        command.Parameters.AddWithValue("bytes", values.BytesRead);
        command.Parameters.AddWithValue("bytesTotal", values.BytesTotal);
        command.Parameters.AddWithValue("errors", values.Errors);
        command.Parameters.AddWithValue("seconds", values.Seconds);
        command.Parameters.AddWithValue("instance", Instance);
        return command;
    }

    /// <summary>Reports on the importing thread (Progress&lt;T&gt; would post to the thread pool and arrive late or out of order).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
