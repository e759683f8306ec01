using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class KpiRollupStateConfiguration : IEntityTypeConfiguration<KpiRollupState>
{
    public void Configure(EntityTypeBuilder<KpiRollupState> builder) => builder.Property(s => s.Id).ValueGeneratedNever();
}
