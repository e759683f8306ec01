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
        // Follow-up links sent in a period, among the invitations of every contact (see SurveyResponseConfiguration).
        builder.HasIndex(i => i.CreatedAtUtc, "IX_SurveyInvitations_FollowUps_CreatedAtUtc").HasFilter("\"CallbackCaseId\" IS NOT NULL");
        builder.HasOne(i => i.Contact).WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
