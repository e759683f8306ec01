using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace CxDashboard.Web.Data;

/// <summary>
/// The migrations of the provider in use: SQLite's in <c>Data/Migrations</c>, PostgreSQL's in
/// <c>Data/PostgresMigrations</c>, each with its own model snapshot, so <c>migrate</c> and <c>dotnet ef migrations add</c>
/// see one provider's history only (run the tool with <c>Database__Provider=Postgres</c> for PostgreSQL's).
/// </summary>
#pragma warning disable EF1001 // MigrationsAssembly is EF's own implementation; only which types it offers changes here.
public sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext, IDbContextOptions options, IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    public const string SqliteNamespace = "CxDashboard.Web.Data.Migrations";
    public const string PostgresNamespace = "CxDashboard.Web.Data.PostgresMigrations";

    private readonly string _namespace = currentContext.Context.Database.IsNpgsql() ? PostgresNamespace : SqliteNamespace;
    private readonly Type _contextType = currentContext.Context.GetType();
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotLoaded;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= AppTypes.Loadable
        .Where(t => t.Namespace == _namespace && t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract && IsForContext(t))
        .Select(t => (Id: t.GetCustomAttribute<MigrationAttribute>()?.Id, Type: t.GetTypeInfo()))
        .Where(m => m.Id is not null)
        .OrderBy(m => m.Id, StringComparer.Ordinal)
        .ToDictionary(m => m.Id!, m => m.Type);

    public override ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (_snapshotLoaded) return _snapshot;
            var type = AppTypes.Loadable.FirstOrDefault(t =>
                t.Namespace == _namespace && t.IsSubclassOf(typeof(ModelSnapshot)) && !t.IsAbstract && IsForContext(t));
            _snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type)!;
            _snapshotLoaded = true;
            return _snapshot;
        }
    }

    private bool IsForContext(Type type) => type.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType;
}
#pragma warning restore EF1001
