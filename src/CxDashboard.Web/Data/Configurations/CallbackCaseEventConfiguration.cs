using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class CallbackCaseEventConfiguration : IEntityTypeConfiguration<CallbackCaseEvent>
{
    public void Configure(EntityTypeBuilder<CallbackCaseEvent> builder)
    {
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.HasIndex(e => new { e.CaseId, e.AtUtc });
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
