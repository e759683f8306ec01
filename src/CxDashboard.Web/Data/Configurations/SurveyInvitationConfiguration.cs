using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(Features.Surveys.LinkTokens.HashLength);
        builder.Property(i => i.Language).HasMaxLength(5);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.ContactId);
        builder.HasIndex(i => i.CallbackCaseId);
        builder.HasOne(i => i.Contact).WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
