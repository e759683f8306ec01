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
        builder.Property(e => e.CreatedBy).HasMaxLength(200);
    }
}

public class ReportLibraryFileConfiguration : IEntityTypeConfiguration<ReportLibraryFile>
{
    public void Configure(EntityTypeBuilder<ReportLibraryFile> builder)
    {
        builder.ToTable("ReportLibraryFiles");
        builder.HasKey(f => f.ReportLibraryEntryId);
        builder.HasOne(f => f.Entry).WithOne().HasForeignKey<ReportLibraryFile>(f => f.ReportLibraryEntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
