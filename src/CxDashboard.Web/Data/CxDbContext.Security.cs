using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

public partial class CxDbContext : IDataProtectionKeyContext
{
    /// <summary>
    /// The data-protection key ring (sign-in cookies, antiforgery tokens): kept in the database, so instances sharing
    /// a database share it and an instance on another database can never read their cookies.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
