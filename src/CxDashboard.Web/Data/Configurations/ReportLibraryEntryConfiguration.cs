using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class ReportLibraryEntryConfiguration : IEntityTypeConfiguration<ReportLibraryEntry>
{
    public void Configure(EntityTypeBuilder<ReportLibraryEntry> builder)
    {
        builder.ToTable("ReportLibrary");
        // One report per kind and month: re-running a month updates this row.
        builder.HasIndex(e => new { e.Kind, e.Month }).IsUnique();
        builder.Property(e => e.RelativePath).HasMaxLength(260);
        builder.Property(e => e.CreatedBy).HasMaxLength(200);
    }
}
