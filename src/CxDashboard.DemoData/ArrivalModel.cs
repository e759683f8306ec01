namespace CxDashboard.DemoData;

/// <summary>
/// When contacts arrive: how many new contacts each channel gets on a day (channel mix drifting over
/// the period × weekday × month × holidays), and at which local time of day.
/// </summary>
internal sealed class ArrivalModel
{
    private readonly DemoOrganisation organisation;
    private readonly DateOnly firstDay;
    private readonly int days;
    private readonly HashSet<(int Month, int Day)> holidays;
    private readonly ChannelArrivals[] channels;

    public ArrivalModel(DemoOrganisation organisation, DateOnly firstDay, int days)
    {
        this.organisation = organisation;
        this.firstDay = firstDay;
        this.days = days;
        holidays = organisation.Holidays
            .Select(h => (int.Parse(h[..2], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(h[3..], System.Globalization.CultureInfo.InvariantCulture)))
            .ToHashSet();
        channels = organisation.Channels.Select(c => new ChannelArrivals(organisation.ArrivalProfiles[c.ArrivalProfile])).ToArray();
        foreach (var channel in channels)
        {
            channel.PeriodWeight = Enumerable.Range(0, days).Sum(d => DayWeight(channel.Profile, firstDay.AddDays(d)));
        }
    }

    /// <summary>0 on the first day of the period, 1 on the last: drives the channel-mix drift.</summary>
    public double PeriodFraction(DateOnly date) => days <= 1 ? 1 : (date.DayNumber - firstDay.DayNumber) / (double)(days - 1);

    /// <summary>The channel mix on a date, normalised to sum to 1.</summary>
    public double[] ChannelShares(DateOnly date)
    {
        var fraction = PeriodFraction(date);
        var shares = organisation.Channels.Select(c => Math.Max(0, c.Share.At(fraction))).ToArray();
        var total = shares.Sum();
        return shares.Select(s => s / total).ToArray();
    }

    /// <summary>Expected new (non-repeat) contacts per channel on a date, given the period's total.</summary>
    public double[] ExpectedNewContacts(DateOnly date, double newContactsInPeriod)
    {
        var shares = ChannelShares(date);
        var expected = new double[channels.Length];
        for (var c = 0; c < channels.Length; c++)
        {
            // Each channel spreads its volume over the period by its own weekly and seasonal rhythm.
            var dayShare = DayWeight(channels[c].Profile, date) / channels[c].PeriodWeight;
            expected[c] = newContactsInPeriod * shares[c] * dayShare;
        }

        return expected;
    }

    /// <summary>A local time of day for a contact in a channel, from the channel's hourly profile.</summary>
    public TimeSpan SampleTimeOfDay(int channelIndex, DateOnly date, DeterministicRandom random)
    {
        var arrivals = channels[channelIndex];
        var hours = IsWorkingDay(date) ? arrivals.WorkingDayHours : arrivals.OffDayHours;
        var hour = hours.Sample(random);
        return new TimeSpan(hour, random.NextInt(60), random.NextInt(60));
    }

    private bool IsHoliday(DateOnly date) => holidays.Contains((date.Month, date.Day));

    private bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    private double DayWeight(ArrivalProfile profile, DateOnly date)
    {
        var mondayFirst = ((int)date.DayOfWeek + 6) % 7;
        var weight = profile.WeekdayFactors[mondayFirst] * organisation.MonthFactors[date.Month - 1];
        return IsHoliday(date) ? weight * profile.HolidayFactor : weight;
    }

    private sealed class ChannelArrivals(ArrivalProfile profile)
    {
        public ArrivalProfile Profile { get; } = profile;
        public WeightedChoice WorkingDayHours { get; } = new(profile.HourWeights);
        public WeightedChoice OffDayHours { get; } = new(profile.WeekendHourWeights ?? profile.HourWeights);
        public double PeriodWeight { get; set; }
    }
}
