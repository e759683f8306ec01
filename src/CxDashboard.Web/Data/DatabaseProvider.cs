using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CxDashboard.Web.Data;

/// <summary>The database the app runs on: <c>Database:Provider</c>, with the connection string <c>ConnectionStrings:Cx</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>A file under App_Data: the embedded default, one app instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by one or more app instances.</summary>
    Postgres,
}

/// <summary>Reads the provider setting and configures EF Core for it, with that provider's own migrations.</summary>
public static class DatabaseProviders
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Cx";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/cxdashboard.db";

    public static DatabaseProvider From(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderKey}: '{value}' is not a database provider (use Sqlite or Postgres).");
    }

    /// <summary>The connection string for the provider; a relative SQLite file is placed under the content root.</summary>
    public static string ConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        return From(configuration) switch
        {
            DatabaseProvider.Postgres => string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException($"{ProviderKey} is Postgres: set ConnectionStrings:{ConnectionStringName} to an Npgsql connection string (Host=…;Database=…;Username=…;Password=…).")
                : configured,
            _ => ResolveSqlitePath(configured ?? DefaultSqliteConnectionString, contentRoot),
        };
    }

    public static void Configure(DbContextOptionsBuilder options, IConfiguration configuration, string contentRoot)
    {
        var connectionString = ConnectionString(configuration, contentRoot);
        // The model as generated code (Data/CompiledModels, one per provider): building it from OnModelCreating cost every
        // start and CLI verb about half a second. Regenerate both after a model change (README, Development → Migrations);
        // CompiledModelTests fails while either differs from the model OnModelCreating builds.
        switch (From(configuration))
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, npgsql => npgsql.CommandTimeout(0))
                    .UseModel(CompiledModels.Postgres.CxDbContextModel.Instance);
                break;
            default:
                options.UseSqlite(connectionString)
                    .UseModel(CompiledModels.Sqlite.CxDbContextModel.Instance);
                break;
        }
        // Both providers' migrations live in this assembly, each set in its own namespace.
        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
        options.AddInterceptors(DataChangeInterceptor.Instance);
    }

    /// <summary>
    /// A relative SQLite file is placed under the content root (not the shell's directory); its folder and the file are
    /// created for the app's user only (<see cref="Hosting.PrivateFiles"/>).
    /// </summary>
    public static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var full = Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));
            Hosting.PrivateFiles.CreateFolder(Path.GetDirectoryName(full)!);
            if (builder.Mode is SqliteOpenMode.ReadWriteCreate) Hosting.PrivateFiles.EnsureDatabaseFile(full);
            builder.DataSource = full;
        }
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Where the database is, for messages: the SQLite file, or the PostgreSQL host and database (never a password).</summary>
    public static string Describe(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Postgres when new NpgsqlConnectionStringBuilder(connectionString) is var pg => $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database}",
        _ => $"SQLite {new SqliteConnectionStringBuilder(connectionString).DataSource}",
    };
}
