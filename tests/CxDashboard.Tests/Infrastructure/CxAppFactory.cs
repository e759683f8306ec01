using System.Text;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP with its own SQLite file and a fake clock. Hangfire's job server is off unless a test
/// class asks for it (jobs are called directly or through their own fixture).
/// </summary>
public class CxAppFactory(DatabaseProvider provider = DatabaseProvider.Sqlite) : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 31, 10, 0, 0, TimeSpan.Zero);
    public const string Password = "Test!2026pw";

    static CxAppFactory()
    {
        // Many apps start in one test run: none of them watches its settings files. A watcher holds an inotify
        // instance, and a machine allows 128 per user, shared with every other test run on it.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"cxdashboard-test-{Guid.NewGuid():N}.db");
    private readonly string _uploadFolder = Path.Combine(Path.GetTempPath(), $"cxdashboard-test-uploads-{Guid.NewGuid():N}");
    private string? _postgresDatabase;

    /// <summary>The database this app runs on: a SQLite file, or a database of its own on the test PostgreSQL server.</summary>
    public DatabaseProvider Provider { get; } = provider;

    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    /// <summary>Generated reports go here (deleted with the app), never into the repository's reports/ folder.</summary>
    public string ReportsDirectory { get; init; } = Path.Combine(Path.GetTempPath(), $"cxdashboard-test-reports-{Guid.NewGuid():N}");
    public string ConnectionString => SharesDatabaseWith?.ConnectionString ?? (Provider == DatabaseProvider.Postgres
        ? _postgresDatabase ??= TestPostgres.CreateDatabaseAsync().GetAwaiter().GetResult()
        : $"Data Source={_databasePath}");

    /// <summary>Another instance of the app whose database this one uses (as two instances behind a load balancer do); it owns the database.</summary>
    public CxAppFactory? SharesDatabaseWith { get; init; }

    /// <summary>Another instance whose upload folder this one uses (a folder shared by the instances, as deployments should have).</summary>
    public CxAppFactory? SharesUploadsWith { get; init; }

    public string UploadFolder => SharesUploadsWith?.UploadFolder ?? _uploadFolder;
    protected virtual bool RunJobServer => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseProviders.ProviderKey, Provider.ToString());
        builder.UseSetting("ConnectionStrings:Cx", ConnectionString);
        builder.UseSetting("Demo:SeedOnStart", "false");
        builder.UseSetting("Jobs:RunServer", RunJobServer ? "true" : "false");
        builder.UseSetting("Reports:Directory", ReportsDirectory);
        // Swedish numbers and dates with the English words: the tests read the English (neutral) resources.
        builder.UseSetting("Localization:DefaultCulture", "sv-SE");
        builder.UseSetting("Localization:DefaultUiCulture", "en-GB");
        builder.UseSetting("Imports:UploadFolder", UploadFolder);
        // Survey and pulse links come only from configuration; tests read them as http://localhost/….
        builder.UseSetting("App:PublicBaseUrl", "http://localhost");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>An open connection to this app's database (after the app has started and migrated it), for checks in SQL.</summary>
    public System.Data.Common.DbConnection OpenConnection()
    {
        _ = Services; // started and migrated (also with Kestrel, where Server is not available)
        System.Data.Common.DbConnection connection = Provider == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Options for a context of its own on this app's database (for a context with other settings than the app's).</summary>
    public DbContextOptionsBuilder<CxDbContext> NewContextOptions()
    {
        _ = Services; // started and migrated (also with Kestrel, where Server is not available)
        var options = new DbContextOptionsBuilder<CxDbContext>();
        return Provider == DatabaseProvider.Postgres ? options.UseNpgsql(ConnectionString) : options.UseSqlite(ConnectionString);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see where they lead.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        _ = Services; // make sure the app (and its migrations) has started; also with Kestrel, where Server is not available
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithScopeAsync(Func<IServiceProvider, Task> work) => WithScopeAsync(async sp => { await work(sp); return 0; });

    public Task<ImportResult> ImportAsync(ImportKind kind, string csv, ImportOptions? options = null) =>
        WithScopeAsync(sp => sp.GetRequiredService<ImportService>()
            .ImportFileAsync(kind, new MemoryStream(Encoding.UTF8.GetBytes(csv)), options ?? new ImportOptions()));

    public async Task<ImportResult> ImportOkAsync(ImportKind kind, string csv)
    {
        var result = await ImportAsync(kind, csv);
        Assert.True(result.Outcome == ImportOutcome.Imported,
            $"{kind} import failed: {result.FileError} {string.Join("; ", result.Errors)}");
        return result;
    }

    public Task CreateUserAsync(string email, string role, params int[] teamIds) =>
        WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<UserAdminService>().CreateAsync(email, Password, email, [role], teamIds);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        });

    /// <summary>Creates the user if needed and signs in through the real login form (antiforgery included).</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string role, params int[] teamIds)
    {
        var exists = await WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<CxDbContext>().Users.Any(u => u.Email == email)));
        if (!exists) await CreateUserAsync(email, role, teamIds);
        var client = NewClient();
        await Html.SignInAsync(client, email, Password);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_postgresDatabase is not null) TestPostgres.DropDatabaseAsync(_postgresDatabase).GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        try { if (SharesUploadsWith is null && Directory.Exists(_uploadFolder)) Directory.Delete(_uploadFolder, recursive: true); } catch (IOException) { }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_databasePath + suffix); } catch (IOException) { }
        }
    }
}

/// <summary>The same app with Hangfire's job server running (in-memory storage), for tests of job wiring.</summary>
public sealed class CxAppWithJobServerFactory(DatabaseProvider provider = DatabaseProvider.Sqlite) : CxAppFactory(provider)
{
    protected override bool RunJobServer => true;
}
