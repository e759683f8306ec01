using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CxDashboard.Web.Hosting;
using Npgsql;

namespace CxDashboard.Tests.Data;

/// <summary>The provider setting itself, and each provider seeing only its own migrations.</summary>
public sealed class DatabaseProviderSettingTests
{
    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("postgres", DatabaseProvider.Postgres)]
    public void The_provider_is_sqlite_unless_postgres_is_asked_for(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseProviders.From(Settings(("Database:Provider", value))));

    [Fact]
    public void An_unknown_provider_or_a_postgres_without_connection_string_is_a_clear_error()
    {
        var unknown = Assert.Throws<InvalidOperationException>(() => DatabaseProviders.From(Settings(("Database:Provider", "Oracle"))));
        Assert.Contains("'Oracle' is not a database provider (use Sqlite or Postgres)", unknown.Message);
        var missing = Assert.Throws<InvalidOperationException>(() => DatabaseProviders.ConnectionString(Settings(("Database:Provider", "Postgres")), "/tmp"));
        Assert.Contains("set ConnectionStrings:Cx to an Npgsql connection string", missing.Message);
    }

    [Fact]
    public void Each_provider_sees_its_own_migrations_only()
    {
        static IReadOnlyList<string> Migrations(DbContextOptionsBuilder<CxDbContext> options)
        {
            using var db = new CxDbContext(options.ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly, ProviderMigrationsAssembly>().Options);
            return [.. db.Database.GetMigrations()];
        }
        var sqlite = Migrations(new DbContextOptionsBuilder<CxDbContext>().UseSqlite("Data Source=:memory:"));
        var postgres = Migrations(new DbContextOptionsBuilder<CxDbContext>().UseNpgsql("Host=127.0.0.1;Database=none"));
        Assert.Contains(sqlite, id => id.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.Contains(postgres, id => id.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.Empty(sqlite.Intersect(postgres));
        // Every SQLite migration after the first adjusts what SQLite alone needed; PostgreSQL starts from today's model.
        Assert.True(sqlite.Count > postgres.Count);
    }
}

/// <summary>The app on PostgreSQL: it migrates its database at start, says where its data and jobs are, and serves pages.</summary>
public sealed class PostgresAppTests(PostgresAppTests.Fixture fixture) : IClassFixture<PostgresAppTests.Fixture>, IRunsOnPostgres
{
    public sealed class Fixture : IDisposable
    {
        private readonly Lazy<CxAppFactory> _app = new(() => new CxAppFactory(DatabaseProvider.Postgres));
        public CxAppFactory App => _app.Value;
        public void Dispose() { if (_app.IsValueCreated) _app.Value.Dispose(); }
    }

    [DbFact]
    public async Task Health_names_postgres_and_the_migrations_applied_are_postgres_ones()
    {
        var admin = await fixture.App.SignedInClientAsync("health-admin@pg.test", "Admin");
        var body = await (await admin.GetAsync("/health")).Content.ReadAsStringAsync();
        Assert.Contains("\"PostgreSQL\"", body);
        Assert.Contains("0 contacts", body);
        var applied = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Database.GetAppliedMigrationsAsync());
        Assert.Equal(typeof(Web.Data.PostgresMigrations.InitialCreate).GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false)
            .Cast<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().Single().Id, applied.First());
    }

    [DbFact]
    public async Task A_manager_signs_in_and_sees_the_dashboard_of_an_empty_database()
    {
        var client = await fixture.App.SignedInClientAsync("manager@pg.test", "Manager");
        var response = await client.GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Contacts", page.Body!.TextContent);
    }

    /// <summary>
    /// A new database is not an error: the first start logs no failed command (EF's migrator used to read the migration
    /// history before creating it, which PostgreSQL answers with an error the log shows as a failure).
    /// </summary>
    [DbFact]
    public async Task The_first_start_on_an_empty_postgres_database_logs_no_error()
    {
        var empty = await CreateEmptyDatabaseAsync();
        try
        {
            var logged = new CollectingLoggerProvider();
            var services = new ServiceCollection();
            services.AddLogging(logging => logging.AddProvider(logged).SetMinimumLevel(LogLevel.Warning));
            services.AddSingleton(TimeProvider.System);
            var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Cx"] = empty,
            }).Build();
            services.AddSingleton<IConfiguration>(settings);
            services.AddCxCore(settings, AppContext.BaseDirectory);
            await using (var provider = services.BuildServiceProvider())
            await using (var scope = provider.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<Web.Data.Seeding.DatabaseInitializer>().InitializeAsync();

            Assert.DoesNotContain(logged.Entries, e => e.Level >= LogLevel.Error);
            await using var connection = new NpgsqlConnection(empty);
            await connection.OpenAsync();
            Assert.True((long)(await new NpgsqlCommand("""SELECT COUNT(*) FROM "AspNetRoles" """, connection).ExecuteScalarAsync())! >= 5);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(empty);
        }
    }

    /// <summary>A new, empty database on the test server (dropped by the caller with <see cref="TestPostgres.DropDatabaseAsync"/>).</summary>
    private async Task<string> CreateEmptyDatabaseAsync()
    {
        var server = fixture.App.ConnectionString;
        var name = $"cx_empty_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQueryAsync();
        }
        return TestPostgres.WithDatabase(server, name);
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collecting(this, categoryName);

        public void Dispose() { }

        private sealed class Collecting(CollectingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((logLevel, category, formatter(state, exception)));
        }
    }

    [DbFact]
    public async Task The_migrate_verb_creates_the_schema_in_an_empty_postgres_database()
    {
        var empty = await CreateEmptyDatabaseAsync();
        try
        {
            var run = await CliRunner.RunAsync(empty, CxAppFactory.DefaultNow, "migrate");
            Assert.True(run.ExitCode == 0, run.Error);
            await using var connection = new NpgsqlConnection(empty);
            await connection.OpenAsync();
            var roles = (long)(await new NpgsqlCommand("""SELECT COUNT(*) FROM "AspNetRoles" """, connection).ExecuteScalarAsync())!;
            Assert.True(roles >= 5);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(empty);
        }
    }
}
