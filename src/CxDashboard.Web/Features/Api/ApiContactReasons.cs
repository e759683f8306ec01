using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Api;

/// <summary>How a contact reason did in a period: volume, share, repeats, FCR and satisfaction (percents 0–100, unrounded).</summary>
public sealed record ContactReasonStats(
    long Contacts,
    double SharePercent,
    bool SelfServiceCandidate,
    long RepeatContacts,
    double? RepeatContactRate,
    long FcrDecidable,
    double? ContactFcrPercent,
    long Responses,
    double? CsatPercent,
    double? DissatisfiedPercent);

public sealed record ContactReasonItem(string Code, string Name, int Complexity, bool NeedsReview, ContactReasonStats? Stats);

public sealed record ContactReasonsResponse(DateOnly? From, DateOnly? To, int? WindowDays, IReadOnlyList<ContactReasonItem> Reasons);

/// <summary>GET /api/v1/contact-reasons: the reason catalogue, and with a period each reason's figures, busiest first.</summary>
public static class ApiContactReasons
{
    public static void MapContactReasons(this RouteGroupBuilder read) =>
        read.MapGet("/contact-reasons", GetAsync)
            .WithName("GetContactReasons")
            .WithSummary("Contact reasons, optionally with their figures for a period")
            .WithDescription("Without from/to: every reason code with its name, complexity (1–5) and whether it needs review. With from and to: each reason's contacts, share, repeat-contact rate, contact-based FCR, CSAT and dissatisfied share for the period, busiest first; a frequent, simple reason is marked as a self-service candidate.");

    /// <param name="from">First day of the period (YYYY-MM-DD, organisation time zone); give it with to.</param>
    /// <param name="to">Last day of the period, included.</param>
    private static async Task<Results<Ok<ContactReasonsResponse>, ProblemHttpResult>> GetAsync(
        [FromQuery] string? from, [FromQuery] string? to, CxDbContext db, KpiReportService reports, KpiQueryService queries, CancellationToken ct)
    {
        var reasons = await db.ContactReasons.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        if (from is null && to is null)
            return TypedResults.Ok(new ContactReasonsResponse(null, null, null,
                reasons.Select(r => new ContactReasonItem(r.Code, r.Name, r.Complexity, r.NeedsReview, null)).ToList()));

        if (from is null || to is null)
            return ApiProblems.BadRequest("Give both from and to as dates written YYYY-MM-DD, or neither for the catalogue.");
        MetricQuery query;
        try
        {
            var period = PeriodRule.Parse(from, to);
            query = await reports.ResolveAsync(new KpiRequest { From = period.From, To = period.To }, ct);
        }
        catch (Requests.RequestRefusedException e)
        {
            return ApiProblems.Refused(e);
        }
        var byReason = await queries.ByReasonAsync(query, DataScope.Everything, ct);
        var total = byReason.Values.Sum(c => c.Contacts);
        var items = reasons.Select(r =>
            {
                var c = byReason.GetValueOrDefault(r.Id) ?? KpiCounts.Empty;
                var share = total == 0 ? 0 : 100.0 * c.Contacts / total;
                return new ContactReasonItem(r.Code, r.Name, r.Complexity, r.NeedsReview, new ContactReasonStats(
                    c.Contacts, share, SelfServiceCandidates.IsCandidate(share, r.Complexity),
                    c.RepeatContacts, c.RepeatRate.Percent, c.FcrDecidable, c.ContactFcr.Percent,
                    c.Responses, c.Csat.Percent, c.Dissatisfied.Percent));
            })
            .OrderByDescending(i => i.Stats!.Contacts).ThenBy(i => i.Code, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new ContactReasonsResponse(query.From, query.To, query.WindowDays, items));
    }
}
