using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class ImportRunErrorConfiguration : IEntityTypeConfiguration<ImportRunError>
{
    public void Configure(EntityTypeBuilder<ImportRunError> builder)
    {
        builder.Property(e => e.Column).HasMaxLength(100);
        builder.Property(e => e.Message).HasMaxLength(1000);
        builder.HasIndex(e => new { e.ImportRunFileId, e.Line });
    }
}
