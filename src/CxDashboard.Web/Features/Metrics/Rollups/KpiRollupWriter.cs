using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.Data.Sqlite;

namespace CxDashboard.Web.Features.Metrics.Rollups;

/// <summary>A stored grain: the dimensions its rows keep, and whether it has day rows or month rows only.</summary>
internal sealed record StoredGrain(RollupGrain Grain, string[] Dimensions, bool MonthOnly)
{
    public bool Keeps(string dimension) => Dimensions.Contains(dimension);
}

/// <summary>
/// The rollups' layout (grains, measures, format version), and on SQLite their rebuild from the raw contacts and
/// responses, for chosen local dates or for everything, inside the caller's transaction (or one of its own). One ordered
/// pass over the raw rows of the dates sums each day at the finest grain (every dimension); the other grains and the
/// month rows are sums of it (see <see cref="RollupSums"/>, which PostgreSQL's <see cref="PostgresRollupWriter"/> uses
/// too). The comparisons are those of <see cref="ContactRules"/>, applied to the stored gaps (see <see cref="RollupMeasures"/>).
/// </summary>
public static class KpiRollupWriter
{
    /// <summary>Raised whenever grains or measures change, so existing rollups are rebuilt at the next start.</summary>
    public const int FormatVersion = 5;

    /// <summary>The window W of the stored rollups when they may be read and kept current, else null.</summary>
    public static int? UsableWindow(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""SELECT "WindowDays" FROM "KpiRollupStates" WHERE "IsComplete" = 1 AND "FormatVersion" = {FormatVersion}""";
        return command.ExecuteScalar() is long windowDays ? (int)windowDays : null;
    }

    /// <summary>
    /// Every stored grain with the dimensions it keeps (the others are summed over), smallest first. Day grains have a
    /// row per day and per month; month-only grains (<see cref="StoredGrain.MonthOnly"/>) a row per month only: kept per
    /// day they would hold about half a row per contact, more to write than their queries save over the contacts' own
    /// indexes for a few weeks, while a year of them is read from twelve months. No grain keeps all four dimensions.
    /// </summary>
    internal static readonly StoredGrain[] Grains =
    [
        new(RollupGrain.Team, ["TeamId"], MonthOnly: false),
        new(RollupGrain.ChannelReason, ["Channel", "ReasonId"], MonthOnly: false),
        new(RollupGrain.TeamChannel, ["TeamId", "Channel"], MonthOnly: false),
        new(RollupGrain.TeamAgent, ["TeamId", "AgentId"], MonthOnly: false),
        new(RollupGrain.TeamReason, ["TeamId", "ReasonId"], MonthOnly: false),
        new(RollupGrain.TeamAgentChannel, ["TeamId", "AgentId", "Channel"], MonthOnly: true),
        new(RollupGrain.TeamChannelReason, ["TeamId", "Channel", "ReasonId"], MonthOnly: true),
        new(RollupGrain.TeamAgentReason, ["TeamId", "AgentId", "ReasonId"], MonthOnly: true),
    ];

    internal static IEnumerable<StoredGrain> DayGrains => Grains.Where(g => !g.MonthOnly);

    internal static IEnumerable<StoredGrain> MonthOnlyGrains => Grains.Where(g => g.MonthOnly);

    /// <summary>The measure columns, in the order of <see cref="RollupMeasures"/>.</summary>
    internal static readonly string[] Measures =
    [
        "Contacts", "Repeats", "SameReasonRepeats", "NotFollowed", "WithHandleTime", "HandleSeconds", "BotEscalations", "SelfService",
        "Responses", "CsatPositive", "CsatNegative", "CsatTotal", "FcrAnswered", "FcrYes", "NpsAnswered", "Promoters", "Detractors", "WithComment",
        "SameReasonNotFollowed",
    ];

    private const string StagedDates = "(SELECT local_date FROM temp.rollup_dates)";

    /// <summary>Above this many dates the raw rows are read by one sequential scan rather than through the date index.</summary>
    internal const int ManyDays = 31;

    /// <summary>Rebuilds the rows of the dates in temp.rollup_dates (see <see cref="StageDates"/>).</summary>
    public static void RefreshStagedDates(SqliteConnection connection, SqliteTransaction? transaction, int windowDays) =>
        InTransaction(connection, transaction, tx => Refresh(connection, tx, windowDays, everything: false));

    /// <summary>Rebuilds every row and records the window they were built with.</summary>
    public static void RebuildAll(SqliteConnection connection, SqliteTransaction? transaction, int windowDays, DateTime nowUtc) =>
        InTransaction(connection, transaction, tx =>
        {
            EnsureDateStage(connection, tx);
            Execute(connection, tx, """INSERT OR IGNORE INTO temp.rollup_dates (local_date) SELECT DISTINCT "LocalDate" FROM "Contacts" """);
            Refresh(connection, tx, windowDays, everything: true);
            Execute(connection, tx, """DELETE FROM "KpiRollupPendingDates" """);
            Execute(connection, tx, """DELETE FROM "KpiRollupStaleMonths" """);
            Execute(connection, tx, $"""
                INSERT INTO "KpiRollupStates" ("Id", "WindowDays", "IsComplete", "BuiltAtUtc", "FormatVersion") VALUES (1, @w, 1, @now, {FormatVersion})
                ON CONFLICT ("Id") DO UPDATE SET "WindowDays" = excluded."WindowDays", "IsComplete" = 1, "BuiltAtUtc" = excluded."BuiltAtUtc",
                    "FormatVersion" = excluded."FormatVersion"
                """, windowDays, nowUtc.Ticks);
        });

    /// <summary>
    /// Records the staged dates as pending instead of rebuilding them now (a large import, whose rollups are rebuilt
    /// right after it commits, see <see cref="RefreshPending"/>); queries read those days from the raw rows meanwhile.
    /// </summary>
    public static void MarkStagedDatesPending(SqliteConnection connection, SqliteTransaction transaction)
    {
        Execute(connection, transaction, """INSERT OR IGNORE INTO "KpiRollupPendingDates" ("LocalDate") SELECT local_date FROM temp.rollup_dates""");
        Execute(connection, transaction, "DELETE FROM temp.rollup_dates");
    }

    /// <summary>
    /// Rebuilds the rollups of every pending date, and of every day of the stale months that ended before
    /// <paramref name="currentMonth"/> (so their month-only rows are summed again), in one transaction of its own and
    /// clears them; returns how many days it rebuilt. The write lock is taken first, so an import cannot add pending
    /// dates between the read and the clear.
    /// </summary>
    public static int RefreshPending(SqliteConnection connection, int windowDays, DateOnly currentMonth)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        EnsureDateStage(connection, transaction);
        // A stale month whose contacts are all gone has no rows to sum: nothing is stale any more.
        Execute(connection, transaction, """
            DELETE FROM "KpiRollupStaleMonths" AS m WHERE m."Month" < @month
                AND NOT EXISTS (SELECT 1 FROM "Contacts" c WHERE c."LocalDate" >= m."Month" AND c."LocalDate" < date(m."Month", '+1 month'))
            """, month: currentMonth);
        var days = Execute(connection, transaction, """INSERT OR IGNORE INTO temp.rollup_dates (local_date) SELECT "LocalDate" FROM "KpiRollupPendingDates" """);
        days += Execute(connection, transaction, """
            INSERT OR IGNORE INTO temp.rollup_dates (local_date)
            SELECT DISTINCT c."LocalDate" FROM "KpiRollupStaleMonths" m
            JOIN "Contacts" c ON c."LocalDate" >= m."Month" AND c."LocalDate" < date(m."Month", '+1 month')
            WHERE m."Month" < @month
            """, month: currentMonth);
        if (days > 0)
        {
            Refresh(connection, transaction, windowDays, everything: false);
            Execute(connection, transaction, """DELETE FROM "KpiRollupPendingDates" """);
            DataVersions.Bump(connection, transaction);
        }
        transaction.Commit();
        return days;
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
    /// Deletes the staged days' rows and the month rows of their months, then writes them anew (see <see cref="RollupBuilder"/>).
    /// </summary>
    /// <param name="everything">Every date is staged (a full rebuild): the whole table is emptied first.</param>
    private static void Refresh(SqliteConnection connection, SqliteTransaction transaction, int windowDays, bool everything)
    {
        var dates = StagedDateList(connection, transaction);
        // Deleting most of the table row by row costs more than writing it anew; when no day outside the staged ones has
        // rows, SQLite's whole-table delete (which frees the pages at once) removes exactly the same rows.
        var wholeTable = everything || !HasDayRowsOutsideStagedDates(connection, transaction);
        if (wholeTable)
        {
            Execute(connection, transaction, """DELETE FROM "KpiRollups" """);
        }
        else
        {
            Execute(connection, transaction, $"""DELETE FROM "KpiRollups" WHERE "IsMonth" = 0 AND "LocalDate" IN {StagedDates}""");
            Execute(connection, transaction, """
                DELETE FROM "KpiRollups" WHERE "IsMonth" = 1 AND "LocalDate" IN (SELECT DISTINCT substr(local_date, 1, 7) || '-01' FROM temp.rollup_dates)
                """);
        }
        if (dates.Count == 0) return;
        var manyDays = dates.Count > ManyDays;
        // Written into an empty table, the rows are cheaper to index once at the end than one by one.
        var indexes = wholeTable && manyDays ? SecondaryIndexes.Drop(connection, transaction, "KpiRollups") : [];
        new RollupBuilder(connection, windowDays, sequentialScan: manyDays).Build(dates);
        SecondaryIndexes.Create(connection, transaction, indexes);
        Execute(connection, transaction, "DELETE FROM temp.rollup_dates");
    }

    private static List<string> StagedDateList(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT local_date FROM temp.rollup_dates ORDER BY local_date";
        using var reader = command.ExecuteReader();
        var dates = new List<string>();
        while (reader.Read()) dates.Add(reader.GetString(0));
        return dates;
    }

    /// <summary>Every day with rows has rows of every grain: the (grain, kind, date) index answers without reading the table.</summary>
    private static bool HasDayRowsOutsideStagedDates(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT EXISTS (SELECT 1 FROM "KpiRollups" WHERE "Grain" = {(int)RollupGrain.Team} AND "IsMonth" = 0 AND "LocalDate" NOT IN {StagedDates})
            """;
        return (long)command.ExecuteScalar()! == 1;
    }

    /// <summary>A refresh runs inside the caller's transaction, or in one of its own, so it is never half-written.</summary>
    private static void InTransaction(SqliteConnection connection, SqliteTransaction? transaction, Action<SqliteTransaction> work)
    {
        if (transaction is not null)
        {
            work(transaction);
            return;
        }
        using var own = connection.BeginTransaction();
        work(own);
        DataVersions.Bump(connection, own);
        own.Commit();
    }

    internal static string Columns(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));

    private static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, int? windowDays = null, long? nowTicks = null,
        DateOnly? month = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        if (windowDays is { } w) command.Parameters.AddWithValue("@w", w);
        if (nowTicks is { } now) command.Parameters.AddWithValue("@now", now);
        if (month is { } m) command.Parameters.AddWithValue("@month", m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return command.ExecuteNonQuery();
    }
}
