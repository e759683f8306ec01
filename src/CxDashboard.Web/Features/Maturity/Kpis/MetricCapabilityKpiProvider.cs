using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Presentation;
using Microsoft.EntityFrameworkCore;
using static CxDashboard.Web.Features.Maturity.Kpis.CapabilityKpiCatalog;

namespace CxDashboard.Web.Features.Maturity.Kpis;

/// <summary>
/// The capability KPIs that come from contacts, survey responses, contact reasons and engagement pulses, computed by
/// the same metric engine as the dashboard (<see cref="KpiQueryService"/>, <see cref="EngagementQueryService"/> with its
/// publication rule) and judged against the organisation-wide targets.
/// </summary>
public sealed class MetricCapabilityKpiProvider(
    CxDbContext db,
    KpiQueryService queries,
    EngagementQueryService engagementQueries,
    KpiTargetService targetService,
    OrganisationSettingsService organisation,
    TimeProvider clock) : ICapabilityKpiProvider
{
    private static readonly Dictionary<string, KpiKind> TargetedContactKpis = new()
    {
        [Csat] = KpiKind.CsatPercent,
        [SurveyFcr] = KpiKind.SurveyFcrPercent,
        [ContactFcr] = KpiKind.ContactFcrPercent,
        [RepeatRate] = KpiKind.RepeatContactRate,
        [Nps] = KpiKind.Nps,
    };

    public IReadOnlyCollection<string> Keys { get; } =
        [Csat, SurveyFcr, ContactFcr, RepeatRate, Nps, CommentShare, ReviewedReasonShare, KpisOnTarget, SelfServiceShare, BotEscalationRate, EngagementIndex, Enps];

    public async Task<IReadOnlyList<CapabilityKpiValue>> GetAsync(IReadOnlySet<string> keys, DatePeriod period, DataScope scope, CancellationToken ct = default)
    {
        var settings = await organisation.GetAsync(ct);
        var query = new MetricQuery
        {
            From = period.From,
            To = period.To,
            WindowDays = settings.RepeatWindowDays,
            AsOfUtc = clock.GetUtcNow().UtcDateTime,
        };
        var counts = await queries.TotalsAsync(query, scope, ct);
        var targets = await targetService.LoadAsync(ct);
        var engagement = keys.Overlaps([EngagementIndex, Enps, KpisOnTarget]) ? await LatestEngagementAsync(period, scope, ct) : null;

        CapabilityKpiValue Targeted(string key, KpiKind kind, double? value, long n) =>
            new(key, value, n, targets.Evaluate(kind, value), targets.For(kind)?.Green);
        static CapabilityKpiValue Share(string key, Proportion p, string? detail = null) => new(key, p.Percent, p.N, Detail: detail);

        var values = new List<CapabilityKpiValue>();
        foreach (var key in keys)
        {
            switch (key)
            {
                case var k when TargetedContactKpis.TryGetValue(k, out var kind):
                    values.Add(Targeted(k, kind, counts.ValueOf(kind), counts.SampleOf(kind)));
                    break;
                case CommentShare:
                    values.Add(Share(key, counts.CommentShare));
                    break;
                case SelfServiceShare:
                    values.Add(Share(key, counts.SelfServiceShare));
                    break;
                case BotEscalationRate:
                    values.Add(Share(key, new Proportion(counts.BotEscalations, counts.SelfServiceContacts), Vocabulary.Current.Format("MaturityKpi.Escalated", Display.Count(counts.BotEscalations))));
                    break;
                case ReviewedReasonShare:
                    values.Add(Share(key, await ReviewedReasonsAsync(query, scope, ct)));
                    break;
                case EngagementIndex:
                    values.Add(EngagementValue(key, KpiKind.EngagementIndex, engagement, r => r.EngagementIndex, r => r.Responses ?? 0, targets));
                    break;
                case Enps:
                    values.Add(EngagementValue(key, KpiKind.Enps, engagement, r => r.Enps, r => r.EnpsAnswered ?? 0, targets));
                    break;
                case KpisOnTarget:
                    values.Add(TargetsMet(counts, engagement?.Result, targets));
                    break;
            }
        }
        return values;
    }

    /// <summary>How many headline KPIs with an organisation-wide target are green, of those that have a value now.</summary>
    private static CapabilityKpiValue TargetsMet(KpiCounts counts, EngagementResult? engagement, KpiTargets targets)
    {
        var judged = new List<(string Name, bool Green)>();
        foreach (var definition in KpiDefinitions.All)
        {
            if (targets.For(definition.Kind) is null) continue;
            var value = definition.Kind switch
            {
                KpiKind.EngagementIndex => engagement?.EngagementIndex,
                KpiKind.Enps => engagement?.Enps,
                _ => counts.ValueOf(definition.Kind),
            };
            if (value is null) continue;
            judged.Add((definition.Name, targets.Evaluate(definition.Kind, value) == TargetStatus.Green));
        }
        var met = judged.Count(j => j.Green);
        var missed = judged.Where(j => !j.Green).Select(j => j.Name).ToList();
        var detail = judged.Count == 0 ? null
            : missed.Count > 0 ? Vocabulary.Current.Format("MaturityKpi.TargetsGreenNotYet", met, judged.Count, string.Join(", ", missed))
            : Vocabulary.Current.Format("MaturityKpi.TargetsGreen", met, judged.Count);
        return new CapabilityKpiValue(KpisOnTarget, judged.Count == 0 ? null : 100.0 * met / judged.Count, judged.Count, Detail: detail);
    }

    private static CapabilityKpiValue EngagementValue(string key, KpiKind kind, LatestEngagement? engagement,
        Func<EngagementResult, double?> value, Func<EngagementResult, int> n, KpiTargets targets)
    {
        if (engagement is null) return new(key, null, 0, Detail: Vocabulary.Current["MaturityKpi.NoPulse"]);
        if (engagement.Result.Suppressed)
            return new(key, null, 0, Detail: Vocabulary.Current.Format("MaturityKpi.PulseHidden", engagement.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), EngagementCalculator.AnonymityThreshold));
        var v = value(engagement.Result);
        return new(key, v, n(engagement.Result), targets.Evaluate(kind, v), targets.For(kind)?.Green, Vocabulary.Current.Format("MaturityKpi.Pulse", engagement.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task<Proportion> ReviewedReasonsAsync(MetricQuery query, DataScope scope, CancellationToken ct)
    {
        var measured = db.Contacts.Where(KpiQueryService.MeasuredContacts(query, scope));
        var totals = (await measured.GroupBy(c => 1)
            .Select(g => new { All = g.LongCount(), Reviewed = g.LongCount(c => !c.Reason!.NeedsReview) })
            .ToListAsync(ct)).SingleOrDefault();
        return new Proportion(totals?.Reviewed ?? 0, totals?.All ?? 0);
    }

    private sealed record LatestEngagement(DateOnly Month, EngagementResult Result);

    /// <summary>
    /// The latest ended pulse month in the period with answers, the teams in scope pooled as the Engagement page's total
    /// pools them (only teams with enough answers of their own, so a small team cannot be worked out by subtraction).
    /// </summary>
    private async Task<LatestEngagement?> LatestEngagementAsync(DatePeriod period, DataScope scope, CancellationToken ct)
    {
        var fromMonth = PeriodPresets.MonthOf(period.From).From;
        var toMonth = PeriodPresets.MonthOf(period.To).From;
        if (await engagementQueries.LatestPublishedMonthAsync(fromMonth, toMonth, scope, ct) is not { } month) return null;
        var combined = (await engagementQueries.CombinedAsync(month, month, null, scope, ct)).Single();
        return new LatestEngagement(month, combined.Result);
    }
}
