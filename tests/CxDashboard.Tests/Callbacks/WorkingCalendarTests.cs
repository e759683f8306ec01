using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Organisation;

namespace CxDashboard.Tests.Callbacks;

/// <summary>
/// The SLA calendar: one working day = 9 working hours, Mon–Fri 08:00–17:00 Europe/Stockholm by default.
/// Clocks go forward on Sunday 2026-03-29 (02:00 → 03:00) and back on Sunday 2026-10-25 (03:00 → 02:00).
/// </summary>
public sealed class WorkingCalendarTests
{
    private static readonly OrganisationTime Stockholm = OrganisationTime.For("Europe/Stockholm");
    private static readonly TimeSpan OneWorkingDay = TimeSpan.FromHours(9);

    private static WorkingCalendar Office(params DateOnly[] holidays) => new(Stockholm, WorkingCalendar.OfficeWeek, holidays);

    /// <summary>Local wall-clock time in Stockholm → UTC.</summary>
    private static DateTime Local(int year, int month, int day, int hour, int minute = 0) =>
        Stockholm.ToUtc(new DateTime(year, month, day, hour, minute, 0));

    private static string LocalText(DateTime utc) => Stockholm.ToLocal(utc).ToString("yyyy-MM-dd ddd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_trigger_on_Tuesday_at_16_is_due_Wednesday_at_16()
    {
        var due = Office().AddWorkingTime(Local(2026, 3, 3, 16), OneWorkingDay);
        Assert.Equal("2026-03-04 Wed 16:00", LocalText(due));
        Assert.Equal(new DateTime(2026, 3, 4, 15, 0, 0, DateTimeKind.Utc), due);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(11, 30)]
    [InlineData(23, 59)]
    public void A_trigger_on_Saturday_is_due_Monday_at_17(int hour, int minute)
    {
        Assert.Equal("2026-03-09 Mon 17:00", LocalText(Office().AddWorkingTime(Local(2026, 3, 7, hour, minute), OneWorkingDay)));
    }

    [Fact]
    public void A_trigger_on_Sunday_is_due_Monday_at_17() =>
        Assert.Equal("2026-03-09 Mon 17:00", LocalText(Office().AddWorkingTime(Local(2026, 3, 8, 14), OneWorkingDay)));

    [Theory]
    [InlineData(19, 0, "2026-03-04 Wed 17:00")] // after hours: the next working day, all of it
    [InlineData(6, 30, "2026-03-03 Tue 17:00")] // before hours: counted from opening
    [InlineData(8, 0, "2026-03-03 Tue 17:00")] // exactly at opening
    [InlineData(17, 0, "2026-03-04 Wed 17:00")] // exactly at closing: nothing left that day
    [InlineData(16, 59, "2026-03-04 Wed 16:59")]
    [InlineData(12, 15, "2026-03-04 Wed 12:15")]
    public void Triggers_outside_and_at_the_edges_of_working_hours(int hour, int minute, string expected) =>
        Assert.Equal(expected, LocalText(Office().AddWorkingTime(Local(2026, 3, 3, hour, minute), OneWorkingDay)));

    [Theory]
    [InlineData(15, 0, "2026-03-09 Mon 15:00")] // two hours on Friday, seven on Monday
    [InlineData(17, 30, "2026-03-09 Mon 17:00")] // Friday evening: all of Monday
    [InlineData(8, 0, "2026-03-06 Fri 17:00")]
    public void Friday_afternoon_runs_over_the_weekend(int hour, int minute, string expected) =>
        Assert.Equal(expected, LocalText(Office().AddWorkingTime(Local(2026, 3, 6, hour, minute), OneWorkingDay)));

    [Fact]
    public void A_holiday_is_skipped()
    {
        var due = Office(new DateOnly(2026, 3, 4)).AddWorkingTime(Local(2026, 3, 3, 16), OneWorkingDay);
        Assert.Equal("2026-03-05 Thu 16:00", LocalText(due));
    }

    [Fact]
    public void Easter_skips_Good_Friday_the_weekend_and_Easter_Monday()
    {
        var calendar = Office(SwedishHolidays.For(2026).Select(h => h.Date).ToArray());
        Assert.Equal("2026-04-07 Tue 16:00", LocalText(calendar.AddWorkingTime(Local(2026, 4, 2, 16), OneWorkingDay)));
    }

    [Fact]
    public void Midsummer_eve_is_a_day_off_in_the_Swedish_holidays()
    {
        var calendar = Office(SwedishHolidays.For(2026).Select(h => h.Date).ToArray());
        // Thursday 12:00–17:00 = 5 h, Friday 19 June off, Monday 08:00–12:00 = 4 h.
        Assert.Equal("2026-06-22 Mon 12:00", LocalText(calendar.AddWorkingTime(Local(2026, 6, 18, 12), OneWorkingDay)));
    }

    [Fact]
    public void Across_the_spring_clock_change_the_due_time_stays_16_local()
    {
        // Friday 27 March 16:00 CET (15:00Z) → Monday 30 March 16:00 CEST, which is 14:00Z, not 15:00Z.
        var due = Office().AddWorkingTime(Local(2026, 3, 27, 16), OneWorkingDay);
        Assert.Equal("2026-03-30 Mon 16:00", LocalText(due));
        Assert.Equal(new DateTime(2026, 3, 30, 14, 0, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void Across_the_autumn_clock_change_the_due_time_stays_16_local()
    {
        var due = Office().AddWorkingTime(Local(2026, 10, 23, 16), OneWorkingDay);
        Assert.Equal("2026-10-26 Mon 16:00", LocalText(due));
        Assert.Equal(new DateTime(2026, 10, 26, 15, 0, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void Round_the_clock_hours_count_real_time_across_the_missing_hour()
    {
        var allDay = WorkingCalendar.WeekFromMonday.ToDictionary(d => d, _ => new WorkingHours(TimeSpan.Zero, TimeSpan.FromHours(24)));
        var calendar = new WorkingCalendar(Stockholm, allDay, []);
        // Saturday 20:00 CET (19:00Z) + 9 h of real time = 04:00Z = Sunday 06:00 CEST: the night was an hour shorter on the clock.
        var due = calendar.AddWorkingTime(Local(2026, 3, 28, 20), OneWorkingDay);
        Assert.Equal(new DateTime(2026, 3, 29, 4, 0, 0, DateTimeKind.Utc), due);
        Assert.Equal("2026-03-29 Sun 06:00", LocalText(due));
    }

    [Fact]
    public void An_opening_time_inside_the_spring_gap_moves_past_it()
    {
        var hours = new Dictionary<DayOfWeek, WorkingHours> { [DayOfWeek.Sunday] = new(new TimeSpan(2, 30, 0), TimeSpan.FromHours(12)) };
        var calendar = new WorkingCalendar(Stockholm, hours, []);
        // 02:30 does not exist on 29 March: the day opens at 03:30 CEST (01:30Z); one hour later is 04:30 CEST.
        var due = calendar.AddWorkingTime(Local(2026, 3, 28, 12), TimeSpan.FromHours(1));
        Assert.Equal(new DateTime(2026, 3, 29, 2, 30, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void Working_time_between_two_instants_counts_only_working_hours()
    {
        var calendar = Office();
        Assert.Equal(OneWorkingDay, calendar.WorkingTimeBetween(Local(2026, 3, 3, 16), Local(2026, 3, 4, 16)));
        Assert.Equal(TimeSpan.FromHours(9), calendar.WorkingTimeBetween(Local(2026, 3, 6, 15), Local(2026, 3, 9, 15)));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Local(2026, 3, 7, 9), Local(2026, 3, 8, 20)));
    }

    [Fact]
    public void A_calendar_needs_a_working_day_and_valid_hours()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(Stockholm, new Dictionary<DayOfWeek, WorkingHours>(), []));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(Stockholm,
            new Dictionary<DayOfWeek, WorkingHours> { [DayOfWeek.Monday] = new(TimeSpan.FromHours(17), TimeSpan.FromHours(8)) }, []));
    }

    [Fact]
    public void The_week_reads_as_runs_of_days()
    {
        var hours = new Dictionary<DayOfWeek, WorkingHours>(WorkingCalendar.OfficeWeek)
        {
            [DayOfWeek.Saturday] = new(TimeSpan.FromHours(10), TimeSpan.FromHours(14)),
        };
        Assert.Equal("Mon–Fri 08:00–17:00, Sat 10:00–14:00", WorkingCalendar.DescribeWeek(hours));
        Assert.Equal("Mon 00:00–24:00", WorkingCalendar.DescribeWeek(new Dictionary<DayOfWeek, WorkingHours> { [DayOfWeek.Monday] = new(TimeSpan.Zero, TimeSpan.FromHours(24)) }));
    }

    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2025, 4, 20)]
    [InlineData(2024, 3, 31)]
    public void Easter_Sunday_is_computed_right(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), SwedishHolidays.EasterSunday(year));

    [Fact]
    public void Swedish_holidays_of_2026()
    {
        var holidays = SwedishHolidays.For(2026).ToDictionary(h => h.Name, h => h.Date);
        Assert.Equal(new DateOnly(2026, 4, 3), holidays["Långfredagen"]);
        Assert.Equal(new DateOnly(2026, 5, 14), holidays["Kristi himmelsfärdsdag"]);
        Assert.Equal(new DateOnly(2026, 6, 19), holidays["Midsommarafton"]);
        Assert.Equal(new DateOnly(2026, 10, 31), holidays["Alla helgons dag"]);
        Assert.Equal(16, holidays.Count);
    }

    [Fact]
    public void Holidays_are_typed_one_per_line_and_bad_lines_are_named()
    {
        var (holidays, errors) = HolidayList.Parse("2026-12-24 Julafton\n\n2026-12-25;Juldagen\n2026-13-01 Nope\n2026-12-24 Again\n2026-12-31");
        Assert.Equal([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 31)], holidays.Select(h => h.Date));
        Assert.Equal("Juldagen", holidays[1].Name);
        Assert.Equal("Holiday", holidays[2].Name);
        Assert.Equal(
        [
            "Holidays, line 4: '2026-13-01' is not a date (write YYYY-MM-DD, then the name).",
            "Holidays, line 5: 2026-12-24 is listed twice.",
        ], errors);
    }

    [Theory]
    [InlineData("08:00", false, 8 * 60)]
    [InlineData("7:30", false, 7 * 60 + 30)]
    [InlineData("24:00", true, 24 * 60)]
    [InlineData("00:00", true, 24 * 60)]
    [InlineData("00:00", false, 0)]
    public void Clock_times_are_read_with_midnight_as_a_closing_time(string text, bool closing, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), CallbackSettingsService.ParseClock(text, closing));

    [Theory]
    [InlineData("8")]
    [InlineData("25:00")]
    [InlineData("")]
    public void Clock_times_that_are_not_times_are_refused(string text) => Assert.Null(CallbackSettingsService.ParseClock(text, allowEndOfDay: true));
}
