using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxDashboard.Bench;

/// <summary>
/// A fresh (or existing), migrated database and a host configured like the app's CLI, for benchmarks of real services: a
/// SQLite file by default, a PostgreSQL database with <c>--provider postgres</c> (on the server of <c>--postgres</c>, else
/// of <c>CX_BENCH_POSTGRES</c>, an Npgsql connection string).
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    private BenchDatabase(DatabaseProvider provider, string connectionString, string path, IHost host)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Path = path;
        Host = host;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The SQLite file, or the PostgreSQL database's name.</summary>
    public string Path { get; }
    public IHost Host { get; }

    public static Task<BenchDatabase> CreateAsync(string path)
    {
        DeleteFiles(path);
        return OpenAsync(path);
    }

    /// <summary>An existing database file (migrated if needed), e.g. a reference load built by an earlier run.</summary>
    public static Task<BenchDatabase> OpenAsync(string path) => OpenAsync(DatabaseProvider.Sqlite, $"Data Source={path}", path);

    /// <summary>Whether the benchmark runs on PostgreSQL (<c>--provider postgres</c>); refuses an unknown provider.</summary>
    public static bool OnPostgres(BenchArguments arguments) => arguments.Value("--provider") switch
    {
        null or "sqlite" => false,
        "postgres" => true,
        var other => throw new BenchArgumentException($"--provider: '{other}' is not sqlite or postgres"),
    };

    /// <summary>The PostgreSQL server to benchmark on: --postgres, else CX_BENCH_POSTGRES.</summary>
    public static string PostgresServer(BenchArguments arguments) =>
        arguments.Value("--postgres") is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable("CX_BENCH_POSTGRES") is { Length: > 0 } server ? server
        : throw new BenchArgumentException("--provider postgres needs --postgres CONNECTION-STRING or CX_BENCH_POSTGRES (an Npgsql connection string)");

    /// <summary>A new, empty database of the given name on the server (dropped first if it exists), migrated.</summary>
    public static async Task<BenchDatabase> CreatePostgresAsync(string server, string name)
    {
        await ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{name}\"");
        return await OpenPostgresAsync(server, name);
    }

    /// <summary>An existing database on the server (migrated if needed), or null when there is none of that name.</summary>
    public static async Task<BenchDatabase?> OpenExistingPostgresAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", connection);
        command.Parameters.AddWithValue("name", name);
        return (bool)(await command.ExecuteScalarAsync())! ? await OpenPostgresAsync(server, name) : null;
    }

    private static Task<BenchDatabase> OpenPostgresAsync(string server, string name) =>
        OpenAsync(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, name);

    public static async Task DropPostgresAsync(string server, string name) =>
        await ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Another host on the same database that keeps figures and charts as a running server does (<c>Dashboard:Cache</c> on).</summary>
    public Task<BenchDatabase> OpenAgainKeepingFiguresAsync() => OpenAsync(Provider, ConnectionString, Path, keepFigures: true);

    private static async Task<BenchDatabase> OpenAsync(DatabaseProvider provider, string connectionString, string path, bool keepFigures = false)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseProviders.ProviderKey] = provider.ToString(),
            ["ConnectionStrings:Cx"] = connectionString,
            // The benchmarks measure the work itself; the dashboard cache in front of it is measured by `load` (and by
            // `dashboard` on a host of its own, OpenAgainKeepingFiguresAsync).
            [$"{Web.Features.Dashboard.DashboardCacheOptions.Section}:{nameof(Web.Features.Dashboard.DashboardCacheOptions.Enabled)}"] = keepFigures ? "true" : "false",
        });
        // Warnings, plus the importer's own timings of its phases (debug), beside the benchmark's report.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter((category, level) =>
            level >= LogLevel.Warning || (level >= LogLevel.Debug && category == typeof(ImportService).FullName) ||
            (level >= LogLevel.Information && category == typeof(Web.Features.Metrics.Rollups.KpiRollupService).FullName));
        builder.Services.AddCxCore(builder.Configuration, AppContext.BaseDirectory);
        var host = builder.Build();
        using (var scope = host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }
        return new BenchDatabase(provider, connectionString, path, host);
    }

    /// <summary>The database's size on disk in MB (the file, or pg_database_size).</summary>
    public async Task<double> SizeMegabytesAsync()
    {
        if (Provider == DatabaseProvider.Sqlite) return new FileInfo(Path).Length / 1024.0 / 1024.0;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())! / 1024.0 / 1024.0;
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Host.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public static void DeleteFiles(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(path + suffix);
    }

    public void Dispose()
    {
        Host.Dispose();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }
}
