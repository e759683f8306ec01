namespace CxDashboard.Web.Features.Metrics;

/// <summary>
/// The exact rules of domain.md for one contact, given its gaps to the same customer's neighbouring contacts
/// (see <see cref="ContactTimeline"/>). The SQL aggregates in <see cref="KpiQueryService"/> apply the same
/// comparisons to the stored gaps.
/// </summary>
public static class ContactRules
{
    public static long WindowTicks(int windowDays) => TimeSpan.FromDays(windowDays).Ticks;

    /// <summary>A repeat: an earlier contact p with c − p ≤ W × 24 h (a gap of exactly W days counts).</summary>
    public static bool IsRepeat(long? previousGapTicks, int windowDays) =>
        previousGapTicks is { } gap && gap <= WindowTicks(windowDays);

    /// <summary>Decidable once c + W × 24 h ≤ as-of.</summary>
    public static bool IsDecidable(DateTime startedAtUtc, int windowDays, DateTime asOfUtc) =>
        startedAtUtc.Ticks <= asOfUtc.Ticks - WindowTicks(windowDays);

    /// <summary>Latest start that is decidable at <paramref name="asOfUtc"/>.</summary>
    public static DateTime DecidableCutoff(int windowDays, DateTime asOfUtc) =>
        new(asOfUtc.Ticks - WindowTicks(windowDays), DateTimeKind.Utc);

    /// <summary>Resolved: no later contact n with c &lt; n ≤ c + W × 24 h.</summary>
    public static bool IsResolved(long? nextGapTicks, int windowDays) =>
        nextGapTicks is not { } gap || gap > WindowTicks(windowDays);
}
