using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Web.Features.Metrics.Rollups;

/// <summary>
/// The KPI rollups on PostgreSQL: the same rows as <see cref="KpiRollupWriter"/> writes on SQLite, summed by the same
/// <see cref="RollupSums"/> from the staged days' contacts and responses, a month at a time. Every refresh holds a
/// transaction-level advisory lock, so two writers (two app instances, an import and a survey answer) never rebuild the
/// same day side by side: the second waits, then reads the rows the first committed.
/// </summary>
public static class PostgresRollupWriter
{
    /// <summary>The advisory lock key of rollup refreshes (any fixed number; the app takes no other with it).</summary>
    private const long RefreshLock = 0x43_78_52_6f_6c_6c; // "CxRoll"

    public static async Task<int?> UsableWindowAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""SELECT "WindowDays" FROM "KpiRollupStates" WHERE "IsComplete" AND "FormatVersion" = {KpiRollupWriter.FormatVersion}""",
            connection, transaction);
        return await command.ExecuteScalarAsync(ct) is int windowDays ? windowDays : null;
    }

    /// <summary>Rebuilds the rollup rows of these local dates inside the caller's transaction.</summary>
    public static async Task RefreshDatesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<DateOnly> dates,
        int windowDays, CancellationToken ct)
    {
        if (dates.Count == 0) return;
        await LockAsync(connection, transaction, ct);
        await StageAsync(connection, transaction, dates, ct);
        await RefreshStagedAsync(connection, transaction, windowDays, ct);
    }

    /// <summary>Records the dates as pending (a large import), to be rebuilt by <see cref="RefreshPendingAsync"/>.</summary>
    public static async Task MarkPendingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<DateOnly> dates,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO "KpiRollupPendingDates" ("LocalDate") SELECT DISTINCT unnest(@dates) ON CONFLICT DO NOTHING
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("dates", [.. dates]));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Rebuilds every pending day, and every day of the stale months that ended before <paramref name="currentMonth"/>,
    /// in a transaction of its own and clears them; how many days it rebuilt.
    /// </summary>
    public static async Task<int> RefreshPendingAsync(NpgsqlConnection connection, int windowDays, DateOnly currentMonth, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await LockAsync(connection, transaction, ct);
        // Taken under the lock: another instance's refresh that ran first has cleared the days it rebuilt. A stale month
        // whose contacts are all gone has nothing to sum.
        await using (var forget = new NpgsqlCommand("""
            DELETE FROM "KpiRollupStaleMonths" m WHERE m."Month" < @month
                AND NOT EXISTS (SELECT 1 FROM "Contacts" c WHERE c."LocalDate" >= m."Month" AND c."LocalDate" < (m."Month" + INTERVAL '1 month')::date)
            """, connection, transaction))
        {
            forget.Parameters.Add(new NpgsqlParameter<DateOnly>("month", currentMonth));
            await forget.ExecuteNonQueryAsync(ct);
        }
        await using var take = new NpgsqlCommand("""
            WITH pending AS (DELETE FROM "KpiRollupPendingDates" RETURNING "LocalDate")
            SELECT "LocalDate" FROM pending
            UNION
            SELECT DISTINCT c."LocalDate" FROM "KpiRollupStaleMonths" m
            JOIN "Contacts" c ON c."LocalDate" >= m."Month" AND c."LocalDate" < (m."Month" + INTERVAL '1 month')::date
            WHERE m."Month" < @month
            """, connection, transaction);
        take.Parameters.Add(new NpgsqlParameter<DateOnly>("month", currentMonth));
        var dates = new List<DateOnly>();
        await using (var reader = await take.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) dates.Add(reader.GetFieldValue<DateOnly>(0));
        if (dates.Count > 0)
        {
            await StageAsync(connection, transaction, dates, ct);
            await RefreshStagedAsync(connection, transaction, windowDays, ct);
            await DataVersions.BumpAsync(connection, transaction, ct);
        }
        await transaction.CommitAsync(ct);
        return dates.Count;
    }

    /// <summary>Rebuilds every row for window W and records it.</summary>
    public static async Task RebuildAllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int windowDays, DateTime nowUtc, CancellationToken ct)
    {
        await LockAsync(connection, transaction, ct);
        await ExecuteAsync(connection, transaction, """
            CREATE TEMP TABLE IF NOT EXISTS rollup_dates (local_date date PRIMARY KEY);
            TRUNCATE rollup_dates;
            INSERT INTO rollup_dates (local_date) SELECT DISTINCT "LocalDate" FROM "Contacts";
            DELETE FROM "KpiRollups";
            DELETE FROM "KpiRollupPendingDates";
            DELETE FROM "KpiRollupStaleMonths";
            """, ct);
        await RefreshStagedAsync(connection, transaction, windowDays, ct);
        await using var state = new NpgsqlCommand($"""
            INSERT INTO "KpiRollupStates" ("Id", "WindowDays", "IsComplete", "BuiltAtUtc", "FormatVersion") VALUES (1, @w, TRUE, @now, {KpiRollupWriter.FormatVersion})
            ON CONFLICT ("Id") DO UPDATE SET "WindowDays" = excluded."WindowDays", "IsComplete" = TRUE, "BuiltAtUtc" = excluded."BuiltAtUtc",
                "FormatVersion" = excluded."FormatVersion"
            """, connection, transaction);
        state.Parameters.Add(new NpgsqlParameter<int>("w", windowDays));
        state.Parameters.Add(new NpgsqlParameter<DateTime>("now", Data.CxDbContext.ToUtcMicroseconds(nowUtc)) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await state.ExecuteNonQueryAsync(ct);
    }

    private static Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({RefreshLock})", ct);

    private static async Task StageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<DateOnly> dates, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            CREATE TEMP TABLE IF NOT EXISTS rollup_dates (local_date date PRIMARY KEY);
            TRUNCATE rollup_dates;
            INSERT INTO rollup_dates (local_date) SELECT DISTINCT unnest(@dates);
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("dates", [.. dates]));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Deletes the staged days' rows and their months' rows, then writes both anew, a month at a time: the month's day
    /// rows outside the staged days are read back, the staged days' responses read into memory, then their contacts
    /// streamed in date order and summed with them by <see cref="RollupSums"/> (the rule of both databases); the rows are
    /// written by binary COPY once the month's read is done (one connection runs one statement at a time). Month-only
    /// grains are written for the months whose every day with contacts is staged; the other months are recorded as stale.
    /// Memory holds a month's responses and rows, never its contacts: at the 10× load (25 M contacts a year) about
    /// 420,000 responses and half a million rollup rows for a whole month.
    /// </summary>
    private static async Task RefreshStagedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int windowDays, CancellationToken ct)
    {
        await ExecuteAsync(connection, transaction, """
            DELETE FROM "KpiRollups" WHERE NOT "IsMonth" AND "LocalDate" IN (SELECT local_date FROM rollup_dates);
            DELETE FROM "KpiRollups" WHERE "IsMonth" AND "LocalDate" IN (SELECT DISTINCT date_trunc('month', local_date)::date FROM rollup_dates);
            """, ct);
        var dates = new List<DateOnly>();
        await using (var read = new NpgsqlCommand("SELECT local_date FROM rollup_dates ORDER BY local_date", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) dates.Add(reader.GetFieldValue<DateOnly>(0));
        if (dates.Count == 0) return;

        // Written into an empty table, the rows are cheaper to index once at the end (a first import, a rebuild of all).
        await using var empty = new NpgsqlCommand("""SELECT NOT EXISTS (SELECT 1 FROM "KpiRollups")""", connection, transaction);
        var suspended = dates.Count > KpiRollupWriter.ManyDays && (bool)(await empty.ExecuteScalarAsync(ct))!
            ? PostgresBulkLoad.SuspendIndexesAndForeignKeys(connection, transaction, "KpiRollups")
            : [];
        var sums = new RollupSums(windowDays);
        var rows = new List<RollupRow>();
        foreach (var month in dates.GroupBy(d => new DateOnly(d.Year, d.Month, 1)))
        {
            DateOnly[] staged = [.. month];
            var wholeMonth = !await HasUnstagedDayWithContactsAsync(connection, transaction, month.Key, staged, ct);
            sums.StartMonth(wholeMonth);
            await AddUnstagedDaysAsync(connection, transaction, sums, month.Key, staged, ct);
            var responses = await StagedResponsesAsync(connection, transaction, staged, ct);
            await SumStagedDaysAsync(connection, transaction, sums, staged, responses, rows, ct);
            foreach (var (grain, monthRows) in sums.MonthRows())
                foreach (var (key, measures) in monthRows) rows.Add(new RollupRow(grain, month.Key, IsMonth: true, key, measures));
            WriteRows(connection, rows, windowDays);
            rows.Clear();
            await using var stale = new NpgsqlCommand(wholeMonth
                ? """DELETE FROM "KpiRollupStaleMonths" WHERE "Month" = @month"""
                : """INSERT INTO "KpiRollupStaleMonths" ("Month") VALUES (@month) ON CONFLICT DO NOTHING""", connection, transaction);
            stale.Parameters.Add(new NpgsqlParameter<DateOnly>("month", month.Key));
            await stale.ExecuteNonQueryAsync(ct);
        }
        PostgresBulkLoad.Restore(connection, transaction, suspended);
    }

    /// <summary>One rollup row to write: a day's or a month's sums of one grain.</summary>
    private readonly record struct RollupRow(RollupGrain Grain, DateOnly Date, bool IsMonth, RollupKey Key, RollupMeasures Measures);

    /// <summary>A post-contact response with the day and dimensions of the contact it rates.</summary>
    private readonly record struct StagedResponse(DateOnly Date, RollupKey Key, int Csat, bool? Resolved, int? Nps, bool HasComment);

    /// <summary>
    /// Streams the staged days' contacts in date order and sums each day with its responses (in date order too); the
    /// day rows go to <paramref name="rows"/>, to be written once the stream is done.
    /// </summary>
    private static async Task SumStagedDaysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RollupSums sums, DateOnly[] staged,
        List<StagedResponse> responses, List<RollupRow> rows, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT "LocalDate", "TeamId", "AgentId", "Channel", "ReasonId", "PrevGapTicks", "PrevSameReasonGapTicks", "NextGapTicks",
                "NextSameReasonGapTicks", "HandleSeconds", "EscalatedFromBot"
            FROM "Contacts" WHERE "LocalDate" = ANY (@dates) ORDER BY "LocalDate"
            """, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("dates", staged));
        await using var contacts = await command.ExecuteReaderAsync(ct);
        var hasContact = await contacts.ReadAsync(ct);
        var next = 0;
        foreach (var day in staged)
        {
            sums.StartDay();
            for (; hasContact && contacts.GetFieldValue<DateOnly>(0) == day; hasContact = await contacts.ReadAsync(ct))
                sums.AddContact(Key(contacts), new TimelineGaps(Int64(contacts, 5), Int64(contacts, 6), Int64(contacts, 7), Int64(contacts, 8)),
                    Int32(contacts, 9), contacts.GetBoolean(10));
            for (; next < responses.Count && responses[next].Date == day; next++)
            {
                var response = responses[next];
                sums.AddResponse(response.Key, response.Csat, response.Resolved, response.Nps, response.HasComment);
            }
            sums.EndDay((grain, dayRows) =>
            {
                foreach (var (key, measures) in dayRows) rows.Add(new RollupRow(grain, day, IsMonth: false, key, measures));
            });
        }
    }

    /// <summary>Whether a day of the month that is not staged has contacts (at most 31 index probes).</summary>
    private static async Task<bool> HasUnstagedDayWithContactsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly month,
        DateOnly[] staged, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT EXISTS (
                SELECT 1 FROM generate_series(@month, @month + INTERVAL '1 month' - INTERVAL '1 day', INTERVAL '1 day') AS d(day)
                WHERE NOT (d.day::date = ANY (@staged)) AND EXISTS (SELECT 1 FROM "Contacts" c WHERE c."LocalDate" = d.day::date))
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("month", month));
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("staged", staged));
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The stored day rows of the month's days that are not staged, every grain: the rest of the month's sums (summed by
    /// the server, so a one-day refresh reads a month's worth of rows once, not each day's).
    /// </summary>
    private static async Task AddUnstagedDaysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RollupSums sums, DateOnly month,
        DateOnly[] staged, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT "Grain", "TeamId", "AgentId", "Channel", "ReasonId", {string.Join(", ", KpiRollupWriter.Measures.Select(m => $"SUM(\"{m}\")::bigint"))}
            FROM "KpiRollups"
            WHERE NOT "IsMonth" AND "LocalDate" >= @month AND "LocalDate" < @next AND NOT ("LocalDate" = ANY (@staged))
            GROUP BY "Grain", "TeamId", "AgentId", "Channel", "ReasonId"
            """, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("month", month));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("next", month.AddMonths(1)));
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("staged", staged));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var measures = new RollupMeasures();
            for (var i = 0; i < RollupMeasures.Count; i++) measures[i] = reader.GetInt64(5 + i);
            sums.AddUnstagedDayRow((RollupGrain)reader.GetInt32(0), Key(reader), measures);
        }
    }

    /// <summary>The post-contact responses to the staged days' contacts, in date order (follow-ups are never counted).</summary>
    private static async Task<List<StagedResponse>> StagedResponsesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly[] staged, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT c."LocalDate", c."TeamId", c."AgentId", c."Channel", c."ReasonId", r."Csat", r."Resolved", r."Nps",
                r."Comment" IS NOT NULL AND r."Comment" <> ''
            FROM "SurveyResponses" r JOIN "Contacts" c ON c."Id" = r."ContactId"
            WHERE r."Kind" = {(int)SurveyResponseKind.PostContact} AND c."LocalDate" = ANY (@dates)
            ORDER BY c."LocalDate"
            """, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("dates", staged));
        var responses = new List<StagedResponse>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            responses.Add(new StagedResponse(reader.GetFieldValue<DateOnly>(0), Key(reader), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetBoolean(6),
                Int32(reader, 7), reader.GetBoolean(8)));
        return responses;
    }

    private static readonly string CopyRowsSql = $"""
        COPY "KpiRollups" ("Grain", "LocalDate", "IsMonth", "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays",
            {KpiRollupWriter.Columns(KpiRollupWriter.Measures)}) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Written synchronously: the importer buffers the rows, and an await per value cost more than the copy.</summary>
    private static void WriteRows(NpgsqlConnection connection, List<RollupRow> rows, int windowDays)
    {
        using var copy = connection.BeginBinaryImport(CopyRowsSql);
        copy.Timeout = TimeSpan.Zero;
        foreach (var (grain, date, isMonth, key, measures) in rows)
        {
            copy.StartRow();
            copy.Write((int)grain, NpgsqlDbType.Integer);
            copy.Write(date, NpgsqlDbType.Date);
            copy.Write(isMonth, NpgsqlDbType.Boolean);
            Write(copy, key.TeamId);
            Write(copy, key.AgentId);
            Write(copy, key.Channel);
            Write(copy, key.ReasonId);
            copy.Write(windowDays, NpgsqlDbType.Integer);
            for (var i = 0; i < RollupMeasures.Count; i++) copy.Write(measures[i], NpgsqlDbType.Bigint);
        }
        copy.Complete();
    }

    private static void Write(NpgsqlBinaryImporter copy, int? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Integer);
        else copy.WriteNull();
    }

    private static RollupKey Key(NpgsqlDataReader row) => new(Int32(row, 1), Int32(row, 2), Int32(row, 3), Int32(row, 4));

    private static int? Int32(NpgsqlDataReader row, int column) => row.IsDBNull(column) ? null : row.GetInt32(column);

    private static long? Int64(NpgsqlDataReader row, int column) => row.IsDBNull(column) ? null : row.GetInt64(column);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
