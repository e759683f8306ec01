namespace CxDashboard.Web.Features.Metrics;

public sealed record DatePeriod(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>The period choices of the filter bar, resolved against "today" in the organisation's time zone.</summary>
public static class PeriodPresets
{
    public const string Last7Days = "7d";
    public const string Last30Days = "30d";
    public const string Last90Days = "90d";
    public const string ThisMonth = "month";
    public const string LastMonth = "last-month";
    public const string ThisQuarter = "quarter";
    public const string YearToDate = "ytd";
    public const string Last12Months = "12m";
    public const string Custom = "custom";
    public const string Default = Last30Days;

    private static readonly string[] Keys = [Last7Days, Last30Days, Last90Days, ThisMonth, LastMonth, ThisQuarter, YearToDate, Last12Months, Custom];

    /// <summary>The presets with their names in the current language (the vocabulary's <c>Period.*</c>).</summary>
    public static IReadOnlyList<(string Key, string Label)> Choices => [.. Keys.Select(key => (key, Presentation.Vocabulary.Current[$"Period.{key}"]))];

    /// <summary>Resolves a preset; unknown keys fall back to the default. Periods end today (included).</summary>
    public static DatePeriod Resolve(string? key, DateOnly today) => key switch
    {
        Last7Days => new(today.AddDays(-6), today),
        Last90Days => new(today.AddDays(-89), today),
        ThisMonth => new(new DateOnly(today.Year, today.Month, 1), today),
        LastMonth => MonthOf(new DateOnly(today.Year, today.Month, 1).AddMonths(-1)),
        ThisQuarter => new(new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1), today),
        YearToDate => new(new DateOnly(today.Year, 1, 1), today),
        Last12Months => new(new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today),
        _ => new(today.AddDays(-29), today),
    };

    /// <summary>
    /// The period a filter bar asks for: a preset chosen in the list wins over the dates the form sends with it (they
    /// hold the period on screen before the choice); custom dates (the "custom" choice, or dates without a preset) must
    /// keep <see cref="PeriodRule"/>; nothing at all means the default. Returns the preset key it was resolved from.
    /// </summary>
    public static (DatePeriod Period, string PresetKey) Choose(string? preset, DateOnly? from, DateOnly? to, DateOnly today, string defaultKey = Default)
    {
        if (IsKnown(preset) && preset != Custom) return (Resolve(preset, today), preset!);
        if (from is { } f && to is { } t) return (PeriodRule.Check(f, t), Custom);
        if (preset == Custom || from is not null || to is not null) throw new PeriodException(CustomNeedsBothDates);
        return (Resolve(defaultKey, today), defaultKey);
    }

    public const string CustomNeedsBothDates = "Custom dates need both a start and an end date (YYYY-MM-DD).";

    public static DatePeriod MonthOf(DateOnly anyDay)
    {
        var first = new DateOnly(anyDay.Year, anyDay.Month, 1);
        return new(first, first.AddMonths(1).AddDays(-1));
    }

    public static bool IsKnown(string? key) => Choices.Any(c => c.Key == key);
}
