using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>What to measure: a period of local calendar dates (both included), an optional team, an optional scope, an as-of time.</summary>
public sealed record CallbackKpiRequest
{
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }

    /// <summary>Only cases of this team (the team of the contact behind the case's first trigger).</summary>
    public int? TeamId { get; init; }

    /// <summary>The caller's scope: only cases of these teams (null: every case).</summary>
    public IReadOnlySet<int>? TeamScope { get; init; }

    /// <summary>The time open/overdue are judged at and after which nothing counts; now when not given.</summary>
    public DateTime? AsOfUtc { get; init; }
}

public sealed record CallbackOutcomeCount(string Outcome, string Name, long Cases, double Percent);

public sealed record CallbackRootCauseCount(string Reason, string Name, long Cases, double Percent);

/// <summary>
/// Callback KPIs, the contract of GET /api/v1/callbacks/kpis and the numbers behind the dashboard's callback section:
/// percents 0–100 unrounded, null where n = 0, a 95 % Wilson interval for each proportion, and every n.
/// </summary>
public sealed record CallbackKpis
{
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public required DateTime AsOf { get; init; }
    public required string TimeZone { get; init; }
    public int? TeamId { get; init; }

    /// <summary>Open cases at as-of.</summary>
    public long Open { get; init; }

    /// <summary>Open cases at as-of past their due time with no attempt by then.</summary>
    public long Overdue { get; init; }

    /// <summary>Open cases at as-of that the escalation job has escalated.</summary>
    public long Escalated { get; init; }

    /// <summary>Cases whose first trigger lies in the period.</summary>
    public long Flagged { get; init; }

    /// <summary>Cases closed in the period.</summary>
    public long Closed { get; init; }

    /// <summary>Cases due in the period whose due time has passed or that had an attempt: the SLA's n.</summary>
    public long SlaDue { get; init; }
    public long SlaMet { get; init; }

    /// <summary>Cases due in the period, due after as-of, with no attempt yet: not decided, not counted.</summary>
    public long SlaNotYetDue { get; init; }
    public double? SlaMetPercent { get; init; }
    public PercentInterval? SlaMetPercentInterval { get; init; }

    /// <summary>Cases flagged in the period with a first attempt: the median's n.</summary>
    public long FirstAttempts { get; init; }

    /// <summary>Median time from the first trigger to the first attempt, in hours (calendar time).</summary>
    public double? MedianHoursToFirstAttempt { get; init; }

    /// <summary>Outcomes of the cases closed in the period (n = <see cref="Closed"/>).</summary>
    public required IReadOnlyList<CallbackOutcomeCount> Outcomes { get; init; }

    /// <summary>Root causes of the cases closed in the period, most frequent first.</summary>
    public required IReadOnlyList<CallbackRootCauseCount> RootCauses { get; init; }

    /// <summary>Follow-up survey links created in the period.</summary>
    public long FollowUpsSent { get; init; }

    /// <summary>Follow-up responses received in the period: the recovery rate's n.</summary>
    public long FollowUpsAnswered { get; init; }

    /// <summary>Of those, scoring CSAT 4–5.</summary>
    public long FollowUpsRecovered { get; init; }
    public double? RecoveryRatePercent { get; init; }
    public PercentInterval? RecoveryRatePercentInterval { get; init; }

    /// <summary>Names of the proportions above whose n is under 30 (and above 0).</summary>
    public required IReadOnlyList<string> SmallSamples { get; init; }
}

/// <summary>
/// Computes <see cref="CallbackKpis"/> for any period and team (for the dashboard, the API, and the monthly report):
///   SLA met %      = cases with a first attempt at or before their due time ÷ cases due in the period (cases still
///                    before their due time without an attempt are not yet decided and left out, as FCR does);
///   median time to first attempt = over cases flagged in the period that have had an attempt;
///   outcomes and root causes     = over cases closed in the period;
///   recovery rate  = follow-up responses (kind callback follow-up) received in the period scoring CSAT 4–5 ÷ those answered.
/// </summary>
public sealed class CallbackKpiService(CxDbContext db, OrganisationSettingsService organisation, TimeProvider clock)
{
    public async Task<CallbackKpis> GetAsync(CallbackKpiRequest request, CancellationToken ct = default)
    {
        var settings = await organisation.GetAsync(ct);
        var time = await organisation.GetTimeAsync(ct);
        var asOf = DateTime.SpecifyKind(request.AsOfUtc ?? clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc);
        var from = time.StartOfDayUtc(request.From);
        var to = time.StartOfDayUtc(request.To.AddDays(1));

        var cases = Scoped(request);
        var existing = cases.Where(c => c.CreatedAtUtc <= asOf);
        // The counts in one pass over the cases (the dashboard asks on every request). Open at as-of: not closed by then.
        var counts = await existing.GroupBy(c => 1).Select(g => new
        {
            Open = g.LongCount(c => c.ClosedAtUtc == null || c.ClosedAtUtc > asOf),
            Overdue = g.LongCount(c => (c.ClosedAtUtc == null || c.ClosedAtUtc > asOf)
                                       && c.DueAtUtc < asOf && (c.FirstAttemptAtUtc == null || c.FirstAttemptAtUtc > asOf)),
            Escalated = g.LongCount(c => (c.ClosedAtUtc == null || c.ClosedAtUtc > asOf) && c.EscalatedAtUtc != null && c.EscalatedAtUtc <= asOf),
            Flagged = g.LongCount(c => c.FirstTriggeredAtUtc >= from && c.FirstTriggeredAtUtc < to),
            // The SLA over cases due in the period; an attempt counts only once made (at or before as-of).
            Due = g.LongCount(c => c.DueAtUtc >= from && c.DueAtUtc < to),
            Met = g.LongCount(c => c.DueAtUtc >= from && c.DueAtUtc < to
                                   && c.FirstAttemptAtUtc != null && c.FirstAttemptAtUtc <= asOf && c.FirstAttemptAtUtc <= c.DueAtUtc),
            NotYetDue = g.LongCount(c => c.DueAtUtc >= from && c.DueAtUtc < to
                                         && (c.FirstAttemptAtUtc == null || c.FirstAttemptAtUtc > asOf) && c.DueAtUtc > asOf),
        }).SingleOrDefaultAsync(ct);
        var (open, overdue, escalated, flagged) = counts is null ? (0L, 0L, 0L, 0L) : (counts.Open, counts.Overdue, counts.Escalated, counts.Flagged);
        var (due, met, notYetDue) = counts is null ? (0L, 0L, 0L) : (counts.Due, counts.Met, counts.NotYetDue);
        var sla = new Proportion(met, due - notYetDue);

        var waits = (await existing
                .Where(c => c.FirstTriggeredAtUtc >= from && c.FirstTriggeredAtUtc < to && c.FirstAttemptAtUtc != null && c.FirstAttemptAtUtc <= asOf)
                .Select(c => new { c.FirstTriggeredAtUtc, c.FirstAttemptAtUtc })
                .ToListAsync(ct))
            .Select(c => (c.FirstAttemptAtUtc!.Value - c.FirstTriggeredAtUtc).TotalHours)
            .ToList();

        var closedInPeriod = existing.Where(c => c.ClosedAtUtc >= from && c.ClosedAtUtc < to && c.ClosedAtUtc <= asOf);
        var closed = await closedInPeriod.Select(c => new { c.Outcome, c.RootCauseReasonId }).ToListAsync(ct);
        var reasons = closed.Any(c => c.RootCauseReasonId is not null)
            ? await db.ContactReasons.AsNoTracking().ToDictionaryAsync(r => r.Id, r => (r.Code, r.Name), ct)
            : [];

        var followUps = db.SurveyResponses.Where(r => r.Kind == SurveyResponseKind.CallbackFollowUp && r.CallbackCaseId != null
                                                      && r.ReceivedAtUtc >= from && r.ReceivedAtUtc < to && r.ReceivedAtUtc <= asOf
                                                      && cases.Any(c => c.Id == r.CallbackCaseId));
        var answers = await followUps.GroupBy(r => 1).Select(g => new { Answered = g.LongCount(), Recovered = g.LongCount(r => r.Csat >= 4) }).SingleOrDefaultAsync(ct);
        var (answered, recovered) = answers is null ? (0L, 0L) : (answers.Answered, answers.Recovered);
        var recovery = new Proportion(recovered, answered);
        var sent = await db.SurveyInvitations.LongCountAsync(i => i.Kind == SurveyResponseKind.CallbackFollowUp && i.CallbackCaseId != null
                                                                  && i.CreatedAtUtc >= from && i.CreatedAtUtc < to && i.CreatedAtUtc <= asOf
                                                                  && cases.Any(c => c.Id == i.CallbackCaseId), ct);

        var smallSamples = new List<string>();
        if (sla.N is > 0 and < Proportion.SmallSampleThreshold) smallSamples.Add("slaMetPercent");
        if (recovery.N is > 0 and < Proportion.SmallSampleThreshold) smallSamples.Add("recoveryRatePercent");

        return new CallbackKpis
        {
            From = request.From,
            To = request.To,
            AsOf = asOf,
            TimeZone = settings.TimeZoneId,
            TeamId = request.TeamId,
            Open = open,
            Overdue = overdue,
            Escalated = escalated,
            Flagged = flagged,
            Closed = closed.Count,
            SlaDue = sla.N,
            SlaMet = sla.Hits,
            SlaNotYetDue = notYetDue,
            SlaMetPercent = sla.Percent,
            SlaMetPercentInterval = sla.Interval,
            FirstAttempts = waits.Count,
            MedianHoursToFirstAttempt = Median(waits),
            Outcomes = Enum.GetValues<CallbackOutcome>()
                .Select(o => (Outcome: o, Cases: closed.LongCount(c => c.Outcome == o)))
                .Select(o => new CallbackOutcomeCount(CallbackText.OutcomeCode(o.Outcome), CallbackText.Outcome(o.Outcome), o.Cases, Share(o.Cases, closed.Count)))
                .ToList(),
            RootCauses = closed.Where(c => c.RootCauseReasonId is not null)
                .GroupBy(c => c.RootCauseReasonId!.Value)
                .Select(g => (Reason: reasons.TryGetValue(g.Key, out var r) ? r : ($"#{g.Key}", $"Reason {g.Key}"), Cases: (long)g.Count()))
                .OrderByDescending(g => g.Cases).ThenBy(g => g.Reason.Item2, StringComparer.Ordinal)
                .Select(g => new CallbackRootCauseCount(g.Reason.Item1, g.Reason.Item2, g.Cases, Share(g.Cases, closed.Count)))
                .ToList(),
            FollowUpsSent = sent,
            FollowUpsAnswered = answered,
            FollowUpsRecovered = recovered,
            RecoveryRatePercent = recovery.Percent,
            RecoveryRatePercentInterval = recovery.Interval,
            SmallSamples = smallSamples,
        };
    }

    private IQueryable<CallbackCase> Scoped(CallbackKpiRequest request)
    {
        var cases = db.CallbackCases.AsNoTracking();
        if (request.TeamId is { } team) cases = cases.Where(c => c.TeamId == team);
        if (request.TeamScope is { } scope)
        {
            var teams = scope.ToList();
            cases = cases.Where(c => c.TeamId != null && teams.Contains(c.TeamId.Value));
        }
        return cases;
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : 100.0 * part / whole;

    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
