using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

public partial class CxDbContext
{
    public DbSet<CallbackCase> CallbackCases => Set<CallbackCase>();
    public DbSet<CallbackTrigger> CallbackTriggers => Set<CallbackTrigger>();
    public DbSet<CallbackAttempt> CallbackAttempts => Set<CallbackAttempt>();
    public DbSet<CallbackCaseEvent> CallbackCaseEvents => Set<CallbackCaseEvent>();
    public DbSet<CallbackSettings> CallbackSettings => Set<CallbackSettings>();
    public DbSet<CallbackWorkingDay> CallbackWorkingDays => Set<CallbackWorkingDay>();
    public DbSet<CallbackHoliday> CallbackHolidays => Set<CallbackHoliday>();
    public DbSet<CallbackFlaggingState> CallbackFlaggingStates => Set<CallbackFlaggingState>();
}
