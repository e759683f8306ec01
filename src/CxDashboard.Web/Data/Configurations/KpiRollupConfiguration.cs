using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class KpiRollupConfiguration : IEntityTypeConfiguration<KpiRollup>
{
    public void Configure(EntityTypeBuilder<KpiRollup> builder)
    {
        // Rollups are derived data: no foreign keys, so rebuilding never fights with deletes elsewhere.
        builder.HasIndex(r => new { r.Grain, r.IsMonth, r.LocalDate });
        builder.HasIndex(r => new { r.Grain, r.IsMonth, r.TeamId, r.LocalDate });
        builder.HasIndex(r => new { r.Grain, r.IsMonth, r.AgentId, r.LocalDate });
        builder.HasIndex(r => r.LocalDate);
    }
}

public class KpiRollupPendingDateConfiguration : IEntityTypeConfiguration<KpiRollupPendingDate>
{
    public void Configure(EntityTypeBuilder<KpiRollupPendingDate> builder) => builder.HasKey(d => d.LocalDate);
}

public class KpiRollupStaleMonthConfiguration : IEntityTypeConfiguration<KpiRollupStaleMonth>
{
    public void Configure(EntityTypeBuilder<KpiRollupStaleMonth> builder) => builder.HasKey(m => m.Month);
}
