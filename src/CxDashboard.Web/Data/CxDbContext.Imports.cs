using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

public partial class CxDbContext
{
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportRunFile> ImportRunFiles => Set<ImportRunFile>();
    public DbSet<ImportRunError> ImportRunErrors => Set<ImportRunError>();
    public DbSet<ImportRunProgress> ImportRunProgress => Set<ImportRunProgress>();
}
