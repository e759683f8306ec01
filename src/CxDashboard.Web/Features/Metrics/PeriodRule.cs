using System.Globalization;
using CxDashboard.Web.Features.Requests;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>A period, date or month from outside that breaks <see cref="PeriodRule"/>; the message says which part and why.</summary>
public sealed class PeriodException(string message) : RequestRefusedException(message);

/// <summary>
/// The one rule for every period that comes from outside (pages, exports, API, CLI, reports): dates between
/// <see cref="Earliest"/> and <see cref="Latest"/>, the start on or before the end, and at most <see cref="MaxDays"/>
/// days. Every entry point parses its dates here, so a period is refused at once with a message that says why,
/// before any query runs.
/// </summary>
public static class PeriodRule
{
    public static readonly DateOnly Earliest = new(1990, 1, 1);
    public static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>Three years, leap days included.</summary>
    public const int MaxDays = 3 * 366;

    public const int MaxMonths = 36;

    /// <summary>The rule in words, for help pages, workbooks and the README.</summary>
    /// <summary>The rule in words, in the current language (the vocabulary's <c>Glossary.PeriodRule.Bounds</c>).</summary>
    public static string Description => Presentation.Vocabulary.Current.Format("Glossary.PeriodRule.Bounds", Earliest, Latest, MaxDays);

    private static class Words
    {
        public const string NotADate = "{0}: '{1}' is not a date (write it YYYY-MM-DD).";
        public const string NotAMonth = "{0}: '{1}' is not a month (write it YYYY-MM).";
        public const string NotATime = "{0}: '{1}' is not a time (write it in ISO 8601, e.g. 2026-03-31T23:59:59+02:00).";
        public const string OutOfBounds = "{0}: {1} is outside the dates this app works with ({2} to {3}).";
        public const string EndsBeforeStart = "The period ends ({0}) before it starts ({1}): choose an end on or after the start.";
        public const string TooLong = "The period {0} to {1} is {2:N0} days long; at most {3:N0} days (three years) can be asked for at once. Choose a shorter period.";
        public const string TooManyMonths = "The months {0} to {1} are {2} months; at most {3} months (three years) can be asked for at once. Choose fewer months.";
    }

    /// <summary>The period from–to when it keeps the rule; otherwise a <see cref="PeriodException"/> saying why.</summary>
    public static DatePeriod Check(DateOnly from, DateOnly to) =>
        Problem(from, to) is { } problem ? throw new PeriodException(problem) : new DatePeriod(from, to);

    /// <summary>Why from–to breaks the rule, or null when it keeps it.</summary>
    public static string? Problem(DateOnly from, DateOnly to)
    {
        if (OutOfBounds("from", from) is { } fromProblem) return fromProblem;
        if (OutOfBounds("to", to) is { } toProblem) return toProblem;
        if (to < from) return Format(Words.EndsBeforeStart, Iso(to), Iso(from));
        var days = to.DayNumber - from.DayNumber + 1;
        return days > MaxDays ? Format(Words.TooLong, Iso(from), Iso(to), days, MaxDays) : null;
    }

    /// <summary>Whether a single date lies within the bounds.</summary>
    public static bool IsWithinBounds(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>A date written YYYY-MM-DD within the bounds; <paramref name="name"/> names the field in the message.</summary>
    public static DateOnly ParseDate(string? text, string name)
    {
        if (!DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new PeriodException(Format(Words.NotADate, name, text ?? ""));
        return OutOfBounds(name, date) is { } problem ? throw new PeriodException(problem) : date;
    }

    /// <summary>The period of two dates written YYYY-MM-DD, checked by the rule.</summary>
    public static DatePeriod Parse(string? from, string? to) => Check(ParseDate(from, "from"), ParseDate(to, "to"));

    /// <summary>A point in time (ISO 8601; without an offset, UTC) within the bounds, as UTC.</summary>
    public static DateTime ParseTime(string? text, string name)
    {
        if (!DateTimeOffset.TryParse(text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            throw new PeriodException(Format(Words.NotATime, name, text ?? ""));
        return CheckTime(time.UtcDateTime, name);
    }

    /// <summary>A point in time from outside, refused when its date lies outside the bounds.</summary>
    public static DateTime CheckTime(DateTime utc, string name) =>
        OutOfBounds(name, DateOnly.FromDateTime(utc)) is { } problem ? throw new PeriodException(problem) : utc;

    /// <summary>A month written YYYY-MM within the bounds (its first day), or false.</summary>
    public static bool TryParseMonth(string? text, out DateOnly month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-') return false;
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)) return false;
        if (!IsWithinBounds(first)) return false;
        month = first;
        return true;
    }

    /// <summary>A month written YYYY-MM within the bounds; otherwise a <see cref="PeriodException"/> naming the field.</summary>
    public static DateOnly ParseMonth(string? text, string name)
    {
        if (TryParseMonth(text?.Trim(), out var month)) return month;
        if (DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new PeriodException(Format(Words.OutOfBounds, name, text!.Trim(), Iso(Earliest)[..7], Iso(Latest)[..7]));
        throw new PeriodException(Format(Words.NotAMonth, name, text ?? ""));
    }

    /// <summary>A range of whole months (first days), checked: start on or before the end, at most <see cref="MaxMonths"/>.</summary>
    public static (DateOnly From, DateOnly To) CheckMonths(DateOnly fromMonth, DateOnly toMonth)
    {
        if (toMonth < fromMonth) throw new PeriodException(Format(Words.EndsBeforeStart, Iso(toMonth)[..7], Iso(fromMonth)[..7]));
        var months = (toMonth.Year - fromMonth.Year) * 12 + toMonth.Month - fromMonth.Month + 1;
        if (months > MaxMonths) throw new PeriodException(Format(Words.TooManyMonths, Iso(fromMonth)[..7], Iso(toMonth)[..7], months, MaxMonths));
        return (fromMonth, toMonth);
    }

    private static string? OutOfBounds(string name, DateOnly date) =>
        IsWithinBounds(date) ? null : Format(Words.OutOfBounds, name, Iso(date), Iso(Earliest), Iso(Latest));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
