namespace CxDashboard.Web.Features.Organisation;

/// <summary>
/// Conversions between instants and the organisation's local calendar. Local times without an offset are read
/// leniently around daylight-saving changes: a time inside the spring-forward gap is moved forward by the gap
/// (02:30 becomes 03:30), and a time that occurs twice in the autumn takes its first (summer-time) occurrence.
/// </summary>
public sealed class OrganisationTime(TimeZoneInfo timeZone)
{
    public TimeZoneInfo TimeZone { get; } = timeZone;

    public static OrganisationTime For(string timeZoneId) => new(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    public static bool IsKnownTimeZone(string timeZoneId) => TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);

    public DateTime ToUtc(DateTime localTime)
    {
        var local = DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local))
        {
            // In the gap the clock jumped over; the offset just before the gap puts the instant after it.
            var offsetBefore = TimeZone.GetUtcOffset(local.AddHours(-3));
            return DateTime.SpecifyKind(local - offsetBefore, DateTimeKind.Utc);
        }
        if (TimeZone.IsAmbiguousTime(local))
        {
            var firstOffset = TimeZone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - firstOffset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, TimeZone);
    }

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    public DateOnly LocalDateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public DateOnly Today(TimeProvider clock) => LocalDateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The instant a local calendar day begins (not always 24 h after the previous one).</summary>
    public DateTime StartOfDayUtc(DateOnly date) => ToUtc(date.ToDateTime(TimeOnly.MinValue));
}
