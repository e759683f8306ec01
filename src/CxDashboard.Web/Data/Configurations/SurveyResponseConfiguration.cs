using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.Property(r => r.ExternalId).HasMaxLength(100);
        builder.Property(r => r.Comment).HasMaxLength(4000);
        builder.HasIndex(r => r.ExternalId).IsUnique();
        builder.HasIndex(r => r.ContactId);
        builder.HasIndex(r => r.ReceivedAtUtc);
        builder.HasIndex(r => r.CallbackCaseId);
        // The recovery rate counts follow-up answers received in a period: a few among every survey answer, so they
        // get an index of their own rather than a walk through all answers of the period.
        builder.HasIndex(r => r.ReceivedAtUtc, "IX_SurveyResponses_FollowUps_ReceivedAtUtc").HasFilter("\"CallbackCaseId\" IS NOT NULL");
        builder.HasOne(r => r.Contact).WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_SurveyResponses_Csat", "Csat BETWEEN 1 AND 5");
            t.HasCheckConstraint("CK_SurveyResponses_Nps", "Nps IS NULL OR Nps BETWEEN 0 AND 10");
        });
    }
}
