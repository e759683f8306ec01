using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class MaturityModelVersionConfiguration : IEntityTypeConfiguration<MaturityModelVersion>
{
    public void Configure(EntityTypeBuilder<MaturityModelVersion> builder)
    {
        builder.HasIndex(v => v.Version).IsUnique();
        builder.Property(v => v.ChangeNote).HasMaxLength(500);
        builder.HasOne(v => v.CreatedBy).WithMany().HasForeignKey(v => v.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
