using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Coaching;

/// <summary>The raw-row reads coaching needs beside the KPI counts: an agent's lowest-rated responses.</summary>
public sealed class CoachingQueries(CxDbContext db, OrganisationSettingsService organisation)
{
    /// <summary>
    /// The agent's post-contact responses in the period (by contact date, within the viewer's scope), lowest score
    /// first, those with a comment before those without, newest first.
    /// </summary>
    /// <param name="followedWithinDays">Only responses to contacts the customer came back after within this many days (not resolved).</param>
    public async Task<IReadOnlyList<RatedResponse>> LowestRatedAsync(int agentId, DatePeriod period, DataScope scope, int take,
        int maxCsat = 5, int? followedWithinDays = null, CancellationToken ct = default)
    {
        var query = new MetricQuery { From = period.From, To = period.To, AgentId = agentId, WindowDays = 1, AsOfUtc = DateTime.UtcNow };
        var measured = db.Contacts.Where(KpiQueryService.MeasuredContacts(query, scope));
        if (followedWithinDays is { } days)
        {
            var window = ContactRules.WindowTicks(days);
            measured = measured.Where(c => c.NextGapTicks <= window);
        }
        var contacts = measured.Select(c => c.Id);
        var rows = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.Kind == SurveyResponseKind.PostContact && r.Csat <= maxCsat && contacts.Contains(r.ContactId))
            .OrderBy(r => r.Csat)
            .ThenBy(r => r.Comment == null || r.Comment == "" ? 1 : 0)
            .ThenByDescending(r => r.ReceivedAtUtc)
            .Take(take)
            .Select(r => new
            {
                r.ExternalId, r.ReceivedAtUtc, ContactId = r.Contact!.ExternalId, r.Contact.LocalDate, Reason = r.Contact.Reason!.Name,
                r.Contact.Channel, r.Csat, r.Resolved, r.Nps, r.Comment,
            })
            .ToListAsync(ct);
        var time = await organisation.GetTimeAsync(ct);
        return rows.Select(r => new RatedResponse(r.ExternalId, time.ToLocal(r.ReceivedAtUtc), r.ContactId, r.LocalDate, r.Reason,
            r.Channel.DisplayName(), r.Csat, r.Resolved, r.Nps, r.Comment)).ToList();
    }
}
