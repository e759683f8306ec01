using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class UserTeamScopeConfiguration : IEntityTypeConfiguration<UserTeamScope>
{
    public void Configure(EntityTypeBuilder<UserTeamScope> builder)
    {
        builder.HasKey(s => new { s.UserId, s.TeamId });
        builder.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
