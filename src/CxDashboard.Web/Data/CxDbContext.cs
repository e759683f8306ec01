using CxDashboard.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CxDashboard.Web.Data;

/// <summary>The database. Features add their own DbSets in partial files (Data/CxDbContext.Feature.cs).</summary>
public partial class CxDbContext(DbContextOptions<CxDbContext> options) : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<OrganisationSettings> OrganisationSettings => Set<OrganisationSettings>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerChange> CustomerChanges => Set<CustomerChange>();
    public DbSet<ContactReason> ContactReasons => Set<ContactReason>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<EngagementAnswer> EngagementAnswers => Set<EngagementAnswer>();
    public DbSet<KpiTarget> KpiTargets => Set<KpiTarget>();
    public DbSet<UserTeamScope> UserTeamScopes => Set<UserTeamScope>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ApplyConfigurations(builder);
        if (Database.IsNpgsql()) QuoteColumnsInCheckConstraints(builder);
    }

    /// <summary>
    /// Every <see cref="IEntityTypeConfiguration{TEntity}"/> of the app, as ApplyConfigurationsFromAssembly would, from the
    /// types that load (<see cref="AppTypes"/>): in a published build, without EF's design-time package.
    /// </summary>
    private static void ApplyConfigurations(ModelBuilder builder)
    {
        var apply = typeof(ModelBuilder).GetMethods().Single(m => m.Name == nameof(ModelBuilder.ApplyConfiguration)
            && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>));
        foreach (var type in AppTypes.Loadable.Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && t.GetConstructor(Type.EmptyTypes) is not null))
        {
            foreach (var configured in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)))
                apply.MakeGenericMethod(configured.GenericTypeArguments[0]).Invoke(builder, [Activator.CreateInstance(type)]);
        }
    }

    /// <summary>
    /// SQLite matches a bare column name in a check constraint to "Csat" whatever its case; PostgreSQL folds a bare name to
    /// lower case, so the columns the constraints name are quoted there.
    /// </summary>
    private static void QuoteColumnsInCheckConstraints(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var columns = entity.GetProperties().Select(p => p.GetColumnName()).ToList();
            foreach (var check in entity.GetCheckConstraints().ToList())
            {
                var sql = columns.Aggregate(check.Sql, (text, column) =>
                    System.Text.RegularExpressions.Regex.Replace(text, $"(?<![\"\\w]){column}(?![\"\\w])", $"\"{column}\""));
                entity.RemoveCheckConstraint(check.ModelName);
                entity.AddCheckConstraint(check.ModelName, sql);
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Conventions.Replace<ForeignKeyIndexConvention>(services =>
            new ForeignKeyIndexesExceptContactReason(services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));
        if (Database.IsSqlite())
        {
            // SQLite has no date type: instants are stored as UTC ticks so they compare and sort as numbers
            // (EF's default TEXT form cannot take part in arithmetic in the metric queries).
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTime?>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            // PostgreSQL's timestamptz takes UTC instants only, in microseconds: every instant is stored as UTC (as the
            // ticks above are), and a parameter compared with a column is cut to the microsecond the column holds.
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcMicrosecondsConverter>();
            configurationBuilder.Properties<DateTime?>().HaveConversion<UtcMicrosecondsConverter>();
        }
    }

    /// <summary>
    /// EF's index on every foreign key, except a contact's reason: no query reads contacts by reason alone (the metric
    /// index holds the reason after the date), reasons are never deleted, and building it took a first import of a
    /// million contacts 0.4–0.5 s.
    /// </summary>
    private sealed class ForeignKeyIndexesExceptContactReason(ProviderConventionSetBuilderDependencies dependencies)
        : ForeignKeyIndexConvention(dependencies)
    {
        protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder) =>
            entityTypeBuilder.Metadata.ClrType == typeof(Contact) && properties is [{ Name: nameof(Contact.ReasonId) }]
                ? null
                : base.CreateIndex(properties, unique, entityTypeBuilder);
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTime, long>(
        value => value.ToUniversalTime().Ticks,
        ticks => new DateTime(ticks, DateTimeKind.Utc));

    private sealed class UtcMicrosecondsConverter() : ValueConverter<DateTime, DateTime>(
        value => ToUtcMicroseconds(value),
        stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    /// <summary>An instant as PostgreSQL's timestamptz holds it: UTC, whole microseconds.</summary>
    public static DateTime ToUtcMicroseconds(DateTime value)
    {
        var utc = value.ToUniversalTime();
        return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
    }
}
