using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

public partial class CxDbContext
{
    public DbSet<CoachingAction> CoachingActions => Set<CoachingAction>();
}
