using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.ExternalId).HasMaxLength(100);
        builder.HasIndex(c => c.ExternalId).IsUnique();

        // The customer's timeline: gaps, callback triggers (3 contacts in 7 days), recent contacts on a case. With the
        // reason in it, the gaps of a first import (whose stored gaps are all empty) are computed from the index alone.
        builder.HasIndex(c => new { c.CustomerId, c.StartedAtUtc, c.ReasonId });

        // Metric queries select a period by local date, then filter and group by these columns.
        builder.HasIndex(c => new { c.LocalDate, c.TeamId, c.Channel, c.ReasonId });
        builder.HasIndex(c => new { c.AgentId, c.LocalDate });
        builder.HasIndex(c => new { c.TeamId, c.LocalDate });

        builder.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Agent).WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Team).WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Reason).WithMany().HasForeignKey(c => c.ReasonId).OnDelete(DeleteBehavior.Restrict);
    }
}
