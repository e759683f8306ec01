using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class MaturityCommentConfiguration : IEntityTypeConfiguration<MaturityComment>
{
    public void Configure(EntityTypeBuilder<MaturityComment> builder)
    {
        builder.Property(c => c.CapabilityKey).HasMaxLength(40);
        builder.Property(c => c.Text).HasMaxLength(2000);
        builder.HasIndex(c => new { c.RoundId, c.RaterUserId, c.CapabilityKey }).IsUnique();
        builder.HasOne<MaturityRater>().WithMany().HasForeignKey(c => new { c.RoundId, c.RaterUserId }).OnDelete(DeleteBehavior.Cascade);
    }
}
