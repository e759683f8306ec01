using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class CustomerChangeConfiguration : IEntityTypeConfiguration<CustomerChange>
{
    public void Configure(EntityTypeBuilder<CustomerChange> builder)
    {
        builder.Property(c => c.Field).HasMaxLength(30);
        builder.Property(c => c.OldValue).HasMaxLength(256);
        builder.Property(c => c.NewValue).HasMaxLength(256);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.Property(c => c.Source).HasMaxLength(300);
        builder.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.CustomerId, c.ChangedAtUtc });
    }
}
