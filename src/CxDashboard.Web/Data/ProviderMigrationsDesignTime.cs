using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;

namespace CxDashboard.Web.Data;

/// <summary>
/// <c>dotnet ef migrations add</c> for PostgreSQL (run with <c>Database__Provider=Postgres</c>) writes its model snapshot as
/// <c>PostgresModelSnapshot</c>: under EF's default name it would overwrite SQLite's snapshot file.
/// </summary>
public sealed class ProviderMigrationsDesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection services) =>
        services.AddScoped<IMigrationsScaffolder, ProviderMigrationsScaffolder>();

    private sealed class ProviderMigrationsScaffolder(MigrationsScaffolderDependencies dependencies) : MigrationsScaffolder(dependencies)
    {
        public const string PostgresSnapshotName = "PostgresModelSnapshot";

        public override ScaffoldedMigration ScaffoldMigration(string migrationName, string? rootNamespace, string? subNamespace = null,
            string? language = null, bool dryRun = false)
        {
            var migration = base.ScaffoldMigration(migrationName, rootNamespace, subNamespace, language, dryRun);
            if (!Dependencies.CurrentContext.Context.Database.IsNpgsql() || migration.SnapshotName == PostgresSnapshotName) return migration;
            return new ScaffoldedMigration(migration.FileExtension, migration.PreviousMigrationId, migration.MigrationCode, migration.MigrationId,
                migration.MetadataCode, migration.MigrationSubNamespace,
                migration.SnapshotCode.Replace($"partial class {migration.SnapshotName}", $"partial class {PostgresSnapshotName}", StringComparison.Ordinal),
                PostgresSnapshotName, migration.SnapshotSubnamespace);
        }
    }
}
