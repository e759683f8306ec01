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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CxDbContext).Assembly);
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
}
