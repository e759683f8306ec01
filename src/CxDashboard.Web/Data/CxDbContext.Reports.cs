using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

public partial class CxDbContext
{
    public DbSet<ReportLibraryEntry> ReportLibrary => Set<ReportLibraryEntry>();
    public DbSet<ReportLibraryFile> ReportLibraryFiles => Set<ReportLibraryFile>();
    public DbSet<ReportSubscription> ReportSubscriptions => Set<ReportSubscription>();
    public DbSet<ReportDelivery> ReportDeliveries => Set<ReportDelivery>();
}
