using System.Security.Cryptography;
using System.Text;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Imports;

/// <summary>Files on disk for the CLI and uploads, and a fingerprint of every imported table to prove "nothing changed".</summary>
public static class ImportTestSupport
{
    private static readonly string[] ImportedTables =
        ["Teams", "Agents", "Customers", "ContactReasons", "Contacts", "SurveyResponses", "EngagementAnswers"];

    public static string WriteTemp(string text, Encoding? encoding = null, string extension = ".csv") =>
        WriteTemp((encoding ?? new UTF8Encoding(false)).GetBytes(text), extension);

    public static string WriteTemp(byte[] bytes, string extension = ".csv")
    {
        var path = Path.Combine(Path.GetTempPath(), $"cx-import-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A digest of every row of the tables imports write: equal before and after means nothing was written.</summary>
    public static string Fingerprint(CxAppFactory app)
    {
        using var connection = app.OpenConnection();
        var text = new StringBuilder();
        foreach (var table in ImportedTables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT * FROM "{table}" ORDER BY "Id" """;
            using var reader = command.ExecuteReader();
            text.Append(table).Append(':');
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.IsDBNull(i) ? "∅" : reader.GetValue(i)).Append('|');
                text.Append('\n');
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static long Scalar(CxAppFactory app, string sql)
    {
        using var connection = app.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        // An instant is UTC ticks on SQLite and a timestamptz on PostgreSQL: compared as ticks either way.
        return command.ExecuteScalar() is DateTime instant ? instant.Ticks : Convert.ToInt64(command.ExecuteScalar());
    }

    public static string? Text(CxAppFactory app, string sql)
    {
        using var connection = app.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        // A local date is ISO text on SQLite and a date on PostgreSQL.
        return command.ExecuteScalar() switch
        {
            DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            DateTime date when date.TimeOfDay == TimeSpan.Zero && date.Kind != DateTimeKind.Utc => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            var value => value as string,
        };
    }

    public static Task<CliRun> ImportCliAsync(CxAppFactory app, params string[] args) =>
        CliRunner.RunAsync(app.ConnectionString, CxAppFactory.DefaultNow, ["import", .. args]);
}
