using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class CoachingActionConfiguration : IEntityTypeConfiguration<CoachingAction>
{
    public void Configure(EntityTypeBuilder<CoachingAction> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Notes).HasMaxLength(2000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.FocusKpi).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(a => new { a.AgentId, a.Status });
        builder.HasOne(a => a.Agent).WithMany().HasForeignKey(a => a.AgentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Reason).WithMany().HasForeignKey(a => a.ReasonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.CreatedBy).WithMany().HasForeignKey(a => a.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
