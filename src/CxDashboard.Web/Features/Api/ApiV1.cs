using System.Globalization;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CxDashboard.Web.Features.Api;

/// <summary>The machine API under /api/v1, authenticated by X-Api-Key, rate-limited per key and described at /openapi/v1.json.</summary>
public static class ApiV1
{
    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("CxDashboard API v1").RequireRateLimiting(RateLimitPolicies.PerApiKey);
        var read = api.MapGroup("").RequireAuthorization(Policies.ApiRead);
        var write = api.MapGroup("").RequireAuthorization(Policies.ApiWrite);

        read.MapGet("/kpis", GetKpisAsync)
            .WithName("GetKpis")
            .WithSummary("KPIs for a period and filters")
            .WithDescription("The same JSON as the CLI's `kpis --format json`: percents 0–100 unrounded, null where n = 0, a 95 % Wilson interval for each proportion. " +
                             $"sameReason=true: {MetricGlossary.SameReasonOnly}");
        read.MapContactReasons();
        read.MapCallbacksApi();
        write.MapIngestion();
        write.MapSurveyLinks();
        return app;
    }

    /// <param name="from">First day of the period (YYYY-MM-DD, organisation time zone).</param>
    /// <param name="to">Last day of the period, included.</param>
    /// <param name="team">Team name or id.</param>
    /// <param name="agent">Agent id as in contact files.</param>
    /// <param name="channel">phone, chat, email, messaging, social or selfservice.</param>
    /// <param name="reason">Contact reason code.</param>
    /// <param name="windowDays">Repeat window W in days (default: the organisation's setting).</param>
    /// <param name="sameReason">Same reason only: a contact is a repeat when an earlier contact of the same customer with the same reason lies within W, and FCR-resolved when no later contact of the same customer with the same reason lies within W.</param>
    /// <param name="asOf">When FCR decidability is judged (ISO 8601; default now).</param>
    private static async Task<Results<Ok<KpiReport>, ProblemHttpResult>> GetKpisAsync(
        [FromQuery] string from, [FromQuery] string to,
        [FromQuery] string? team, [FromQuery] string? agent, [FromQuery] string? channel, [FromQuery] string? reason,
        [FromQuery] int? windowDays, [FromQuery] bool? sameReason, [FromQuery] string? asOf,
        KpiReportService reports, CancellationToken ct)
    {
        try
        {
            var period = PeriodRule.Parse(from, to);
            var report = await reports.GetAsync(new KpiRequest
            {
                From = period.From,
                To = period.To,
                Team = team,
                Agent = agent,
                Channel = channel,
                Reason = reason,
                WindowDays = windowDays,
                SameReasonOnly = sameReason ?? false,
                AsOfUtc = asOf is null ? null : PeriodRule.ParseTime(asOf, "asOf"),
            }, DataScope.Everything, ct);
            return TypedResults.Ok(report);
        }
        catch (RequestRefusedException e)
        {
            return ApiProblems.Refused(e);
        }
    }

    /// <summary>A date written YYYY-MM-DD within <see cref="PeriodRule"/>'s bounds.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && PeriodRule.IsWithinBounds(date);
}
