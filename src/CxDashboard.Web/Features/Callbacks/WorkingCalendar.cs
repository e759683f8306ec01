using CxDashboard.Web.Features.Organisation;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>Opening hours of one weekday in local time; <see cref="Closes"/> may be 24:00 (end of the day).</summary>
public readonly record struct WorkingHours(TimeSpan Opens, TimeSpan Closes)
{
    public static readonly WorkingHours OfficeHours = new(TimeSpan.FromHours(8), TimeSpan.FromHours(17));

    public bool IsValid => Opens >= TimeSpan.Zero && Closes <= TimeSpan.FromHours(24) && Opens < Closes;
}

/// <summary>
/// The SLA clock: adds working time to an instant, counting only the working hours of working days in the
/// organisation's time zone, skipping holidays. Pure (no database): the settings are passed in.
///
/// Working hours are local wall-clock times, so a due time stays "16:00" across a daylight-saving change; the time
/// counted is real elapsed time inside those hours (a working window that spans a clock change is an hour shorter
/// or longer). A window bound that falls in the spring-forward gap moves past it; one in the repeated autumn hour
/// takes its first occurrence (as <see cref="OrganisationTime"/> reads local times).
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>A calendar with no working time at all would never reach a due time; this bounds the search.</summary>
    private const int MaxDaysSearched = 3 * 366;

    private readonly OrganisationTime _time;
    private readonly IReadOnlyDictionary<DayOfWeek, WorkingHours> _hours;
    private readonly HashSet<DateOnly> _holidays;

    public WorkingCalendar(OrganisationTime time, IReadOnlyDictionary<DayOfWeek, WorkingHours> hours, IEnumerable<DateOnly> holidays)
    {
        if (hours.Count == 0) throw new ArgumentException("A working calendar needs at least one working day.", nameof(hours));
        foreach (var (day, h) in hours)
            if (!h.IsValid) throw new ArgumentException($"The working hours of {day} are not valid: {h.Opens}–{h.Closes}.", nameof(hours));
        _time = time;
        _hours = hours;
        _holidays = holidays.ToHashSet();
    }

    /// <summary>Monday to Friday, 08:00–17:00, no holidays: the default of domain.md.</summary>
    public static IReadOnlyDictionary<DayOfWeek, WorkingHours> OfficeWeek { get; } = new Dictionary<DayOfWeek, WorkingHours>
    {
        [DayOfWeek.Monday] = WorkingHours.OfficeHours,
        [DayOfWeek.Tuesday] = WorkingHours.OfficeHours,
        [DayOfWeek.Wednesday] = WorkingHours.OfficeHours,
        [DayOfWeek.Thursday] = WorkingHours.OfficeHours,
        [DayOfWeek.Friday] = WorkingHours.OfficeHours,
    };

    public static readonly IReadOnlyList<DayOfWeek> WeekFromMonday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public TimeZoneInfo TimeZone => _time.TimeZone;

    /// <summary>"Mon–Fri 08:00–17:00, Sat 10:00–14:00": consecutive days with the same hours in one run.</summary>
    public static string DescribeWeek(IReadOnlyDictionary<DayOfWeek, WorkingHours> hours)
    {
        var week = WeekFromMonday;
        var runs = new List<string>();
        for (var i = 0; i < week.Count; i++)
        {
            if (!hours.TryGetValue(week[i], out var h)) continue;
            var end = i;
            while (end + 1 < week.Count && hours.TryGetValue(week[end + 1], out var next) && next == h) end++;
            var days = end == i ? Short(week[i]) : $"{Short(week[i])}–{Short(week[end])}";
            runs.Add($"{days} {Clock(h.Opens)}–{Clock(h.Closes)}");
            i = end;
        }
        return string.Join(", ", runs);

        static string Short(DayOfWeek day) => System.Globalization.CultureInfo.CurrentUICulture.DateTimeFormat.GetAbbreviatedDayName(day).TrimEnd('.');
    }

    /// <summary>"08:00"; the end of the day is "24:00".</summary>
    public static string Clock(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}";

    public bool IsWorkingDay(DateOnly date) => _hours.ContainsKey(date.DayOfWeek) && !_holidays.Contains(date);

    /// <summary>The instant that lies <paramref name="workingTime"/> of working time after <paramref name="startUtc"/>.</summary>
    public DateTime AddWorkingTime(DateTime startUtc, TimeSpan workingTime)
    {
        if (workingTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(workingTime), "Working time cannot be negative.");
        var start = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        var remaining = workingTime;
        var date = _time.LocalDateOf(start);
        for (var i = 0; i < MaxDaysSearched; i++, date = date.AddDays(1))
        {
            if (Window(date) is not { } window) continue;
            var (opens, closes) = window;
            var from = start > opens ? start : opens;
            if (from >= closes) continue;
            var available = closes - from;
            // "≤": a due time that lands exactly on closing time stays on that day (Saturday → Monday 17:00).
            if (remaining <= available) return from + remaining;
            remaining -= available;
        }
        throw new InvalidOperationException("The working calendar has no working time in the next three years.");
    }

    /// <summary>Working time between two instants (zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        var from = DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc);
        var to = DateTime.SpecifyKind(toUtc, DateTimeKind.Utc);
        var total = TimeSpan.Zero;
        for (var date = _time.LocalDateOf(from); date <= _time.LocalDateOf(to); date = date.AddDays(1))
        {
            if (Window(date) is not { } window) continue;
            var (opens, closes) = window;
            var start = from > opens ? from : opens;
            var end = to < closes ? to : closes;
            if (end > start) total += end - start;
        }
        return total;
    }

    /// <summary>The working window of a local date as UTC instants, or null on a day off.</summary>
    private (DateTime Opens, DateTime Closes)? Window(DateOnly date)
    {
        if (!IsWorkingDay(date)) return null;
        var hours = _hours[date.DayOfWeek];
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var opens = _time.ToUtc(midnight + hours.Opens);
        // 24:00 is the next day's midnight, which may itself be shifted by a clock change.
        var closes = _time.ToUtc(midnight + hours.Closes);
        return closes > opens ? (opens, closes) : null;
    }
}
