namespace CxDashboard.Web.Features.Metrics;

/// <summary>One contact of a customer, as the timeline needs it.</summary>
public readonly record struct TimelinePoint(long ContactId, long StartedTicks, int ReasonId);

/// <summary>The gaps from one contact to the same customer's neighbouring contacts, in ticks.</summary>
public readonly record struct TimelineGaps(long? Previous, long? PreviousSameReason, long? Next);

/// <summary>
/// Computes, for every contact of one customer, the gap to the latest strictly earlier contact (any reason and
/// same reason) and to the earliest strictly later one. Contacts starting at the same instant are neither
/// earlier nor later than each other, as in the definition (p.started_at &lt; c.started_at).
/// </summary>
public static class ContactTimeline
{
    /// <param name="points">One customer's contacts in any order.</param>
    /// <returns>The gaps, in the order of <paramref name="points"/>.</returns>
    public static TimelineGaps[] Compute(IReadOnlyList<TimelinePoint> points)
    {
        var order = Enumerable.Range(0, points.Count).OrderBy(i => points[i].StartedTicks).ToArray();
        var result = new TimelineGaps[points.Count];
        var latestStartByReason = new Dictionary<int, long>();

        long? previousDistinctStart = null;   // latest start strictly before the current group of equal starts
        var groupStart = 0;
        while (groupStart < order.Length)
        {
            var start = points[order[groupStart]].StartedTicks;
            var groupEnd = groupStart;
            while (groupEnd + 1 < order.Length && points[order[groupEnd + 1]].StartedTicks == start) groupEnd++;
            long? nextDistinctStart = groupEnd + 1 < order.Length ? points[order[groupEnd + 1]].StartedTicks : null;

            for (var k = groupStart; k <= groupEnd; k++)
            {
                var point = points[order[k]];
                long? sameReasonGap = latestStartByReason.TryGetValue(point.ReasonId, out var sameReasonStart)
                    ? start - sameReasonStart
                    : null;
                result[order[k]] = new TimelineGaps(start - previousDistinctStart, sameReasonGap, nextDistinctStart - start);
            }
            // Only after the whole group: equal starts must not see each other as earlier.
            for (var k = groupStart; k <= groupEnd; k++) latestStartByReason[points[order[k]].ReasonId] = start;

            previousDistinctStart = start;
            groupStart = groupEnd + 1;
        }
        return result;
    }
}
