using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class TeamPulseLinkConfiguration : IEntityTypeConfiguration<TeamPulseLink>
{
    public void Configure(EntityTypeBuilder<TeamPulseLink> builder)
    {
        builder.HasKey(l => l.TeamId);
        builder.Property(l => l.TokenHash).HasMaxLength(Features.Surveys.LinkTokens.HashLength);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasOne(l => l.Team).WithOne().HasForeignKey<TeamPulseLink>(l => l.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
