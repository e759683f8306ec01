namespace CxDashboard.Web.Features.Metrics;

/// <summary>
/// The one rule for "the previous period" a figure is compared with, on the dashboard, in the KPI workbook and in the
/// monthly report: whole calendar months (a month, a quarter, a year) compare with as many calendar months just before
/// (November with October, Q3 with Q2); any other period with the period of the same length that ends the day before it
/// starts (the last 30 days with the 30 days before).
/// </summary>
public sealed record ComparisonPeriod(DatePeriod Period, int? CalendarMonths)
{
    private static Presentation.Vocabulary Words => Presentation.Vocabulary.Current;

    /// <summary>The rule in words, for help pages and workbooks.</summary>
    public static string RuleDescription => Words["Comparison.Rule"];

    /// <summary>The period that <paramref name="from"/>–<paramref name="to"/> is compared with.</summary>
    public static ComparisonPeriod Before(DateOnly from, DateOnly to)
    {
        if (from.Day == 1 && to.AddDays(1).Day == 1 && to >= from)
        {
            var months = (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
            return new ComparisonPeriod(new DatePeriod(from.AddMonths(-months), from.AddDays(-1)), months);
        }
        var days = to.DayNumber - from.DayNumber + 1;
        return new ComparisonPeriod(new DatePeriod(from.AddDays(-days), from.AddDays(-1)), null);
    }

    /// <summary>Which rule applied, in words: "the calendar month before", "the 30 days before".</summary>
    public string Description => CalendarMonths switch
    {
        1 => Words["Comparison.OneMonth"],
        { } months => Words.Format("Comparison.Months", months),
        null when Period.Days == 1 => Words["Comparison.OneDay"],
        _ => Words.Format("Comparison.Days", Period.Days),
    };
}
