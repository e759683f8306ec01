using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class ImportRunProgressConfiguration : IEntityTypeConfiguration<ImportRunProgress>
{
    public void Configure(EntityTypeBuilder<ImportRunProgress> builder)
    {
        builder.ToTable("ImportRunProgress");
        builder.HasKey(p => p.ImportRunId);
        builder.Property(p => p.ImportRunId).ValueGeneratedNever();
        builder.Property(p => p.Instance).HasMaxLength(200);
        builder.HasOne<ImportRun>().WithOne().HasForeignKey<ImportRunProgress>(p => p.ImportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
