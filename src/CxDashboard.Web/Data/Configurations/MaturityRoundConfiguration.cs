using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class MaturityRoundConfiguration : IEntityTypeConfiguration<MaturityRound>
{
    public void Configure(EntityTypeBuilder<MaturityRound> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.Status, r.AssessedOn });
        // A model version that a round used can never be deleted.
        builder.HasOne(r => r.ModelVersion).WithMany().HasForeignKey(r => r.ModelVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Targets).WithOne().HasForeignKey(t => t.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Raters).WithOne().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
