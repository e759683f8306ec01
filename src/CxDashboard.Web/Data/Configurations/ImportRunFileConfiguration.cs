using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class ImportRunFileConfiguration : IEntityTypeConfiguration<ImportRunFile>
{
    public void Configure(EntityTypeBuilder<ImportRunFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(260);
        builder.Property(f => f.Kind).HasMaxLength(30);
        builder.Property(f => f.FileError).HasMaxLength(2000);
        builder.HasMany(f => f.Errors).WithOne().HasForeignKey(e => e.ImportRunFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
