using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Cli;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CxDashboard.Tests.Cli;

public sealed class VerbStartTestsOnSqlite : VerbStartTests<OnSqlite>;

public sealed class VerbStartTestsOnPostgres : VerbStartTests<OnPostgres>, IRunsOnPostgres;

/// <summary>
/// A verb skips the start's work on a database that has every migration; one that lacks some (empty, or made by an
/// earlier version) is still migrated and given its content before the verb runs, and <c>migrate</c> always does all.
/// </summary>
public abstract class VerbStartTests<TDb> where TDb : ITestDatabase
{
    private static readonly string[] Kpis = ["kpis", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json"];

    [DbFact]
    public async Task A_verb_on_an_empty_database_migrates_it_and_creates_roles_settings_and_targets()
    {
        await using var database = await EmptyDatabase.CreateAsync(TDb.Provider);
        var run = await CliRunner.RunAsync(database.ConnectionString, CxAppFactory.DefaultNow, Kpis);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(0, run.Json.GetProperty("contacts").GetInt32());

        var state = await database.ReadAsync();
        Assert.Empty(state.Pending);
        Assert.True(state.Roles >= 5);
        Assert.Equal(1, state.Settings);
        Assert.True(state.OrganisationTargets > 0);
    }

    [DbFact]
    public async Task A_verb_on_a_database_of_an_earlier_version_applies_the_missing_migrations()
    {
        await using var database = await EmptyDatabase.CreateAsync(TDb.Provider);
        var all = await database.MigrateToAsync(previousOnly: true);
        Assert.NotEmpty((await database.ReadAsync()).Pending);

        var run = await CliRunner.RunAsync(database.ConnectionString, CxAppFactory.DefaultNow, Kpis);
        Assert.True(run.ExitCode == 0, run.Error);
        var state = await database.ReadAsync();
        Assert.Empty(state.Pending);
        Assert.Equal(all, state.Applied);
        Assert.True(state.Roles >= 5);
    }

    [DbFact]
    public async Task Migrate_on_an_up_to_date_database_still_restores_missing_default_targets()
    {
        await using var database = await EmptyDatabase.CreateAsync(TDb.Provider);
        Assert.Equal(0, (await CliRunner.RunAsync(database.ConnectionString, CxAppFactory.DefaultNow, "migrate")).ExitCode);
        var targets = (await database.ReadAsync()).OrganisationTargets;
        await database.WithContextAsync(db => db.KpiTargets.Where(t => t.TeamId == null).ExecuteDeleteAsync());
        Assert.Equal(0, (await database.ReadAsync()).OrganisationTargets);

        var run = await CliRunner.RunAsync(database.ConnectionString, CxAppFactory.DefaultNow, "migrate");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(targets, (await database.ReadAsync()).OrganisationTargets);
    }

    private sealed record DatabaseState(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, int Roles, int Settings, int OrganisationTargets);

    /// <summary>A database with nothing in it (a new SQLite file, a new PostgreSQL database), dropped afterwards.</summary>
    private sealed class EmptyDatabase(string connectionString, Func<Task> drop) : IAsyncDisposable
    {
        public string ConnectionString { get; } = connectionString;

        public static async Task<EmptyDatabase> CreateAsync(DatabaseProvider provider)
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                var file = Path.Combine(Path.GetTempPath(), $"cx-verb-start-{Guid.NewGuid():N}.db");
                return new EmptyDatabase($"Data Source={file}", () =>
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    foreach (var path in new[] { file, file + "-wal", file + "-shm" }) File.Delete(path);
                    return Task.CompletedTask;
                });
            }
            // The test server's address, from a database of its own; a new empty database beside it.
            var server = await TestPostgres.CreateDatabaseAsync();
            await TestPostgres.DropDatabaseAsync(server);
            var name = $"cx_empty_{Guid.NewGuid():N}";
            await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
            {
                await admin.OpenAsync();
                await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQueryAsync();
            }
            var empty = TestPostgres.WithDatabase(server, name);
            return new EmptyDatabase(empty, () => TestPostgres.DropDatabaseAsync(empty));
        }

        /// <summary>Applies every migration but the last (as an earlier version left it); returns all of them.</summary>
        public Task<IReadOnlyList<string>> MigrateToAsync(bool previousOnly) => WithContextAsync<IReadOnlyList<string>>(async db =>
        {
            var all = db.Database.GetMigrations().ToList();
            await MigrationFunctions.AddToConnectionAsync(db, CancellationToken.None);
            await db.GetService<IMigrator>().MigrateAsync(previousOnly ? all[^2] : all[^1]);
            return all;
        });

        public Task<DatabaseState> ReadAsync() => WithContextAsync(async db => new DatabaseState(
            [.. await db.Database.GetAppliedMigrationsAsync()],
            [.. await db.Database.GetPendingMigrationsAsync()],
            await db.Roles.CountAsync(),
            await db.OrganisationSettings.CountAsync(),
            await db.KpiTargets.CountAsync(t => t.TeamId == null)));

        public async Task<T> WithContextAsync<T>(Func<CxDbContext, Task<T>> read)
        {
            using var host = new CliContext
            {
                ConfigurationOverrides = new Dictionary<string, string?>
                {
                    [DatabaseProviders.ProviderKey] = typeof(TDb) == typeof(OnPostgres) ? nameof(DatabaseProvider.Postgres) : nameof(DatabaseProvider.Sqlite),
                    ["ConnectionStrings:Cx"] = ConnectionString,
                },
            }.BuildHost();
            using var scope = host.Services.CreateScope();
            return await read(scope.ServiceProvider.GetRequiredService<CxDbContext>());
        }

        public ValueTask DisposeAsync() => new(drop());
    }
}
