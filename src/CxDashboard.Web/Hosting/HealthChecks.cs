using CxDashboard.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxDashboard.Web.Hosting;

/// <summary>The database answers and has every migration: cheap, for the public liveness check.</summary>
public sealed class DatabaseHealthCheck(CxDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy(db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite")
                : HealthCheckResult.Degraded($"{pending} migration(s) not applied");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
    }
}

/// <summary>How much data the database holds: for administrators only (it says how big the business is).</summary>
public sealed class DataVolumeHealthCheck(CxDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var contacts = await db.Contacts.LongCountAsync(ct);
            return HealthCheckResult.Healthy($"{contacts} contacts");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The data cannot be counted.", e);
        }
    }
}

/// <summary>
/// The job storage answers (in memory beside SQLite, in PostgreSQL when instances share it) and, on an instance that runs
/// jobs, a job server is running. An instance without a job server still enqueues jobs, so its storage is checked too.
/// </summary>
public sealed class JobServerHealthCheck(JobStorage storage, IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var kept = storage is Hangfire.PostgreSql.PostgreSqlStorage ? "in PostgreSQL" : "in memory";
        try
        {
            var monitoring = storage.GetMonitoringApi();
            var servers = monitoring.Servers();
            var stats = monitoring.GetStatistics();
            if (!configuration.GetValue("Jobs:RunServer", true))
                return Task.FromResult(HealthCheckResult.Healthy(
                    $"Jobs kept {kept}, {servers.Count} job server(s) elsewhere; this instance runs none (Jobs:RunServer=false)."));
            return Task.FromResult(servers.Count > 0
                ? HealthCheckResult.Healthy($"{servers.Count} job server(s), jobs kept {kept}; {stats.Recurring} recurring, {stats.Failed} failed jobs")
                : HealthCheckResult.Unhealthy("No job server is running."));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The job storage ({kept}) cannot be reached.", e));
        }
    }
}
