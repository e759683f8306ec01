using System.Globalization;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>The callback part of /api/v1 (read scope): KPIs and the case list, the same JSON as the CLI.</summary>
public static class CallbacksApi
{
    public static RouteGroupBuilder MapCallbacksApi(this RouteGroupBuilder read)
    {
        read.MapGet("/callbacks/kpis", GetKpisAsync)
            .WithName("GetCallbackKpis")
            .WithSummary("Callback KPIs for a period")
            .WithDescription("Open and overdue cases at as-of; SLA met %, median time to first attempt, outcomes, root causes and recovery rate for the period, each with its n. Percents 0–100 unrounded, null where n = 0.");
        read.MapGet("/callbacks", ListAsync)
            .WithName("ListCallbackCases")
            .WithSummary("Callback cases with their triggers")
            .WithDescription("The same JSON as the CLI's `callbacks list --format json`.");
        return read;
    }

    /// <param name="from">First day of the period (YYYY-MM-DD, organisation time zone).</param>
    /// <param name="to">Last day of the period, included.</param>
    /// <param name="team">Team name or id: only cases of that team.</param>
    /// <param name="asOf">When open and overdue are judged (ISO 8601; default now).</param>
    private static async Task<Results<Ok<CallbackKpis>, ProblemHttpResult>> GetKpisAsync(
        [FromQuery] string from, [FromQuery] string to, [FromQuery] string? team, [FromQuery] string? asOf,
        CallbackKpiService kpis, KpiReportService teams, CancellationToken ct)
    {
        if (!ApiV1.TryParseDate(from, out var fromDate) || !ApiV1.TryParseDate(to, out var toDate))
            return ApiProblems.BadRequest("from and to must be dates written YYYY-MM-DD.");
        if (toDate < fromDate) return ApiProblems.BadRequest("to must not be before from.");
        DateTime? asOfUtc = null;
        if (asOf is not null)
        {
            if (!DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return ApiProblems.BadRequest("asOf must be an ISO 8601 time, e.g. 2026-03-31T23:59:59+02:00.");
            asOfUtc = parsed.UtcDateTime;
        }
        int? teamId = null;
        if (team is not null)
        {
            try
            {
                teamId = await teams.FindTeamAsync(team, ct);
            }
            catch (KpiRequestException e)
            {
                return ApiProblems.BadRequest(e.Message);
            }
        }
        return TypedResults.Ok(await kpis.GetAsync(new CallbackKpiRequest { From = fromDate, To = toDate, TeamId = teamId, AsOfUtc = asOfUtc }, ct));
    }

    /// <param name="status">open (default), closed or all.</param>
    private static async Task<Results<Ok<IReadOnlyList<CallbackCaseListing>>, ProblemHttpResult>> ListAsync(
        [FromQuery] string? status, CallbackListingService listing, CancellationToken ct)
    {
        var wanted = (status ?? "open").ToLowerInvariant();
        if (!CallbackListingService.Statuses.Contains(wanted)) return ApiProblems.BadRequest($"status must be one of: {string.Join(", ", CallbackListingService.Statuses)}.");
        return TypedResults.Ok(await listing.ListAsync(wanted, ct));
    }
}
