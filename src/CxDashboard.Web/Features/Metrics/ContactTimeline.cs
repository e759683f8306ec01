namespace CxDashboard.Web.Features.Metrics;

/// <summary>One contact of a customer, as the timeline needs it.</summary>
public readonly record struct TimelinePoint(long ContactId, long StartedTicks, int ReasonId);

/// <summary>The gaps from one contact to the same customer's neighbouring contacts (any reason and same reason), in ticks.</summary>
public readonly record struct TimelineGaps(long? Previous, long? PreviousSameReason, long? Next, long? NextSameReason);

/// <summary>
/// Computes, for every contact of one customer, the gap to the latest strictly earlier contact and to the earliest
/// strictly later one, each for any reason and for the same reason (the "same reason only" option applies to repeats
/// and to FCR alike). Contacts starting at the same instant are neither earlier nor later than each other, as in the
/// definition (p.started_at &lt; c.started_at).
/// </summary>
public static class ContactTimeline
{
    /// <param name="points">One customer's contacts in any order.</param>
    /// <returns>The gaps, in the order of <paramref name="points"/>.</returns>
    public static TimelineGaps[] Compute(IReadOnlyList<TimelinePoint> points)
    {
        var order = Enumerable.Range(0, points.Count).OrderBy(i => points[i].StartedTicks).ToArray();
        var sorted = order.Select(i => points[i]).ToArray();
        var sortedGaps = new TimelineGaps[points.Count];
        ComputeSorted(sorted, sortedGaps, []);
        var result = new TimelineGaps[points.Count];
        for (var k = 0; k < order.Length; k++) result[order[k]] = sortedGaps[k];
        return result;
    }

    /// <summary>
    /// The same for contacts already in start order (as an index delivers them), without sorting or allocating: the
    /// importer's pass over a million contacts.
    /// </summary>
    /// <param name="startByReason">Scratch space, reused between customers.</param>
    public static void ComputeSorted(ReadOnlySpan<TimelinePoint> points, Span<TimelineGaps> gaps, Dictionary<int, long> startByReason)
    {
        if (points.Length == 1)
        {
            gaps[0] = default; // a customer's only contact has no neighbours: the common case
            return;
        }
        // Forward: the latest strictly earlier start, of any reason and of each reason.
        var latestStartByReason = startByReason;
        latestStartByReason.Clear();
        long? previousDistinctStart = null;   // latest start strictly before the current group of equal starts
        var groupStart = 0;
        while (groupStart < points.Length)
        {
            var start = points[groupStart].StartedTicks;
            if (groupStart > 0 && points[groupStart - 1].StartedTicks > start) throw new ArgumentException("The contacts are not in start order.", nameof(points));
            var groupEnd = groupStart;
            while (groupEnd + 1 < points.Length && points[groupEnd + 1].StartedTicks == start) groupEnd++;
            long? nextDistinctStart = groupEnd + 1 < points.Length ? points[groupEnd + 1].StartedTicks : null;

            for (var k = groupStart; k <= groupEnd; k++)
            {
                long? sameReasonGap = latestStartByReason.TryGetValue(points[k].ReasonId, out var sameReasonStart)
                    ? start - sameReasonStart
                    : null;
                gaps[k] = new TimelineGaps(start - previousDistinctStart, sameReasonGap, nextDistinctStart - start, null);
            }
            // Only after the whole group: equal starts must not see each other as earlier.
            for (var k = groupStart; k <= groupEnd; k++) latestStartByReason[points[k].ReasonId] = start;

            previousDistinctStart = start;
            groupStart = groupEnd + 1;
        }

        // Backward: the earliest strictly later start of the same reason.
        var earliestStartByReason = startByReason;
        earliestStartByReason.Clear();
        var last = points.Length - 1;
        while (last >= 0)
        {
            var start = points[last].StartedTicks;
            var first = last;
            while (first > 0 && points[first - 1].StartedTicks == start) first--;
            for (var k = first; k <= last; k++)
            {
                if (earliestStartByReason.TryGetValue(points[k].ReasonId, out var laterStart))
                    gaps[k] = gaps[k] with { NextSameReason = laterStart - start };
            }
            for (var k = first; k <= last; k++) earliestStartByReason[points[k].ReasonId] = start;
            last = first - 1;
        }
    }
}
