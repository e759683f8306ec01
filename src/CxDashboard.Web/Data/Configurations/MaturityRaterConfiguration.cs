using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class MaturityRaterConfiguration : IEntityTypeConfiguration<MaturityRater>
{
    public void Configure(EntityTypeBuilder<MaturityRater> builder)
    {
        builder.HasKey(r => new { r.RoundId, r.UserId });
        builder.HasIndex(r => r.UserId);
        builder.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
