using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class ContactReasonConfiguration : IEntityTypeConfiguration<ContactReason>
{
    public void Configure(EntityTypeBuilder<ContactReason> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(100);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_ContactReasons_Complexity", "Complexity BETWEEN 1 AND 5"));
    }
}
