using CxDashboard.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CxDashboard.Web.Data;

/// <summary>The database. Features add their own DbSets in partial files (Data/CxDbContext.Feature.cs).</summary>
public partial class CxDbContext(DbContextOptions<CxDbContext> options) : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<OrganisationSettings> OrganisationSettings => Set<OrganisationSettings>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<Customer> Customers => Set<Customer>();
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
        if (Database.IsSqlite())
        {
            // SQLite has no date type: instants are stored as UTC ticks so they compare and sort as numbers
            // (EF's default TEXT form cannot take part in arithmetic in the metric queries).
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTime?>().HaveConversion<UtcTicksConverter>();
        }
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTime, long>(
        value => value.ToUniversalTime().Ticks,
        ticks => new DateTime(ticks, DateTimeKind.Utc));
}
