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

public sealed class JobServerHealthCheck(JobStorage storage, IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!configuration.GetValue("Jobs:RunServer", true))
            return Task.FromResult(HealthCheckResult.Healthy("This instance runs no job server (Jobs:RunServer=false)."));
        try
        {
            var monitoring = storage.GetMonitoringApi();
            var servers = monitoring.Servers();
            var stats = monitoring.GetStatistics();
            var kept = storage is Hangfire.PostgreSql.PostgreSqlStorage ? "in PostgreSQL" : "in memory";
            return Task.FromResult(servers.Count > 0
                ? HealthCheckResult.Healthy($"{servers.Count} job server(s), jobs kept {kept}; {stats.Recurring} recurring, {stats.Failed} failed jobs")
                : HealthCheckResult.Unhealthy("No job server is running."));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage cannot be reached.", e));
        }
    }
}
