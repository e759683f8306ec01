namespace CxDashboard.Web.Features.Callbacks;

/// <summary>
/// Swedish public holidays and the de facto days off (midsummer eve, Christmas eve, New Year's eve) of a year, for
/// filling in the SLA calendar with one click. Sundays among them are listed too; they are days off anyway.
/// </summary>
public static class SwedishHolidays
{
    public static IReadOnlyList<(DateOnly Date, string Name)> For(int year)
    {
        var easter = EasterSunday(year);
        var midsummerEve = FirstOnOrAfter(new DateOnly(year, 6, 19), DayOfWeek.Friday);
        var allSaints = FirstOnOrAfter(new DateOnly(year, 10, 31), DayOfWeek.Saturday);
        return new List<(DateOnly, string)>
        {
            (new DateOnly(year, 1, 1), "Nyårsdagen"),
            (new DateOnly(year, 1, 6), "Trettondedag jul"),
            (easter.AddDays(-2), "Långfredagen"),
            (easter, "Påskdagen"),
            (easter.AddDays(1), "Annandag påsk"),
            (new DateOnly(year, 5, 1), "Första maj"),
            (easter.AddDays(39), "Kristi himmelsfärdsdag"),
            (easter.AddDays(49), "Pingstdagen"),
            (new DateOnly(year, 6, 6), "Sveriges nationaldag"),
            (midsummerEve, "Midsommarafton"),
            (midsummerEve.AddDays(1), "Midsommardagen"),
            (allSaints, "Alla helgons dag"),
            (new DateOnly(year, 12, 24), "Julafton"),
            (new DateOnly(year, 12, 25), "Juldagen"),
            (new DateOnly(year, 12, 26), "Annandag jul"),
            (new DateOnly(year, 12, 31), "Nyårsafton"),
        }.OrderBy(h => h.Item1).ToList();
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek day) => date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
}
