using System.Data.Common;

namespace CxDashboard.Web.Data;

/// <summary>
/// SQLite's query planner needs table statistics to choose well: without them it prefers any index with an equality
/// match, e.g. the contact-reason index (a tenth of all contacts) over the date index (one day) — seconds instead of
/// milliseconds on a year of data. Refreshed at start when missing and after large imports.
/// </summary>
public static class DatabaseStatistics
{
    /// <summary>
    /// Index entries ANALYZE reads per index. The planner needs the rough size of a key's share (a day against a
    /// reason), which a large sample gives as well as a full scan: reading every entry of every index took 1.5 s after
    /// a million-contact import, a sample this size a fraction of it.
    /// </summary>
    private const int SampledEntriesPerIndex = 200_000;

    public static async Task RefreshAsync(DbConnection connection, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA analysis_limit = {SampledEntriesPerIndex}; ANALYZE; PRAGMA analysis_limit = 0;";
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task EnsureAsync(DbConnection connection, CancellationToken ct = default)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct)) == 0) await RefreshAsync(connection, ct);
    }
}
