using System.Text;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;

namespace CxDashboard.Tests.Data;

/// <summary>
/// The app runs on the compiled models in Data/CompiledModels (one per provider). Each must describe what
/// OnModelCreating builds: after a model change, regenerate them (README, Development → Migrations).
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void The_compiled_model_is_the_model_OnModelCreating_builds(DatabaseProvider provider)
    {
        var compiled = Describe(Context(provider, compiled: true).Model);
        var built = Describe(Context(provider, compiled: false).Model);
        Assert.True(compiled == built,
            $"Data/CompiledModels/{provider} is not the current model: regenerate it (README, Development → Migrations). First difference:\n"
            + FirstDifference(compiled, built));
    }

    private static CxDbContext Context(DatabaseProvider provider, bool compiled)
    {
        var options = new DbContextOptionsBuilder<CxDbContext>();
        if (compiled)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DatabaseProviders.ProviderKey] = provider.ToString(),
                ["ConnectionStrings:Cx"] = provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Database=none" : "Data Source=:memory:",
            }).Build();
            DatabaseProviders.Configure(options, configuration, Path.GetTempPath());
        }
        else if (provider == DatabaseProvider.Postgres) options.UseNpgsql("Host=127.0.0.1;Database=none");
        else options.UseSqlite("Data Source=:memory:");
        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
        return new CxDbContext(options.Options);
    }

    /// <summary>What queries and saving use of a model: tables, columns with their store types and conversions, keys, relations, indexes.</summary>
    private static string Describe(IModel model)
    {
        var text = new StringBuilder();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"{entity.Name} table {entity.GetSchema()}.{entity.GetTableName()}");
            foreach (var property in entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var mapping = property.GetRelationalTypeMapping();
                text.AppendLine($"  {property.Name} {property.ClrType.Name} null={property.IsNullable} column={property.GetColumnName()} " +
                    $"store={mapping.StoreType} converter={(property.GetValueConverter() ?? mapping.Converter)?.GetType().Name} " +
                    $"max={property.GetMaxLength()} generated={property.ValueGenerated} concurrency={property.IsConcurrencyToken}");
            }
            foreach (var key in entity.GetKeys().OrderBy(k => k.ToString(), StringComparer.Ordinal))
                text.AppendLine($"  key {string.Join(",", key.Properties.Select(p => p.Name))} primary={key.IsPrimaryKey()}");
            foreach (var foreignKey in entity.GetForeignKeys().OrderBy(f => f.ToString(), StringComparer.Ordinal))
                text.AppendLine($"  fk {string.Join(",", foreignKey.Properties.Select(p => p.Name))} -> {foreignKey.PrincipalEntityType.Name} {foreignKey.DeleteBehavior} required={foreignKey.IsRequired}");
            foreach (var index in entity.GetIndexes().OrderBy(i => string.Join(",", i.Properties.Select(p => p.Name)), StringComparer.Ordinal))
                text.AppendLine($"  index {string.Join(",", index.Properties.Select(p => p.Name))} unique={index.IsUnique}");
        }
        return text.ToString();
    }

    private static string FirstDifference(string compiled, string built)
    {
        var (a, b) = (compiled.Split('\n'), built.Split('\n'));
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var (left, right) = (i < a.Length ? a[i] : "(end)", i < b.Length ? b[i] : "(end)");
            if (left != right) return $"compiled: {left}\nbuilt:    {right}";
        }
        return "";
    }
}
