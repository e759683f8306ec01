using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Tests.Security;

/// <summary>The one period rule every entry point parses its dates with, and the filter bar's choice of period.</summary>
public sealed class PeriodRuleTests
{
    private static readonly DateOnly Today = new(2026, 3, 31);

    [Fact]
    public void Three_years_are_allowed_and_one_day_more_is_refused_with_the_length()
    {
        var from = new DateOnly(2023, 1, 1);
        Assert.Equal(PeriodRule.MaxDays, PeriodRule.Check(from, from.AddDays(PeriodRule.MaxDays - 1)).Days);
        var refused = Assert.Throws<PeriodException>(() => PeriodRule.Check(from, from.AddDays(PeriodRule.MaxDays)));
        Assert.Equal("The period 2023-01-01 to 2026-01-03 is 1,099 days long; at most 1,098 days (three years) can be asked for at once. Choose a shorter period.", refused.Message);
    }

    [Theory]
    [InlineData("0001-01-01", "0001-01-31", "from: 0001-01-01 is outside the dates this app works with (1990-01-01 to 2099-12-31).")]
    [InlineData("2026-03-01", "9999-12-31", "to: 9999-12-31 is outside the dates this app works with (1990-01-01 to 2099-12-31).")]
    [InlineData("1900-01-01", "2400-12-31", "from: 1900-01-01 is outside the dates this app works with (1990-01-01 to 2099-12-31).")]
    [InlineData("2026-03-31", "2026-03-01", "The period ends (2026-03-01) before it starts (2026-03-31): choose an end on or after the start.")]
    [InlineData("2026-3-1", "2026-03-31", "from: '2026-3-1' is not a date (write it YYYY-MM-DD).")]
    public void A_period_out_of_bounds_backwards_or_unreadable_is_refused_saying_why(string from, string to, string message) =>
        Assert.Equal(message, Assert.Throws<PeriodException>(() => PeriodRule.Parse(from, to)).Message);

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    public void A_time_outside_the_bounds_is_refused(string asOf) =>
        Assert.StartsWith("asOf: ", Assert.Throws<PeriodException>(() => PeriodRule.ParseTime(asOf, "asOf")).Message);

    [Fact]
    public void Months_are_bounded_and_at_most_three_years()
    {
        Assert.Equal(new DateOnly(2026, 3, 1), PeriodRule.ParseMonth("2026-03", "to"));
        Assert.Equal("from: 0001-01 is outside the dates this app works with (1990-01 to 2099-12).",
            Assert.Throws<PeriodException>(() => PeriodRule.ParseMonth("0001-01", "from")).Message);
        Assert.False(PeriodRule.TryParseMonth("9999-12", out _));
        PeriodRule.CheckMonths(new DateOnly(2023, 4, 1), new DateOnly(2026, 3, 1));
        Assert.Contains("37 months",
            Assert.Throws<PeriodException>(() => PeriodRule.CheckMonths(new DateOnly(2023, 3, 1), new DateOnly(2026, 3, 1))).Message);
    }

    [Fact]
    public void A_preset_wins_over_the_stale_dates_the_form_sends_with_it()
    {
        // The filter form sends the dates of the period on screen (the last 30 days) along with the newly chosen preset.
        var (period, key) = PeriodPresets.Choose("90d", new DateOnly(2026, 3, 2), Today, Today);
        Assert.Equal("90d", key);
        Assert.Equal(new DatePeriod(new DateOnly(2026, 1, 1), Today), period);
    }

    [Fact]
    public void Custom_dates_are_chosen_by_the_custom_preset_or_by_dates_alone_and_keep_the_rule()
    {
        var march = new DatePeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15));
        Assert.Equal((march, PeriodPresets.Custom), PeriodPresets.Choose("custom", march.From, march.To, Today));
        Assert.Equal((march, PeriodPresets.Custom), PeriodPresets.Choose(null, march.From, march.To, Today));
        Assert.Equal(PeriodPresets.Default, PeriodPresets.Choose(null, null, null, Today).PresetKey);
        Assert.Throws<PeriodException>(() => PeriodPresets.Choose("custom", march.From, null, Today));
        Assert.Throws<PeriodException>(() => PeriodPresets.Choose("custom", new DateOnly(1, 1, 1), march.To, Today));
        Assert.Throws<PeriodException>(() => PeriodPresets.Choose(null, march.To, march.From, Today));
    }
}
