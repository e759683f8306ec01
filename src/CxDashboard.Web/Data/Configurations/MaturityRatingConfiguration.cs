using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class MaturityRatingConfiguration : IEntityTypeConfiguration<MaturityRating>
{
    public void Configure(EntityTypeBuilder<MaturityRating> builder)
    {
        builder.Property(r => r.StatementKey).HasMaxLength(40);
        builder.HasIndex(r => new { r.RoundId, r.RaterUserId, r.StatementKey }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_MaturityRatings_Score", "Score IS NULL OR (Score >= 1 AND Score <= 5)"));
        builder.HasOne<MaturityRater>().WithMany().HasForeignKey(r => new { r.RoundId, r.RaterUserId }).OnDelete(DeleteBehavior.Cascade);
    }
}
