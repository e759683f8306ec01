using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public class CallbackSettingsConfiguration : IEntityTypeConfiguration<CallbackSettings>
{
    public void Configure(EntityTypeBuilder<CallbackSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}

public class CallbackWorkingDayConfiguration : IEntityTypeConfiguration<CallbackWorkingDay>
{
    public void Configure(EntityTypeBuilder<CallbackWorkingDay> builder)
    {
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Day).ValueGeneratedNever();
        builder.ToTable(t => t.HasCheckConstraint("CK_CallbackWorkingDays_Hours",
            "\"OpensMinute\" >= 0 AND \"ClosesMinute\" <= 1440 AND \"OpensMinute\" < \"ClosesMinute\""));
    }
}

public class CallbackHolidayConfiguration : IEntityTypeConfiguration<CallbackHoliday>
{
    public void Configure(EntityTypeBuilder<CallbackHoliday> builder)
    {
        builder.HasKey(h => h.Date);
        builder.Property(h => h.Name).HasMaxLength(100);
    }
}

public class CallbackFlaggingStateConfiguration : IEntityTypeConfiguration<CallbackFlaggingState>
{
    public void Configure(EntityTypeBuilder<CallbackFlaggingState> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.LastRunSummary).HasMaxLength(500);
    }
}
