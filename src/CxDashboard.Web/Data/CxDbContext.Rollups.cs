using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics.Rollups;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CxDashboard.Web.Data;

public partial class CxDbContext
{
    public DbSet<KpiRollup> KpiRollups => Set<KpiRollup>();
    public DbSet<KpiRollupState> KpiRollupStates => Set<KpiRollupState>();
    public DbSet<KpiRollupPendingDate> KpiRollupPendingDates => Set<KpiRollupPendingDate>();
    public DbSet<KpiRollupStaleMonth> KpiRollupStaleMonths => Set<KpiRollupStaleMonth>();

    /// <summary>
    /// Survey responses written through EF (hosted surveys, follow-ups, admin corrections) refresh the rollups of
    /// the days of the contacts they rate, so no writer can leave the dashboard's numbers behind. Contacts are
    /// written only by the importer, which refreshes rollups itself.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var ratedContacts = ChangeTracker.Entries<SurveyResponse>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .SelectMany(e => new[] { e.Entity.ContactId, (long)e.OriginalValues[nameof(SurveyResponse.ContactId)]! })
            .Distinct()
            .ToList();
        // Only a change of the dashboard's data starts a new data version (see DataVersions.DashboardData).
        var dashboardDataChanged = ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Data.DataVersions.FeedsDashboard(e.Metadata));
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (ratedContacts.Count > 0) await RefreshRollupsForContactsAsync(ratedContacts, cancellationToken);
        if (saved > 0 && dashboardDataChanged) await BumpDataVersionAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>After the change committed, or inside the caller's transaction: see <see cref="Data.DataVersions"/>.</summary>
    private async Task BumpDataVersionAsync(CancellationToken ct)
    {
        await Database.OpenConnectionAsync(ct);
        try
        {
            await Data.DataVersions.BumpAsync(Database.GetDbConnection(), Database.CurrentTransaction?.GetDbTransaction(), ct);
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    private async Task RefreshRollupsForContactsAsync(List<long> contactIds, CancellationToken ct)
    {
        var dates = await Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).Select(c => c.LocalDate).Distinct().ToListAsync(ct);
        await RefreshRollupsAsync(dates, ct);
    }

    /// <summary>The window W of the stored rollups when they are complete and of this app's layout, else null (read raw rows).</summary>
    internal Task<int?> UsableRollupWindowAsync(CancellationToken ct) =>
        KpiRollupStates.AsNoTracking()
            .Where(s => s.IsComplete && s.FormatVersion == KpiRollupWriter.FormatVersion)
            .Select(s => (int?)s.WindowDays)
            .SingleOrDefaultAsync(ct);

    /// <summary>Rebuilds the rollup rows of these local dates, inside the current transaction if there is one.</summary>
    internal async Task RefreshRollupsAsync(IReadOnlyCollection<DateOnly> dates, CancellationToken ct)
    {
        var window = await UsableRollupWindowAsync(ct);
        if (window is null || dates.Count == 0) return;
        await Database.OpenConnectionAsync(ct);
        if (Database.GetDbConnection() is NpgsqlConnection postgres)
        {
            if (Database.CurrentTransaction?.GetDbTransaction() is NpgsqlTransaction current)
            {
                await PostgresRollupWriter.RefreshDatesAsync(postgres, current, dates, window.Value, ct);
                return;
            }
            await using var own = await postgres.BeginTransactionAsync(ct);
            await PostgresRollupWriter.RefreshDatesAsync(postgres, own, dates, window.Value, ct);
            await own.CommitAsync(ct);
            return;
        }
        var connection = (SqliteConnection)Database.GetDbConnection();
        var transaction = Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction;
        KpiRollupWriter.StageDates(connection, transaction, dates);
        KpiRollupWriter.RefreshStagedDates(connection, transaction, window.Value);
    }
}
