using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        // The one row exists from the migration on: a bump is then always an update of it.
        builder.HasData(new DataVersion { Id = DataVersion.RowId, Version = 1 });
    }
}
