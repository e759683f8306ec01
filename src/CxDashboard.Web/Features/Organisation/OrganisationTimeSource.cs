using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Organisation;

/// <summary>
/// The one place the organisation's time zone is read (the default when no settings are saved yet), once per scope.
/// It depends on the database alone, so services that <see cref="OrganisationSettingsService"/> itself depends on,
/// such as the rollups, use the same zone without a dependency cycle.
/// </summary>
public sealed class OrganisationTimeSource(CxDbContext db)
{
    private OrganisationTime? _time;

    public async Task<OrganisationTime> GetAsync(CancellationToken ct = default) =>
        _time ??= OrganisationTime.For(
            await db.OrganisationSettings.AsNoTracking().Select(o => o.TimeZoneId).SingleOrDefaultAsync(ct) ?? OrganisationSettings.DefaultTimeZoneId);

    /// <summary>After the settings change in this scope, the next read takes the new zone.</summary>
    public void Forget() => _time = null;
}
