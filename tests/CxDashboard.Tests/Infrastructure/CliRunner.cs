using System.Text.Json;
using CxDashboard.Web.Cli;
using CxDashboard.Web.Data;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Infrastructure;

public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;
}

/// <summary>Runs the real CLI in-process against a test database, capturing what it prints.</summary>
public static class CliRunner
{
    /// <summary>Against a database: a SQLite file's connection string (<c>Data Source=…</c>) or a PostgreSQL one (<c>Host=…</c>).</summary>
    public static Task<CliRun> RunAsync(string connectionString, DateTimeOffset now, params string[] args) =>
        RunAsync(new Dictionary<string, string?>
        {
            [DatabaseProviders.ProviderKey] = ProviderOf(connectionString).ToString(),
            ["ConnectionStrings:Cx"] = connectionString,
            [EnglishWords.Key] = EnglishWords.Value,
        }, now, args);

    /// <summary>Against a test app's database and reports folder.</summary>
    public static Task<CliRun> RunAsync(CxAppFactory app, DateTimeOffset now, params string[] args) =>
        RunAsync(app, now, new Dictionary<string, string?>(), args);

    /// <summary>Against a test app's database and reports folder, with settings of the test's own.</summary>
    public static Task<CliRun> RunAsync(CxAppFactory app, DateTimeOffset now, IReadOnlyDictionary<string, string?> settings, params string[] args) =>
        RunAsync(new Dictionary<string, string?>
        {
            [DatabaseProviders.ProviderKey] = app.Provider.ToString(),
            ["ConnectionStrings:Cx"] = app.ConnectionString,
            ["Reports:Directory"] = app.ReportsDirectory,
            [EnglishWords.Key] = EnglishWords.Value,
        }.Concat(settings).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value), now, args);

    /// <summary>As in the test host: documents the CLI writes without --language have English words (numbers stay Swedish).</summary>
    private static readonly KeyValuePair<string, string?> EnglishWords = new("Localization:DefaultUiCulture", "en-GB");

    private static DatabaseProvider ProviderOf(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    private static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> configuration, DateTimeOffset now, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliContext
        {
            Out = output,
            Error = error,
            Clock = new FakeTimeProvider(now),
            ConfigurationOverrides = configuration,
        });
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
