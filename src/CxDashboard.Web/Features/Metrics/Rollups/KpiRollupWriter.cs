using System.Globalization;
using CxDashboard.Web.Data.Entities;
using Microsoft.Data.Sqlite;

namespace CxDashboard.Web.Features.Metrics.Rollups;

/// <summary>
/// Rebuilds rollup rows from the raw contacts and responses, for chosen local dates or for everything, inside the
/// caller's transaction. One pass over the raw rows builds the finest grain (every dimension); the other grains and
/// the month rows are sums of it. The comparisons are those of <see cref="ContactRules"/>, applied to the stored gaps.
/// </summary>
public static class KpiRollupWriter
{
    /// <summary>Raised whenever grains or measures change, so existing rollups are rebuilt at the next start.</summary>
    public const int FormatVersion = 2;

    /// <summary>The window W of the stored rollups when they may be read and kept current, else null.</summary>
    public static int? UsableWindow(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""SELECT "WindowDays" FROM "KpiRollupStates" WHERE "IsComplete" = 1 AND "FormatVersion" = {FormatVersion}""";
        return command.ExecuteScalar() is long windowDays ? (int)windowDays : null;
    }

    private static readonly string[] AllDimensions = ["TeamId", "AgentId", "Channel", "ReasonId"];

    /// <summary>The grains summed from the finest one, with the dimensions each keeps.</summary>
    private static readonly (RollupGrain Grain, string[] Dimensions)[] CoarserGrains =
    [
        (RollupGrain.ChannelReason, ["Channel", "ReasonId"]),
        (RollupGrain.TeamAgent, ["TeamId", "AgentId"]),
        (RollupGrain.TeamChannelReason, ["TeamId", "Channel", "ReasonId"]),
        (RollupGrain.Team, ["TeamId"]),
    ];

    private static readonly string[] ContactMeasures =
        ["Contacts", "Repeats", "SameReasonRepeats", "NotFollowed", "WithHandleTime", "HandleSeconds", "BotEscalations", "SelfService"];

    private static readonly string[] ResponseMeasures =
        ["Responses", "CsatPositive", "CsatNegative", "CsatTotal", "FcrAnswered", "FcrYes", "NpsAnswered", "Promoters", "Detractors", "WithComment"];

    private static readonly string[] Measures = [.. ContactMeasures, .. ResponseMeasures];

    private const string StagedDates = "(SELECT local_date FROM temp.rollup_dates)";

    /// <summary>Rebuilds the rows of the dates in temp.rollup_dates (see <see cref="StageDates"/>).</summary>
    public static void RefreshStagedDates(SqliteConnection connection, SqliteTransaction? transaction, int windowDays)
    {
        Execute(connection, transaction, $"""DELETE FROM "KpiRollups" WHERE NOT "IsMonth" AND "LocalDate" IN {StagedDates}""");
        Execute(connection, transaction, FinestGrainSql($"""c."LocalDate" IN {StagedDates}"""), windowDays);
        foreach (var (grain, dimensions) in CoarserGrains)
            Execute(connection, transaction, CoarserGrainSql(grain, dimensions, $"""AND "LocalDate" IN {StagedDates}"""));
        RefreshMonths(connection, transaction, $""" IN (SELECT DISTINCT substr(local_date, 1, 7) || '-01' FROM temp.rollup_dates) """);
        Execute(connection, transaction, "DELETE FROM temp.rollup_dates");
    }

    /// <summary>Rebuilds every row and records the window they were built with.</summary>
    public static void RebuildAll(SqliteConnection connection, SqliteTransaction? transaction, int windowDays, DateTime nowUtc)
    {
        Execute(connection, transaction, """DELETE FROM "KpiRollups" """);
        Execute(connection, transaction, FinestGrainSql("1 = 1"), windowDays);
        foreach (var (grain, dimensions) in CoarserGrains) Execute(connection, transaction, CoarserGrainSql(grain, dimensions, ""));
        RefreshMonths(connection, transaction, "IS NOT NULL");
        Execute(connection, transaction, $"""
            INSERT INTO "KpiRollupStates" ("Id", "WindowDays", "IsComplete", "BuiltAtUtc", "FormatVersion") VALUES (1, @w, 1, @now, {FormatVersion})
            ON CONFLICT ("Id") DO UPDATE SET "WindowDays" = excluded."WindowDays", "IsComplete" = 1, "BuiltAtUtc" = excluded."BuiltAtUtc",
                "FormatVersion" = excluded."FormatVersion"
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

    /// <summary>
    /// Day rows of the finest grain, straight from the raw rows: the contacts' sums and the sums of the responses that
    /// rate them (attributed to the contact's day and dimensions), each grouped on its own and then added up.
    /// </summary>
    private static string FinestGrainSql(string contactFilter)
    {
        var dimensions = string.Join(", ", AllDimensions.Select(d => $"c.\"{d}\""));
        var zeros = (IEnumerable<string> names) => string.Join(", ", names.Select(n => $"0 AS \"{n}\""));
        return $"""
            INSERT INTO "KpiRollups" ("Grain", "LocalDate", "IsMonth", "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays", {Columns(Measures)})
            SELECT {(int)RollupGrain.All}, "LocalDate", 0, "TeamId", "AgentId", "Channel", "ReasonId", @w, {Sums(Measures)}
            FROM (
                SELECT c."LocalDate", {dimensions},
                    COUNT(*) AS "Contacts",
                    SUM(COALESCE(c."PrevGapTicks" <= @wt, 0)) AS "Repeats",
                    SUM(COALESCE(c."PrevSameReasonGapTicks" <= @wt, 0)) AS "SameReasonRepeats",
                    SUM(c."NextGapTicks" IS NULL OR c."NextGapTicks" > @wt) AS "NotFollowed",
                    SUM(c."HandleSeconds" IS NOT NULL) AS "WithHandleTime",
                    SUM(COALESCE(c."HandleSeconds", 0)) AS "HandleSeconds",
                    SUM(c."EscalatedFromBot") AS "BotEscalations",
                    SUM(c."Channel" = {(int)Channel.SelfService}) AS "SelfService",
                    {zeros(ResponseMeasures)}
                FROM "Contacts" c
                WHERE {contactFilter}
                GROUP BY c."LocalDate", {dimensions}
                UNION ALL
                SELECT c."LocalDate", {dimensions},
                    {zeros(ContactMeasures)},
                    COUNT(*) AS "Responses",
                    SUM(r."Csat" >= 4) AS "CsatPositive",
                    SUM(r."Csat" <= 2) AS "CsatNegative",
                    SUM(r."Csat") AS "CsatTotal",
                    SUM(r."Resolved" IS NOT NULL) AS "FcrAnswered",
                    SUM(COALESCE(r."Resolved" = 1, 0)) AS "FcrYes",
                    SUM(r."Nps" IS NOT NULL) AS "NpsAnswered",
                    SUM(COALESCE(r."Nps" >= 9, 0)) AS "Promoters",
                    SUM(COALESCE(r."Nps" <= 6, 0)) AS "Detractors",
                    SUM(r."Comment" IS NOT NULL AND r."Comment" <> '') AS "WithComment"
                FROM "SurveyResponses" r JOIN "Contacts" c ON c."Id" = r."ContactId"
                WHERE r."Kind" = {(int)SurveyResponseKind.PostContact} AND {contactFilter}
                GROUP BY c."LocalDate", {dimensions}
            )
            GROUP BY "LocalDate", "TeamId", "AgentId", "Channel", "ReasonId"
            """;
    }

    private static string CoarserGrainSql(RollupGrain grain, string[] dimensions, string dateFilter)
    {
        var columns = AllDimensions.Select(d => dimensions.Contains(d) ? $"\"{d}\"" : "NULL");
        var groupBy = string.Join(", ", new[] { "\"LocalDate\"" }.Concat(dimensions.Select(d => $"\"{d}\"")));
        return $"""
            INSERT INTO "KpiRollups" ("Grain", "LocalDate", "IsMonth", "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays", {Columns(Measures)})
            SELECT {(int)grain}, "LocalDate", 0, {string.Join(", ", columns)}, "WindowDays", {Sums(Measures)}
            FROM "KpiRollups"
            WHERE "Grain" = {(int)RollupGrain.All} AND NOT "IsMonth" {dateFilter}
            GROUP BY {groupBy}, "WindowDays"
            """;
    }

    /// <summary>Sums the day rows of the given months (a SQL condition on the month's first day) into month rows.</summary>
    private static void RefreshMonths(SqliteConnection connection, SqliteTransaction? transaction, string monthCondition)
    {
        Execute(connection, transaction, $"""DELETE FROM "KpiRollups" WHERE "IsMonth" AND "LocalDate" {monthCondition}""");
        Execute(connection, transaction, $"""
            INSERT INTO "KpiRollups" ("Grain", "LocalDate", "IsMonth", "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays", {Columns(Measures)})
            SELECT "Grain", substr("LocalDate", 1, 7) || '-01', 1, "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays", {Sums(Measures)}
            FROM "KpiRollups"
            WHERE NOT "IsMonth" AND substr("LocalDate", 1, 7) || '-01' {monthCondition}
            GROUP BY "Grain", substr("LocalDate", 1, 7), "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays"
            """);
    }

    private static string Columns(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
    private static string Sums(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"SUM(\"{n}\")"));

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
