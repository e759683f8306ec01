using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class EngagementAnswerConfiguration : IEntityTypeConfiguration<EngagementAnswer>
{
    public void Configure(EntityTypeBuilder<EngagementAnswer> builder)
    {
        builder.HasIndex(a => new { a.Period, a.TeamId });
        builder.HasOne(a => a.Team).WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.Items);
    }
}
