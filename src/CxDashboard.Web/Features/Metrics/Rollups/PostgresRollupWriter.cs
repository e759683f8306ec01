using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Web.Features.Metrics.Rollups;

/// <summary>
/// The KPI rollups on PostgreSQL: the same rows as <see cref="KpiRollupWriter"/> writes on SQLite, computed in SQL. One
/// statement sums the staged days' contacts and responses into every grain at once (GROUPING SETS); the month rows are
/// sums of their days' rows per grain. The comparisons are those of <see cref="RollupMeasures"/>. Every refresh holds a
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

    private static readonly string[] Dimensions = ["TeamId", "AgentId", "Channel", "ReasonId"];

    /// <summary>
    /// GROUPING() over the four dimensions sets a bit for each one summed over (the first dimension is the highest bit):
    /// that mask names the grain of each grouping set.
    /// </summary>
    private static string GrainOfGroupingSet(IEnumerable<StoredGrain> grains) =>
        "CASE GROUPING(" + KpiRollupWriter.Columns(Dimensions) + ") " + string.Join(" ", grains.Select(g =>
        {
            var mask = 0;
            for (var i = 0; i < Dimensions.Length; i++)
                if (!g.Keeps(Dimensions[i])) mask |= 1 << (Dimensions.Length - 1 - i);
            return $"WHEN {mask} THEN {(int)g.Grain}";
        })) + " END";

    private static string GroupingSets(IEnumerable<StoredGrain> grains) => string.Join(", ", grains.Select(g =>
        "(\"LocalDate\", " + KpiRollupWriter.Columns(g.Dimensions) + ")"));

    private static string Sums() => string.Join(", ", KpiRollupWriter.Measures.Select(m => $"SUM(\"{m}\")"));

    /// <summary>
    /// The staged days' contacts and responses as one row each with its measures, dated by <paramref name="date"/> (the
    /// local date, or its month), of the staged days that also pass <paramref name="andWhere"/>.
    /// </summary>
    private static string Facts(long windowTicks, string date, string andWhere = "") => $"""
        SELECT {date} AS "LocalDate", c."TeamId", c."AgentId", c."Channel", c."ReasonId",
            1 AS "Contacts",
            COALESCE(c."PrevGapTicks" <= {windowTicks}, FALSE)::int AS "Repeats",
            COALESCE(c."PrevSameReasonGapTicks" <= {windowTicks}, FALSE)::int AS "SameReasonRepeats",
            (c."NextGapTicks" IS NULL OR c."NextGapTicks" > {windowTicks})::int AS "NotFollowed",
            (c."HandleSeconds" IS NOT NULL)::int AS "WithHandleTime",
            COALESCE(c."HandleSeconds", 0)::bigint AS "HandleSeconds",
            c."EscalatedFromBot"::int AS "BotEscalations",
            (c."Channel" = {(int)Channel.SelfService})::int AS "SelfService",
            0 AS "Responses", 0 AS "CsatPositive", 0 AS "CsatNegative", 0 AS "CsatTotal", 0 AS "FcrAnswered", 0 AS "FcrYes",
            0 AS "NpsAnswered", 0 AS "Promoters", 0 AS "Detractors", 0 AS "WithComment",
            (c."NextSameReasonGapTicks" IS NULL OR c."NextSameReasonGapTicks" > {windowTicks})::int AS "SameReasonNotFollowed"
        FROM "Contacts" c WHERE c."LocalDate" IN (SELECT local_date FROM rollup_dates) {andWhere}
        UNION ALL
        SELECT {date}, c."TeamId", c."AgentId", c."Channel", c."ReasonId",
            0, 0, 0, 0, 0, 0, 0, 0,
            1,
            (r."Csat" >= 4)::int,
            (r."Csat" <= 2)::int,
            r."Csat",
            (r."Resolved" IS NOT NULL)::int,
            COALESCE(r."Resolved", FALSE)::int,
            (r."Nps" IS NOT NULL)::int,
            COALESCE(r."Nps" >= 9, FALSE)::int,
            COALESCE(r."Nps" <= 6, FALSE)::int,
            (r."Comment" IS NOT NULL AND r."Comment" <> '')::int,
            0
        FROM "SurveyResponses" r JOIN "Contacts" c ON c."Id" = r."ContactId"
        WHERE r."Kind" = {(int)SurveyResponseKind.PostContact} AND c."LocalDate" IN (SELECT local_date FROM rollup_dates) {andWhere}
        """;

    /// <summary>
    /// Deletes the staged days' rows and their months' rows, then writes both anew. Month-only grains are summed from
    /// the contacts for the months whose every day with contacts is staged; the other months are recorded as stale.
    /// </summary>
    private static async Task RefreshStagedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int windowDays, CancellationToken ct)
    {
        var windowTicks = ContactRules.WindowTicks(windowDays);
        var columns = KpiRollupWriter.Columns(KpiRollupWriter.Measures);
        const string LocalDate = """c."LocalDate" """, month = """date_trunc('month', c."LocalDate")::date""";
        var sql = $"""
            -- A day's grouping sets are hashed in memory rather than sorted on disk four times (one refresh runs at a time: the lock).
            SET LOCAL work_mem = '64MB';
            CREATE TEMP TABLE IF NOT EXISTS rollup_months (month date PRIMARY KEY);
            TRUNCATE rollup_months;
            INSERT INTO rollup_months (month) SELECT DISTINCT date_trunc('month', local_date)::date FROM rollup_dates;
            DELETE FROM "KpiRollups" WHERE NOT "IsMonth" AND "LocalDate" IN (SELECT local_date FROM rollup_dates);
            DELETE FROM "KpiRollups" WHERE "IsMonth" AND "LocalDate" IN (SELECT month FROM rollup_months);
            """;
        await ExecuteAsync(connection, transaction, sql, ct);

        // Written into an empty table, the rows are cheaper to index once at the end (a first import, a rebuild of all).
        await using var empty = new NpgsqlCommand(
            $"""SELECT NOT EXISTS (SELECT 1 FROM "KpiRollups") AND (SELECT count(*) FROM rollup_dates) > {KpiRollupWriter.ManyDays}""", connection, transaction);
        var suspended = (bool)(await empty.ExecuteScalarAsync(ct))!
            ? PostgresBulkLoad.SuspendIndexesAndForeignKeys(connection, transaction, "KpiRollups")
            : [];

        sql = $"""
            INSERT INTO "KpiRollups" ("Grain", "LocalDate", "IsMonth", "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays", {columns})
            SELECT {GrainOfGroupingSet(KpiRollupWriter.DayGrains)}, "LocalDate", FALSE, "TeamId", "AgentId", "Channel", "ReasonId", {windowDays}, {Sums()}
            FROM ({Facts(windowTicks, LocalDate)}) facts
            GROUP BY GROUPING SETS ({GroupingSets(KpiRollupWriter.DayGrains)});

            INSERT INTO "KpiRollups" ("Grain", "LocalDate", "IsMonth", "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays", {columns})
            SELECT d."Grain", date_trunc('month', d."LocalDate")::date, TRUE, d."TeamId", d."AgentId", d."Channel", d."ReasonId", {windowDays}, {Sums()}
            FROM "KpiRollups" d
            -- One pass over the day rows of the months' span (one range, so a month's refresh reads its month through the
            -- date index, and a rebuild of all reads the table once rather than once per month).
            WHERE NOT d."IsMonth" AND d."LocalDate" >= (SELECT min(month) FROM rollup_months)
                AND d."LocalDate" < (SELECT max(month) FROM rollup_months) + INTERVAL '1 month'
                AND date_trunc('month', d."LocalDate")::date IN (SELECT month FROM rollup_months)
            GROUP BY d."Grain", date_trunc('month', d."LocalDate")::date, d."TeamId", d."AgentId", d."Channel", d."ReasonId";

            -- Whole months: no day outside the staged ones has contacts (at most 31 index probes a month).
            CREATE TEMP TABLE IF NOT EXISTS rollup_whole_months (month date PRIMARY KEY);
            TRUNCATE rollup_whole_months;
            INSERT INTO rollup_whole_months (month)
            SELECT m.month FROM rollup_months m
            WHERE NOT EXISTS (
                SELECT 1 FROM generate_series(m.month, m.month + INTERVAL '1 month' - INTERVAL '1 day', INTERVAL '1 day') AS d(day)
                WHERE d.day::date NOT IN (SELECT local_date FROM rollup_dates)
                    AND EXISTS (SELECT 1 FROM "Contacts" c WHERE c."LocalDate" = d.day::date));

            INSERT INTO "KpiRollups" ("Grain", "LocalDate", "IsMonth", "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays", {columns})
            SELECT {GrainOfGroupingSet(KpiRollupWriter.MonthOnlyGrains)}, "LocalDate", TRUE, "TeamId", "AgentId", "Channel", "ReasonId", {windowDays}, {Sums()}
            FROM ({Facts(windowTicks, month, $"AND {month} IN (SELECT month FROM rollup_whole_months)")}) facts
            GROUP BY GROUPING SETS ({GroupingSets(KpiRollupWriter.MonthOnlyGrains)});

            DELETE FROM "KpiRollupStaleMonths" WHERE "Month" IN (SELECT month FROM rollup_whole_months);
            INSERT INTO "KpiRollupStaleMonths" ("Month")
            SELECT month FROM rollup_months WHERE month NOT IN (SELECT month FROM rollup_whole_months) ON CONFLICT DO NOTHING;
            """;
        await ExecuteAsync(connection, transaction, sql, ct);
        PostgresBulkLoad.Restore(connection, transaction, suspended);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
