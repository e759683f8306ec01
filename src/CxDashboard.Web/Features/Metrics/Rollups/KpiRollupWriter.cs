using System.Globalization;
using CxDashboard.Web.Data.Entities;
using Microsoft.Data.Sqlite;

namespace CxDashboard.Web.Features.Metrics.Rollups;

/// <summary>
/// Rebuilds rollup rows from the raw contacts and responses, for chosen local dates or for everything, inside the
/// caller's transaction. The comparisons are those of <see cref="ContactRules"/>, applied to the stored gaps.
/// </summary>
public static class KpiRollupWriter
{
    private static readonly (RollupGrain Grain, string[] Dimensions)[] Grains =
    [
        (RollupGrain.ChannelReason, ["Channel", "ReasonId"]),
        (RollupGrain.TeamAgent, ["TeamId", "AgentId"]),
        (RollupGrain.TeamChannelReason, ["TeamId", "Channel", "ReasonId"]),
        (RollupGrain.Team, ["TeamId"]),
    ];

    private static readonly string[] Measures =
    [
        "Contacts", "Repeats", "SameReasonRepeats", "NotFollowed", "WithHandleTime", "HandleSeconds", "BotEscalations", "SelfService",
        "Responses", "CsatPositive", "CsatNegative", "CsatTotal", "FcrAnswered", "FcrYes", "NpsAnswered", "Promoters", "Detractors", "WithComment",
    ];

    private static readonly string[] AllDimensions = ["TeamId", "AgentId", "Channel", "ReasonId"];

    /// <summary>Rebuilds the rows of the dates in temp.rollup_dates (see <see cref="StageDates"/>).</summary>
    public static void RefreshStagedDates(SqliteConnection connection, SqliteTransaction? transaction, int windowDays)
    {
        Execute(connection, transaction, """DELETE FROM "KpiRollups" WHERE NOT "IsMonth" AND "LocalDate" IN (SELECT local_date FROM temp.rollup_dates)""");
        foreach (var (grain, dimensions) in Grains)
            Execute(connection, transaction, InsertSql(grain, dimensions, """ c."LocalDate" IN (SELECT local_date FROM temp.rollup_dates) """), windowDays);
        RefreshMonths(connection, transaction, """ IN (SELECT DISTINCT substr(local_date, 1, 7) || '-01' FROM temp.rollup_dates) """);
        Execute(connection, transaction, "DELETE FROM temp.rollup_dates");
    }

    /// <summary>Sums the day rows of the given months (a SQL condition on the month's first day) into month rows.</summary>
    private static void RefreshMonths(SqliteConnection connection, SqliteTransaction? transaction, string monthCondition)
    {
        Execute(connection, transaction, $"""DELETE FROM "KpiRollups" WHERE "IsMonth" AND "LocalDate" {monthCondition}""");
        var measures = string.Join(", ", Measures.Select(m => $"\"{m}\""));
        var sums = string.Join(", ", Measures.Select(m => $"SUM(\"{m}\")"));
        Execute(connection, transaction, $"""
            INSERT INTO "KpiRollups" ("Grain", "LocalDate", "IsMonth", "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays", {measures})
            SELECT "Grain", substr("LocalDate", 1, 7) || '-01', 1, "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays", {sums}
            FROM "KpiRollups"
            WHERE NOT "IsMonth" AND substr("LocalDate", 1, 7) || '-01' {monthCondition}
            GROUP BY "Grain", substr("LocalDate", 1, 7), "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays"
            """);
    }

    /// <summary>Rebuilds every row and records the window they were built with.</summary>
    public static void RebuildAll(SqliteConnection connection, SqliteTransaction? transaction, int windowDays, DateTime nowUtc)
    {
        Execute(connection, transaction, """DELETE FROM "KpiRollups" """);
        foreach (var (grain, dimensions) in Grains) Execute(connection, transaction, InsertSql(grain, dimensions, "1 = 1"), windowDays);
        RefreshMonths(connection, transaction, "IS NOT NULL");
        Execute(connection, transaction, """
            INSERT INTO "KpiRollupStates" ("Id", "WindowDays", "IsComplete", "BuiltAtUtc") VALUES (1, @w, 1, @now)
            ON CONFLICT ("Id") DO UPDATE SET "WindowDays" = excluded."WindowDays", "IsComplete" = 1, "BuiltAtUtc" = excluded."BuiltAtUtc"
            """, windowDays, nowUtc.Ticks);
    }

    /// <summary>Marks the rollups unusable until rebuilt (queries then read the raw rows).</summary>
    public static void MarkStale(SqliteConnection connection, SqliteTransaction? transaction) =>
        Execute(connection, transaction, """UPDATE "KpiRollupStates" SET "IsComplete" = 0""");

    public static void EnsureDateStage(SqliteConnection connection, SqliteTransaction? transaction) =>
        Execute(connection, transaction, "CREATE TEMP TABLE IF NOT EXISTS rollup_dates (local_date TEXT PRIMARY KEY) WITHOUT ROWID");

    public static void StageDates(SqliteConnection connection, SqliteTransaction? transaction, IEnumerable<DateOnly> dates)
    {
        EnsureDateStage(connection, transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO temp.rollup_dates (local_date) VALUES (@d) ON CONFLICT DO NOTHING";
        var parameter = command.Parameters.Add("@d", SqliteType.Text);
        foreach (var date in dates)
        {
            parameter.Value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            command.ExecuteNonQuery();
        }
    }

    private static string InsertSql(RollupGrain grain, string[] dimensions, string contactFilter)
    {
        var columns = AllDimensions.Select(d => dimensions.Contains(d) ? $"c.\"{d}\"" : "NULL").ToArray();
        var groupBy = string.Join(", ", new[] { "c.\"LocalDate\"" }.Concat(dimensions.Select(d => $"c.\"{d}\"")));
        return $"""
            WITH measured AS (
                SELECT * FROM "Contacts" c WHERE {contactFilter}
            ),
            responses AS (
                SELECT r."ContactId",
                       COUNT(*) AS n,
                       SUM(r."Csat" >= 4) AS positive,
                       SUM(r."Csat" <= 2) AS negative,
                       SUM(r."Csat") AS total,
                       SUM(r."Resolved" IS NOT NULL) AS fcr_answered,
                       SUM(r."Resolved" = 1) AS fcr_yes,
                       SUM(r."Nps" IS NOT NULL) AS nps_answered,
                       SUM(r."Nps" >= 9) AS promoters,
                       SUM(r."Nps" <= 6) AS detractors,
                       SUM(r."Comment" IS NOT NULL AND r."Comment" <> '') AS with_comment
                FROM "SurveyResponses" r
                WHERE r."Kind" = {(int)SurveyResponseKind.PostContact} AND r."ContactId" IN (SELECT "Id" FROM measured)
                GROUP BY r."ContactId"
            )
            INSERT INTO "KpiRollups" ("Grain", "LocalDate", "IsMonth", "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays",
                "Contacts", "Repeats", "SameReasonRepeats", "NotFollowed", "WithHandleTime", "HandleSeconds", "BotEscalations", "SelfService",
                "Responses", "CsatPositive", "CsatNegative", "CsatTotal", "FcrAnswered", "FcrYes", "NpsAnswered", "Promoters", "Detractors", "WithComment")
            SELECT {(int)grain}, c."LocalDate", 0, {string.Join(", ", columns)}, @w,
                COUNT(*),
                SUM(COALESCE(c."PrevGapTicks" <= @wt, 0)),
                SUM(COALESCE(c."PrevSameReasonGapTicks" <= @wt, 0)),
                SUM(c."NextGapTicks" IS NULL OR c."NextGapTicks" > @wt),
                SUM(c."HandleSeconds" IS NOT NULL),
                SUM(COALESCE(c."HandleSeconds", 0)),
                SUM(c."EscalatedFromBot"),
                SUM(c."Channel" = {(int)Channel.SelfService}),
                SUM(COALESCE(r.n, 0)), SUM(COALESCE(r.positive, 0)), SUM(COALESCE(r.negative, 0)), SUM(COALESCE(r.total, 0)),
                SUM(COALESCE(r.fcr_answered, 0)), SUM(COALESCE(r.fcr_yes, 0)), SUM(COALESCE(r.nps_answered, 0)),
                SUM(COALESCE(r.promoters, 0)), SUM(COALESCE(r.detractors, 0)), SUM(COALESCE(r.with_comment, 0))
            FROM measured c LEFT JOIN responses r ON r."ContactId" = c."Id"
            GROUP BY {groupBy}
            """;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, int? windowDays = null, long? nowTicks = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        if (windowDays is { } w)
        {
            command.Parameters.AddWithValue("@w", w);
            command.Parameters.AddWithValue("@wt", ContactRules.WindowTicks(w));
        }
        if (nowTicks is { } now) command.Parameters.AddWithValue("@now", now);
        command.ExecuteNonQuery();
    }
}
