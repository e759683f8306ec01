using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class MaturityRoundTargetConfiguration : IEntityTypeConfiguration<MaturityRoundTarget>
{
    public void Configure(EntityTypeBuilder<MaturityRoundTarget> builder)
    {
        builder.HasKey(t => new { t.RoundId, t.CapabilityKey });
        builder.Property(t => t.CapabilityKey).HasMaxLength(40);
    }
}
