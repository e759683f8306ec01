using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class CallbackTriggerConfiguration : IEntityTypeConfiguration<CallbackTrigger>
{
    public void Configure(EntityTypeBuilder<CallbackTrigger> builder)
    {
        // A response triggers at most once, and a contact at most once as a repeat: reruns and concurrent runs of the
        // flagging job cannot list the same source twice.
        builder.HasIndex(t => t.SurveyResponseId).IsUnique().HasFilter("\"SurveyResponseId\" IS NOT NULL");
        builder.HasIndex(t => t.ContactId).IsUnique().HasFilter($"\"Rule\" = {(int)CallbackRule.RepeatContacts}")
            .HasDatabaseName("IX_CallbackTriggers_RepeatContact");
        builder.HasIndex(t => new { t.CaseId, t.TriggeredAtUtc });

        builder.HasOne(t => t.SurveyResponse).WithMany().HasForeignKey(t => t.SurveyResponseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Contact).WithMany().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Restrict);
    }
}
