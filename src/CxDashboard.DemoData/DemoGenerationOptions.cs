namespace CxDashboard.DemoData;

/// <summary>What to generate. Same options and same configuration give byte-identical files.</summary>
public sealed record DemoGenerationOptions
{
    public const int DefaultSeed = 20260101;
    public const string DefaultTimeZoneId = "Europe/Stockholm";

    /// <summary>The last day generated (included). Every date is relative to it; nothing reads the clock.</summary>
    public required DateOnly EndDate { get; init; }

    /// <summary>Number of days up to and including <see cref="EndDate"/>.</summary>
    public int Days { get; init; } = 365;

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>The organisation's time zone: local working hours, and the offsets written in timestamps.</summary>
    public string TimeZoneId { get; init; } = DefaultTimeZoneId;

    /// <summary>Replaces the configured roster by one of this size (e.g. the 250-agent reference load).</summary>
    public DemoScale? Scale { get; init; }

    public DateOnly FirstDay => EndDate.AddDays(-(Days - 1));
}

/// <summary>
/// A roster size for load tests. Configured teams and agents are kept where they fit (so the demo login
/// still links to an agent); the rest are generated with the configured profile mix.
/// </summary>
/// <param name="Teams">Number of teams; agents are spread evenly over them.</param>
/// <param name="Agents">Number of agents in all.</param>
public sealed record DemoScale(int Teams, int Agents)
{
    /// <summary>Contacts in a 365-day year; default: agents × <see cref="ScalingSettings.ContactsPerAgentYear"/>.</summary>
    public int? ContactsPerYear { get; init; }

    /// <summary>The architecture's reference load: a 250-agent centre, about 2.5 million contacts a year.</summary>
    public static DemoScale ReferenceLoad { get; } = new(25, 250);
}
