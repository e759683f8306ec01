using System.Diagnostics;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests run against: the one whose connection string is in <see cref="EnvironmentVariable"/>
/// (<c>.ci/run</c> starts a throwaway cluster and sets it), else a throwaway cluster this process starts with the same
/// script (<c>.ci/postgres</c>) and stops when it exits. Each test database is a copy of a migrated template
/// (<c>CREATE DATABASE … TEMPLATE</c>), so no test class migrates its own. Without a server and without the means to start
/// one, the tests that need it are skipped with the reason; under CI (<c>CI=true</c>) they fail instead.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "CX_TEST_POSTGRES";
    private const string InitDb = "/usr/lib/postgresql/15/bin/initdb";

    private static readonly Lazy<string> Server = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly SemaphoreSlim CopyLock = new(1, 1);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why tests on PostgreSQL cannot run here, or null when they can (always null under CI: there they must run).</summary>
    public static string? SkipReason =>
        InCi || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable)) || (File.Exists(InitDb) && FindScript() is not null)
            ? null
            : $"No PostgreSQL server: set {EnvironmentVariable} to an Npgsql connection string, or install postgresql 15 ({InitDb}) so the tests start one.";

    /// <summary>A new database, a copy of the migrated template; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var template = Template.Value;
        var name = $"cx_test_{Guid.NewGuid():N}";
        // Copies of one template are made one at a time: a copy fails while another session reads the template.
        await CopyLock.WaitAsync();
        try
        {
            await ExecuteAsync(Server.Value, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            CopyLock.Release();
        }
        return WithDatabase(Server.Value, name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync(Server.Value, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string CreateTemplate()
    {
        var name = $"cx_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        ExecuteAsync(Server.Value, $"CREATE DATABASE \"{name}\"").GetAwaiter().GetResult();
        var connectionString = new NpgsqlConnectionStringBuilder(WithDatabase(Server.Value, name)) { Pooling = false }.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseProviders.ProviderKey] = nameof(DatabaseProvider.Postgres),
            [$"ConnectionStrings:{DatabaseProviders.ConnectionStringName}"] = connectionString,
        }).Build();
        var options = new DbContextOptionsBuilder<CxDbContext>();
        DatabaseProviders.Configure(options, configuration, AppContext.BaseDirectory);
        using (var db = new CxDbContext(options.Options)) db.Database.Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { ExecuteAsync(Server.Value, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult(); } catch (NpgsqlException) { }
        };
        return name;
    }

    private static string StartOrFind()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given) return given;
        var script = FindScript() ?? throw new InvalidOperationException($"{EnvironmentVariable} is not set and .ci/postgres was not found to start a server.");
        var directory = Path.Combine(Path.GetTempPath(), $"cx-test-postgres-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var started = Run(script, "start", directory);
        if (started.ExitCode != 0) throw new InvalidOperationException($"Could not start a PostgreSQL cluster: {started.Error}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", directory);
        return started.Output.Trim();
    }

    private static (int ExitCode, string Output, string Error) Run(string script, string verb, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, verb, directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, ".ci", "postgres");
            if (File.Exists(script)) return script;
        }
        return null;
    }
}
