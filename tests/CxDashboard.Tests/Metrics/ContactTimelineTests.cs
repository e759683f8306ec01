using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Tests.Metrics;

public class ContactTimelineTests
{
    private static readonly long Day = TimeSpan.FromDays(1).Ticks;

    [Fact]
    public void Each_contact_gets_the_gap_to_its_neighbours_in_time_not_in_input_order()
    {
        var gaps = ContactTimeline.Compute([new(1, 10 * Day, 1), new(2, 3 * Day, 1), new(3, 5 * Day, 2)]);
        Assert.Equal(new TimelineGaps(5 * Day, 7 * Day, null, null), gaps[0]);   // after contact 3 (any reason) and 2 (same reason)
        Assert.Equal(new TimelineGaps(null, null, 2 * Day, 7 * Day), gaps[1]);   // before contact 3 (any reason) and 1 (same reason)
        Assert.Equal(new TimelineGaps(2 * Day, null, 5 * Day, null), gaps[2]);
    }

    [Fact]
    public void Contacts_at_the_same_instant_are_neither_earlier_nor_later_than_each_other()
    {
        var gaps = ContactTimeline.Compute([new(1, 4 * Day, 1), new(2, 4 * Day, 1), new(3, 6 * Day, 1), new(4, 2 * Day, 1)]);
        Assert.Equal(new TimelineGaps(2 * Day, 2 * Day, 2 * Day, 2 * Day), gaps[0]);
        Assert.Equal(new TimelineGaps(2 * Day, 2 * Day, 2 * Day, 2 * Day), gaps[1]);
        Assert.Equal(new TimelineGaps(2 * Day, 2 * Day, null, null), gaps[2]);
        Assert.Equal(new TimelineGaps(null, null, 2 * Day, 2 * Day), gaps[3]);
    }

    [Fact]
    public void A_single_contact_has_no_neighbours() =>
        Assert.Equal(new TimelineGaps(null, null, null, null), ContactTimeline.Compute([new(1, Day, 1)])[0]);

    [Fact]
    public void The_next_contact_of_the_same_reason_skips_other_reasons_and_equal_starts()
    {
        // Reason 1 at day 1, reason 2 at day 3, reason 1 twice at day 6, reason 2 at day 6: the day-1 contact's next
        // same-reason contact is on day 6; the day-3 one's too (its reason-2 neighbour at the same instant counts).
        var gaps = ContactTimeline.Compute([new(1, Day, 1), new(2, 3 * Day, 2), new(3, 6 * Day, 1), new(4, 6 * Day, 1), new(5, 6 * Day, 2)]);
        Assert.Equal(new TimelineGaps(null, null, 2 * Day, 5 * Day), gaps[0]);
        Assert.Equal(new TimelineGaps(2 * Day, null, 3 * Day, 3 * Day), gaps[1]);
        Assert.Equal(new TimelineGaps(3 * Day, 5 * Day, null, null), gaps[2]);
        Assert.Equal(new TimelineGaps(3 * Day, 5 * Day, null, null), gaps[3]);
        Assert.Equal(new TimelineGaps(3 * Day, 3 * Day, null, null), gaps[4]);
    }
}

public class ContactRulesTests
{
    private static readonly long Day = TimeSpan.FromDays(1).Ticks;

    [Theory]
    [InlineData(7, 7, true)]      // exactly W × 24 h counts
    [InlineData(6, 7, true)]
    [InlineData(7, 6, false)]
    public void A_repeat_is_an_earlier_contact_within_the_window(int gapDays, int windowDays, bool repeat) =>
        Assert.Equal(repeat, ContactRules.IsRepeat(gapDays * Day, windowDays));

    [Fact]
    public void One_tick_beyond_the_window_is_not_a_repeat_and_no_earlier_contact_never_is()
    {
        Assert.False(ContactRules.IsRepeat(7 * Day + 1, 7));
        Assert.False(ContactRules.IsRepeat(null, 7));
    }

    [Fact]
    public void A_contact_is_resolved_unless_the_next_one_comes_within_the_window()
    {
        Assert.False(ContactRules.IsResolved(7 * Day, 7)); // n ≤ c + W: not resolved
        Assert.True(ContactRules.IsResolved(7 * Day + 1, 7));
        Assert.True(ContactRules.IsResolved(null, 7));
    }

    [Fact]
    public void A_contact_is_decidable_once_its_whole_window_has_passed()
    {
        var started = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.True(ContactRules.IsDecidable(started, 7, started.AddDays(7)));
        Assert.False(ContactRules.IsDecidable(started, 7, started.AddDays(7).AddTicks(-1)));
    }
}

public class ProportionTests
{
    [Theory]
    [InlineData(3, 5, 60.0, 23.07, 88.24)]
    [InlineData(0, 10, 0.0, 0.0, 27.75)]
    [InlineData(10, 10, 100.0, 72.25, 100.0)]
    [InlineData(81, 100, 81.0, 72.22, 87.49)]
    public void Percent_and_wilson_interval_match_reference_values(long hits, long n, double percent, double low, double high)
    {
        var proportion = new Proportion(hits, n);
        Assert.Equal(percent, proportion.Percent!.Value, 9);
        Assert.Equal(low, proportion.Interval!.Value.Low, 2);
        Assert.Equal(high, proportion.Interval!.Value.High, 2);
    }

    [Fact]
    public void An_empty_sample_has_no_value_and_under_30_is_small()
    {
        Assert.Null(new Proportion(0, 0).Percent);
        Assert.Null(new Proportion(0, 0).Interval);
        Assert.True(new Proportion(5, 29).IsSmallSample);
        Assert.False(new Proportion(5, 30).IsSmallSample);
    }
}

public class KpiCountsTests
{
    [Fact]
    public void Nps_is_promoters_minus_detractors_over_everyone_who_answered()
    {
        var counts = new KpiCounts { NpsAnswered = 8, NpsPromoters = 4, NpsDetractors = 2 };
        Assert.Equal(25, counts.Nps!.Value, 9);
        Assert.Null(KpiCounts.Empty.Nps);
    }

    [Fact]
    public void Counts_add_up_so_breakdowns_sum_to_totals()
    {
        var a = new KpiCounts { Contacts = 3, RepeatContacts = 1, Responses = 2, CsatPositive = 1, CsatScoreTotal = 7 };
        var b = new KpiCounts { Contacts = 1, RepeatContacts = 1, Responses = 2, CsatPositive = 2, CsatScoreTotal = 9 };
        var sum = KpiCounts.Sum([a, b]);
        Assert.Equal(50, sum.RepeatRate.Percent!.Value, 9);
        Assert.Equal(75, sum.Csat.Percent!.Value, 9);
        Assert.Equal(4, sum.CsatMean!.Value, 9);
    }
}

public class TargetEvaluatorTests
{
    [Theory]
    [InlineData(80.0, TargetStatus.Green)]
    [InlineData(79.9, TargetStatus.Amber)]
    [InlineData(70.0, TargetStatus.Amber)]
    [InlineData(69.9, TargetStatus.Red)]
    public void Higher_is_better_reaches_at_or_above(double value, TargetStatus expected) =>
        Assert.Equal(expected, TargetEvaluator.Evaluate(value, new TargetThresholds(80, 70), higherIsBetter: true));

    [Theory]
    [InlineData(15.0, TargetStatus.Green)]
    [InlineData(15.1, TargetStatus.Amber)]
    [InlineData(20.1, TargetStatus.Red)]
    public void Lower_is_better_reaches_at_or_below(double value, TargetStatus expected) =>
        Assert.Equal(expected, TargetEvaluator.Evaluate(value, new TargetThresholds(15, 20), higherIsBetter: false));

    [Fact]
    public void No_value_or_no_target_has_no_status()
    {
        Assert.Equal(TargetStatus.None, TargetEvaluator.Evaluate(null, new TargetThresholds(1, 0), true));
        Assert.Equal(TargetStatus.None, TargetEvaluator.Evaluate(50, null, true));
    }
}

public class PeriodPresetsTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Theory]
    [InlineData("7d", "2026-03-09", "2026-03-15")]
    [InlineData("30d", "2026-02-14", "2026-03-15")]
    [InlineData("month", "2026-03-01", "2026-03-15")]
    [InlineData("last-month", "2026-02-01", "2026-02-28")]
    [InlineData("quarter", "2026-01-01", "2026-03-15")]
    [InlineData("ytd", "2026-01-01", "2026-03-15")]
    [InlineData("12m", "2025-04-01", "2026-03-15")]
    [InlineData("nonsense", "2026-02-14", "2026-03-15")]
    public void Presets_resolve_to_calendar_dates_ending_today(string key, string from, string to)
    {
        var period = PeriodPresets.Resolve(key, Today);
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (period.From, period.To));
    }

    [Fact]
    public void A_calendar_month_compares_with_the_calendar_month_before_and_any_other_period_with_as_many_days_before()
    {
        var query = new MetricQuery { From = new(2026, 3, 1), To = new(2026, 3, 31), WindowDays = 7, AsOfUtc = DateTime.UtcNow };
        var previous = query.PreviousPeriod();
        // March compares with all of February (28 days), as the monthly report compares a month with the month before.
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), (previous.From, previous.To));
        Assert.Equal("the calendar month before", query.Comparison.Description);
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-30", "2026-10-01", "2026-10-31", "the calendar month before")]
    [InlineData("2026-10-01", "2026-12-31", "2026-07-01", "2026-09-30", "the 3 calendar months before")]
    [InlineData("2026-01-01", "2026-12-31", "2025-01-01", "2025-12-31", "the 12 calendar months before")]
    [InlineData("2026-11-07", "2026-12-06", "2026-10-08", "2026-11-06", "the 30 days before")]
    [InlineData("2026-12-01", "2026-12-07", "2026-11-24", "2026-11-30", "the 7 days before")]
    [InlineData("2026-03-05", "2026-03-05", "2026-03-04", "2026-03-04", "the day before")]
    public void One_rule_chooses_the_previous_period(string from, string to, string expectedFrom, string expectedTo, string words)
    {
        var comparison = ComparisonPeriod.Before(DateOnly.Parse(from), DateOnly.Parse(to));
        Assert.Equal(new DatePeriod(DateOnly.Parse(expectedFrom), DateOnly.Parse(expectedTo)), comparison.Period);
        Assert.Equal(words, comparison.Description);
    }
}
