using System.Text.Json;
using CxDashboard.Web.Features.Accounts;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// /health: for anyone (a load balancer, a monitor) only the overall status from the cheap liveness checks
/// (database reachable and migrated, job server running), 503 when unhealthy; a signed-in administrator also gets
/// each check's description and the data volume.
/// </summary>
public static class HealthEndpoint
{
    public const string Liveness = "live";

    public static void MapHealthEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (HttpContext context, HealthCheckService health, CancellationToken ct) =>
        {
            var details = context.User.IsInRole(Roles.Admin);
            var report = await health.CheckHealthAsync(details ? _ => true : check => check.Tags.Contains(Liveness), ct);
            context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            context.Response.Headers.CacheControl = "no-store";
            object body = details
                ? new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(
                        e => e.Key,
                        e => new { status = e.Value.Status.ToString(), description = e.Value.Description, error = e.Value.Exception?.Message }),
                }
                : new { status = report.Status.ToString() };
            await context.Response.WriteAsJsonAsync(body, new JsonSerializerOptions(JsonSerializerDefaults.Web), ct);
        }).AllowAnonymous().ExcludeFromDescription();
}
