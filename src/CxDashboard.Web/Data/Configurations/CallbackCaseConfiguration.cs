using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class CallbackCaseConfiguration : IEntityTypeConfiguration<CallbackCase>
{
    public const string OneOpenCasePerCustomerIndex = "IX_CallbackCases_OpenCustomer";

    public void Configure(EntityTypeBuilder<CallbackCase> builder)
    {
        builder.Property(c => c.ClosingNote).HasMaxLength(2000);
        builder.Property(c => c.Version).IsConcurrencyToken();

        // One open case per customer, enforced by the database so that two flagging runs cannot both open one.
        builder.HasIndex(c => c.CustomerId).IsUnique().HasFilter($"\"Status\" = {(int)CallbackCaseStatus.Open}")
            .HasDatabaseName(OneOpenCasePerCustomerIndex);
        builder.HasIndex(c => new { c.CustomerId, c.ClosedAtUtc });
        builder.HasIndex(c => new { c.Status, c.Priority, c.DueAtUtc });
        builder.HasIndex(c => c.DueAtUtc);
        builder.HasIndex(c => c.FirstTriggeredAtUtc);
        builder.HasIndex(c => c.ClosedAtUtc);
        builder.HasIndex(c => new { c.AssignedToUserId, c.Status });
        builder.HasIndex(c => c.TeamId);

        builder.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Team).WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.AssignedTo).WithMany().HasForeignKey(c => c.AssignedToUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ClosedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.RootCauseReason).WithMany().HasForeignKey(c => c.RootCauseReasonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Triggers).WithOne(t => t.Case).HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Attempts).WithOne(a => a.Case).HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Events).WithOne(e => e.Case).HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_CallbackCases_ClosedHasOutcome",
            $"\"Status\" <> {(int)CallbackCaseStatus.Closed} OR (\"Outcome\" IS NOT NULL AND \"RootCauseReasonId\" IS NOT NULL AND \"ClosedAtUtc\" IS NOT NULL)"));
    }
}
