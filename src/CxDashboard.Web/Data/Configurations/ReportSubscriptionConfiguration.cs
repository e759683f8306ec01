using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class ReportSubscriptionConfiguration : IEntityTypeConfiguration<ReportSubscription>
{
    public void Configure(EntityTypeBuilder<ReportSubscription> builder)
    {
        builder.ToTable("ReportSubscriptions");
        // One subscription per person: the monthly report is the only one to subscribe to.
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.CreatedBy).HasMaxLength(200);
    }
}

public class ReportDeliveryConfiguration : IEntityTypeConfiguration<ReportDelivery>
{
    public void Configure(EntityTypeBuilder<ReportDelivery> builder)
    {
        builder.ToTable("ReportDeliveries");
        builder.HasIndex(d => new { d.Month, d.Recipient });
        builder.Property(d => d.Recipient).HasMaxLength(256);
        builder.Property(d => d.Scope).HasMaxLength(200);
        builder.Property(d => d.Error).HasMaxLength(500);
        builder.Property(d => d.UserId).HasMaxLength(450);
    }
}
