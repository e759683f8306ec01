using System.Globalization;
using System.Text;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.Data.Sqlite;

namespace CxDashboard.Web.Features.Metrics.Rollups;

/// <summary>
/// Writes the rollup rows of the staged dates on SQLite (whose old rows the caller deleted) from one pass over their
/// contacts and responses in date order, summed by <see cref="RollupSums"/>. Hash sums replace the sorts of a GROUP BY,
/// which cost SQLite most of a large refresh.
/// </summary>
internal sealed class RollupBuilder(SqliteConnection connection, int windowDays, bool sequentialScan)
{
    private readonly RollupSums _sums = new(windowDays);

    private static readonly string StagedContactsSql = """
        SELECT c."LocalDate", c."TeamId", c."AgentId", c."Channel", c."ReasonId",
            c."PrevGapTicks", c."PrevSameReasonGapTicks", c."NextGapTicks", c."NextSameReasonGapTicks", c."HandleSeconds", c."EscalatedFromBot"
        FROM "Contacts" c WHERE {0}c."LocalDate" IN (SELECT local_date FROM temp.rollup_dates) ORDER BY c."LocalDate"
        """;

    private static readonly string StagedResponsesSql = $$"""
        SELECT c."LocalDate", c."TeamId", c."AgentId", c."Channel", c."ReasonId",
            r."Csat", r."Resolved", r."Nps", r."Comment" IS NOT NULL AND r."Comment" <> ''
        FROM "SurveyResponses" r JOIN "Contacts" c ON c."Id" = r."ContactId"
        WHERE r."Kind" = {{(int)SurveyResponseKind.PostContact}} AND {0}c."LocalDate" IN (SELECT local_date FROM temp.rollup_dates)
        ORDER BY c."LocalDate"
        """;

    /// <summary>The day rows of a month's days that are not staged, every grain: the rest of the month's sums.</summary>
    private static readonly string UnstagedDaysOfMonthSql = $"""
        SELECT "Grain", "TeamId", "AgentId", "Channel", "ReasonId", {KpiRollupWriter.Columns(KpiRollupWriter.Measures)}
        FROM "KpiRollups"
        WHERE "IsMonth" = 0 AND "LocalDate" >= ?1 AND "LocalDate" < ?2
            AND "LocalDate" NOT IN (SELECT local_date FROM temp.rollup_dates)
        """;

    private static readonly string InsertSql = $"""
        INSERT INTO "KpiRollups" ("Grain", "LocalDate", "IsMonth", "TeamId", "AgentId", "Channel", "ReasonId", "WindowDays",
            {KpiRollupWriter.Columns(KpiRollupWriter.Measures)})
        VALUES ({string.Join(", ", Enumerable.Range(1, 8 + RollupMeasures.Count).Select(i => $"?{i}"))})
        """;

    /// <param name="dates">The staged dates (yyyy-MM-dd), ascending.</param>
    public void Build(IReadOnlyList<string> dates)
    {
        // Many days: one sequential scan and a sort ("+" keeps SQLite off the date index, whose order would visit the
        // table's pages at random); a few days: through the date index.
        var scan = sequentialScan ? "+" : "";
        using var contacts = new FastStatement(connection, string.Format(StagedContactsSql, scan));
        using var responses = new FastStatement(connection, string.Format(StagedResponsesSql, scan));
        using var unstaged = new FastStatement(connection, UnstagedDaysOfMonthSql);
        using var insert = new FastStatement(connection, InsertSql);
        using var hasContacts = new FastStatement(connection, """SELECT 1 FROM "Contacts" WHERE "LocalDate" = ?1 LIMIT 1""");
        using var markStale = new FastStatement(connection, """INSERT OR IGNORE INTO "KpiRollupStaleMonths" ("Month") VALUES (?1)""");
        using var clearStale = new FastStatement(connection, """DELETE FROM "KpiRollupStaleMonths" WHERE "Month" = ?1""");
        var staged = dates.ToHashSet(StringComparer.Ordinal);

        var hasContact = contacts.ReadNext();
        var hasResponse = responses.ReadNext();
        var next = 0;
        while (next < dates.Count)
        {
            var month = dates[next][..7];
            var monthStart = $"{month}-01";
            var nextMonthStart = DateOnly.ParseExact(monthStart, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _sums.StartMonth(wholeMonthStaged: !HasUnstagedDayWithContacts(hasContacts, staged, monthStart));
            AddUnstagedDays(unstaged, monthStart, nextMonthStart);

            for (; next < dates.Count && dates[next].StartsWith(month, StringComparison.Ordinal); next++)
            {
                var day = Encoding.UTF8.GetBytes(dates[next]);
                _sums.StartDay();
                while (hasContact && IsOn(contacts, day))
                {
                    AddContact(contacts);
                    hasContact = contacts.ReadNext();
                }
                while (hasResponse && IsOn(responses, day))
                {
                    AddResponse(responses);
                    hasResponse = responses.ReadNext();
                }
                _sums.EndDay((grain, rows) => Write(insert, grain, day, isMonth: false, rows));
            }
            var monthDate = Encoding.UTF8.GetBytes(monthStart);
            foreach (var (grain, rows) in _sums.MonthRows()) Write(insert, grain, monthDate, isMonth: true, rows);
            (_sums.WholeMonthStaged ? clearStale : markStale).Bind(1, monthStart).Execute();
        }
        if (hasContact) contacts.Reset();
        if (hasResponse) responses.Reset();
    }

    private static bool HasUnstagedDayWithContacts(FastStatement hasContacts, HashSet<string> staged, string monthStart)
    {
        var first = DateOnly.ParseExact(monthStart, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var day = first; day.Month == first.Month; day = day.AddDays(1))
        {
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (staged.Contains(text)) continue;
            if (!hasContacts.Bind(1, text).ReadFirst()) continue;
            hasContacts.Reset();
            return true;
        }
        return false;
    }

    /// <summary>Whether the stream's current row is on this day; rows come in date order, and only staged dates.</summary>
    private static bool IsOn(FastStatement stream, byte[] day)
    {
        var date = stream.Utf8(0);
        var order = date.SequenceCompareTo(day);
        if (order < 0) throw new InvalidOperationException($"Rollup rows out of date order: {Encoding.UTF8.GetString(date)}");
        return order == 0;
    }

    private static RollupKey Key(FastStatement row) =>
        new((int?)row.NullableInt64(1), (int?)row.NullableInt64(2), (int)row.Int64(3), (int)row.Int64(4));

    private void AddContact(FastStatement row) =>
        _sums.AddContact(Key(row), new TimelineGaps(row.NullableInt64(5), row.NullableInt64(6), row.NullableInt64(7), row.NullableInt64(8)),
            (int?)row.NullableInt64(9), row.Int64(10) != 0);

    private void AddResponse(FastStatement row) =>
        _sums.AddResponse(Key(row), (int)row.Int64(5), row.NullableInt64(6) is { } resolved ? resolved != 0 : null, (int?)row.NullableInt64(7),
            row.Int64(8) != 0);

    private void AddUnstagedDays(FastStatement unstaged, string monthStart, string nextMonthStart)
    {
        unstaged.Bind(1, monthStart).Bind(2, nextMonthStart);
        while (unstaged.ReadNext())
        {
            var key = new RollupKey((int?)unstaged.NullableInt64(1), (int?)unstaged.NullableInt64(2), (int?)unstaged.NullableInt64(3), (int?)unstaged.NullableInt64(4));
            var measures = new RollupMeasures();
            for (var i = 0; i < RollupMeasures.Count; i++) measures[i] = unstaged.Int64(5 + i);
            _sums.AddUnstagedDayRow((RollupGrain)unstaged.Int64(0), key, measures);
        }
    }

    private void Write(FastStatement insert, RollupGrain grain, byte[] date, bool isMonth, Dictionary<RollupKey, RollupMeasures> rows)
    {
        foreach (var (key, measures) in rows)
        {
            insert.Bind(1, (long)grain).BindUtf8(2, date).Bind(3, isMonth)
                .Bind(4, key.TeamId).Bind(5, key.AgentId).Bind(6, key.Channel).Bind(7, key.ReasonId).Bind(8, windowDays);
            for (var i = 0; i < RollupMeasures.Count; i++) insert.Bind(9 + i, measures[i]);
            insert.Execute();
        }
    }
}
