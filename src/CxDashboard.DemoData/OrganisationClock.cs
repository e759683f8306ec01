namespace CxDashboard.DemoData;

/// <summary>
/// Turns local wall-clock times in the organisation's zone into instants with the right UTC offset.
/// Times in the spring-forward gap do not exist, so they move past it; times in the autumn's repeated
/// hour exist twice, so either offset is chosen.
/// </summary>
internal sealed class OrganisationClock
{
    private readonly TimeZoneInfo zone;
    private DateOnly cachedDate = DateOnly.MinValue;
    private TimeSpan? cachedWholeDayOffset;

    public OrganisationClock(string timeZoneId)
    {
        zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
    }

    public DateTimeOffset AtLocal(DateOnly date, TimeSpan timeOfDay, DeterministicRandom random)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).Add(timeOfDay);
        var wholeDayOffset = WholeDayOffset(date);
        if (wholeDayOffset is { } offset)
        {
            return new DateTimeOffset(local, offset);
        }

        local = SkipGap(local);
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets[random.NextInt(offsets.Length)]);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The first instant of the local day.</summary>
    public DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = SkipGap(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified));

        // In an ambiguous midnight the earlier instant (the larger offset) starts the day.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The same instant expressed with the organisation's offset at that moment.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>A local time the clocks jumped over moves forward past the gap (02:30 becomes 03:30).</summary>
    private DateTime SkipGap(DateTime local)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return local;
    }

    /// <summary>The offset when it holds all day (every day but the two transition days), else null.</summary>
    private TimeSpan? WholeDayOffset(DateOnly date)
    {
        if (date != cachedDate)
        {
            cachedDate = date;
            var start = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            var startOffset = zone.GetUtcOffset(start);
            var endOffset = zone.GetUtcOffset(start.AddDays(1).AddTicks(-1));
            var hasOddTimes = zone.IsInvalidTime(start) || zone.IsAmbiguousTime(start);
            cachedWholeDayOffset = startOffset == endOffset && !hasOddTimes ? startOffset : null;
        }

        return cachedWholeDayOffset;
    }
}
