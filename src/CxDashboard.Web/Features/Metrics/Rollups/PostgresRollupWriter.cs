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

    /// <summary>Rebuilds every pending day in a transaction of its own and clears them; how many days it rebuilt.</summary>
    public static async Task<int> RefreshPendingAsync(NpgsqlConnection connection, int windowDays, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await LockAsync(connection, transaction, ct);
        // Taken under the lock: another instance's refresh that ran first has cleared the days it rebuilt.
        await using var take = new NpgsqlCommand("""DELETE FROM "KpiRollupPendingDates" RETURNING "LocalDate" """, connection, transaction);
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
    private static string GrainOfGroupingSet() =>
        "CASE GROUPING(" + KpiRollupWriter.Columns(Dimensions) + ") " + string.Join(" ", KpiRollupWriter.Grains.Select(g =>
        {
            var mask = 0;
            for (var i = 0; i < Dimensions.Length; i++)
                if (!g.Dimensions.Contains(Dimensions[i])) mask |= 1 << (Dimensions.Length - 1 - i);
            return $"WHEN {mask} THEN {(int)g.Grain}";
        })) + " END";

    private static string GroupingSets() => string.Join(", ", KpiRollupWriter.Grains.Select(g =>
        "(\"LocalDate\", " + KpiRollupWriter.Columns(g.Dimensions) + ")"));

    private static string Sums() => string.Join(", ", KpiRollupWriter.Measures.Select(m => $"SUM(\"{m}\")"));

    /// <summary>Deletes the staged days' rows and their months' rows, then writes both anew.</summary>
    private static async Task RefreshStagedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int windowDays, CancellationToken ct)
    {
        var windowTicks = ContactRules.WindowTicks(windowDays);
        var columns = KpiRollupWriter.Columns(KpiRollupWriter.Measures);
        var sql = $"""
            -- A day's grouping sets are hashed in memory rather than sorted on disk four times (one refresh runs at a time: the lock).
            SET LOCAL work_mem = '64MB';
            CREATE TEMP TABLE IF NOT EXISTS rollup_months (month date PRIMARY KEY);
            TRUNCATE rollup_months;
            INSERT INTO rollup_months (month) SELECT DISTINCT date_trunc('month', local_date)::date FROM rollup_dates;
            DELETE FROM "KpiRollups" WHERE NOT "IsMonth" AND "LocalDate" IN (SELECT local_date FROM rollup_dates);
            DELETE FROM "KpiRollups" WHERE "IsMonth" AND "LocalDate" IN (SELECT month FROM rollup_months);

            INSERT INTO "KpiRollups" ("Grain", "LocalDate", "IsMonth", "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays", {columns})
            SELECT {GrainOfGroupingSet()}, "LocalDate", FALSE, "TeamId", "AgentId", "Channel", "ReasonId", {windowDays}, {Sums()}
            FROM (
                SELECT c."LocalDate", c."TeamId", c."AgentId", c."Channel", c."ReasonId",
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
                FROM "Contacts" c WHERE c."LocalDate" IN (SELECT local_date FROM rollup_dates)
                UNION ALL
                SELECT c."LocalDate", c."TeamId", c."AgentId", c."Channel", c."ReasonId",
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
                WHERE r."Kind" = {(int)SurveyResponseKind.PostContact} AND c."LocalDate" IN (SELECT local_date FROM rollup_dates)
            ) facts
            GROUP BY GROUPING SETS ({GroupingSets()});

            INSERT INTO "KpiRollups" ("Grain", "LocalDate", "IsMonth", "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays", {columns})
            SELECT d."Grain", m.month, TRUE, d."TeamId", d."AgentId", d."Channel", d."ReasonId", {windowDays}, {Sums()}
            FROM rollup_months m
            JOIN "KpiRollups" d ON NOT d."IsMonth" AND d."LocalDate" >= m.month AND d."LocalDate" < (m.month + INTERVAL '1 month')::date
            GROUP BY d."Grain", m.month, d."TeamId", d."AgentId", d."Channel", d."ReasonId";
            """;
        await ExecuteAsync(connection, transaction, sql, ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
