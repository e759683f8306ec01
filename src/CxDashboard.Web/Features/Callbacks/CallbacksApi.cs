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
        DatePeriod period;
        DateTime? asOfUtc;
        int? teamId = null;
        try
        {
            period = PeriodRule.Parse(from, to);
            asOfUtc = asOf is null ? null : PeriodRule.ParseTime(asOf, "asOf");
            if (team is not null) teamId = await teams.FindTeamAsync(team, ct);
        }
        catch (Requests.RequestRefusedException e)
        {
            return ApiProblems.Refused(e);
        }
        return TypedResults.Ok(await kpis.GetAsync(new CallbackKpiRequest { From = period.From, To = period.To, TeamId = teamId, AsOfUtc = asOfUtc }, ct));
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
