using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> builder)
    {
        builder.Property(a => a.CapabilityKey).HasMaxLength(40);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Notes).HasMaxLength(2000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.CapabilityKey, a.Status });
        builder.HasIndex(a => a.RoundId);
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Round).WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.SetNull);
    }
}
