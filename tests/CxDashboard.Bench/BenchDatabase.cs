using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using CxDashboard.Web.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxDashboard.Bench;

/// <summary>A fresh, migrated SQLite file and a host configured like the app's CLI, for benchmarks of real services.</summary>
public sealed class BenchDatabase : IDisposable
{
    private BenchDatabase(string path, IHost host)
    {
        Path = path;
        Host = host;
    }

    public string Path { get; }
    public IHost Host { get; }

    public static Task<BenchDatabase> CreateAsync(string path)
    {
        DeleteFiles(path);
        return OpenAsync(path);
    }

    /// <summary>An existing database file (migrated if needed), e.g. a reference load built by an earlier run.</summary>
    public static async Task<BenchDatabase> OpenAsync(string path)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Cx"] = $"Data Source={path}" });
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
        return new BenchDatabase(path, host);
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
    }
}
