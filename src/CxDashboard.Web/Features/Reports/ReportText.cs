using System.Globalization;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// The leadership report's words, from the vocabulary (<c>Report.*</c> keys) in the report's language: the
/// organisation's (<c>Organisation:Language</c>), or the one asked for. The KPIs keep the names they have everywhere
/// in the product, so a reader finds the same name on the dashboard and the definitions page. Words and numbers follow
/// the current culture, which <see cref="ReportCulture"/> sets to the report's while it is worded and drawn.
/// </summary>
public static class ReportText
{
    private static Vocabulary Words => Vocabulary.Current;

    /// <summary>"sv" or "en": the language of texts stored in both (the maturity model's names).</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv" ? "sv" : "en";

    /// <summary>The chart words in the report's language.</summary>
    public static TrendWords TrendWords => TrendWords.For(Words);

    /// <summary>"mars": each month is a resource of its own, so a month name is never a piece cut out of a longer text.</summary>
    public static string MonthName(DateOnly month) => Words[$"Report.Month.{month.Month}"];

    /// <summary>"mars 2026".</summary>
    public static string Month(DateOnly month) => Words.Format("Report.MonthAndYear", MonthName(month), month.Year.ToString(CultureInfo.InvariantCulture));

    /// <summary>"mar" (the year is given by the chart's caption).</summary>
    public static string ShortMonth(DateOnly month) => Words[$"Report.ShortMonth.{month.Month}"];

    /// <summary>
    /// Months on a chart's axis: "mar", with the year under each January ("jan\n2026") and under the first month unless
    /// a January follows within two months (two years side by side would run into each other).
    /// </summary>
    public static IReadOnlyList<string> MonthAxisLabels(IReadOnlyList<DateOnly> months) =>
        months.Select((m, i) =>
        {
            var yearShown = m.Month == 1 || (i == 0 && !months.Skip(1).Take(2).Any(next => next.Month == 1));
            return yearShown ? $"{ShortMonth(m)}\n{m.Year}" : ShortMonth(m);
        }).ToList();

    /// <summary>"Kundupplevelse – mars 2026": the report's title, on its first page and in the PDF's metadata.</summary>
    public static string Title(DateOnly month) => Words.Format("Report.Title", Month(month));

    /// <summary>"Kundupplevelse – mars 2026 – Team Luleå": a team-limited report says whose it is in its title.</summary>
    public static string TeamTitle(DateOnly month, string teams) => Words.Format("Report.TeamTitle", Month(month), teams);

    /// <summary>"Team Luleå", "Team Luleå och Team Malmö", "A, B och C".</summary>
    public static string JoinAnd(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : Words.Format("Report.JoinLast", string.Join(", ", items.Take(items.Count - 1)), items[^1]);

    /// <summary>"1–31 mars 2026".</summary>
    public static string Days(DateOnly month) => Words.Format("Report.Days", month.AddMonths(1).AddDays(-1).Day, Month(month));

    public static string Channel(Channel channel) => Vocabulary.Current.Channel(channel);

    /// <summary>The target status in words (never colour alone).</summary>
    public static string Status(TargetStatus status) => Vocabulary.Current.Status(status);

    public static string SmallSample => Words.SmallSample;

    /// <summary>
    /// Where a KPI stands against its target in words, never in colour alone: "Når målet", "Nära målet" (missed by at
    /// most <see cref="TargetGaps.NearBand"/>), else "Under målet" (for a KPI where lower is better too: it missed).
    /// </summary>
    public static string Standing(KpiKind kind, double? value, TargetThresholds? target)
    {
        if (target is null) return Status(TargetStatus.None);
        if (TargetGaps.Shortfall(kind, value, target) is not { } shortfall) return Words["Report.NoValue"];
        return shortfall <= 0 ? Status(TargetStatus.Green) : TargetGaps.IsNear(kind, shortfall) ? Status(TargetStatus.Amber) : Status(TargetStatus.Red);
    }

    /// <summary>
    /// The gap to the target in the KPI's unit: "7,6 p.e. under målet ≥ 75,0 %", "3,3 p.e. över målet ≤ 15,0 %",
    /// "18,8 enheter under målet ≥ +30,0"; "1,4 p.e. bättre än målet ≥ 80,0 %" when it is reached; null without a value or target.
    /// </summary>
    public static string? Gap(KpiKind kind, double? value, TargetThresholds? target)
    {
        if (TargetGaps.Shortfall(kind, value, target) is not { } shortfall) return null;
        var definition = KpiDefinitions.Get(kind);
        var amount = Math.Abs(Math.Round(shortfall, 1, MidpointRounding.AwayFromZero)).ToString("0.0", CultureInfo.CurrentCulture);
        var goal = Target(kind, target);
        var percent = definition.Unit == KpiUnit.Percent;
        if (Math.Round(shortfall, 1, MidpointRounding.AwayFromZero) == 0) return Words.Format("Report.Gap.OnTarget", goal);
        var unit = percent ? "Percent" : "Points";
        if (shortfall < 0) return Words.Format($"Report.Gap.Better.{unit}", amount, goal);
        return Words.Format(definition.HigherIsBetter ? $"Report.Gap.Below.{unit}" : $"Report.Gap.Above.{unit}", amount, goal);
    }

    /// <summary>A change read as good or bad for the KPI (a rise in repeat rate is bad); unchanged or missing reads neutral.</summary>
    public static ChangeTone Tone(double? current, double? previous, bool higherIsBetter)
    {
        if (current is not { } now || previous is not { } before) return ChangeTone.Neutral;
        var delta = Math.Round(now - before, 1, MidpointRounding.AwayFromZero);
        if (delta == 0) return ChangeTone.Neutral;
        return delta > 0 == higherIsBetter ? ChangeTone.Better : ChangeTone.Worse;
    }

    /// <summary>"▼ 1,8 p.e., sämre": the change with its reading in words, so the colour is never alone.</summary>
    public static string ChangeWithVerdict(double? current, double? previous, KpiUnit unit, bool higherIsBetter) =>
        Tone(current, previous, higherIsBetter) switch
        {
            ChangeTone.Better => Words.Format("Report.Change.Better", Change(current, previous, unit)),
            ChangeTone.Worse => Words.Format("Report.Change.Worse", Change(current, previous, unit)),
            _ => Change(current, previous, unit),
        };

    public static string Hidden => Words["Report.FewerThanFiveAnswers"];

    /// <summary>"Under målet", "Inget värde (mål ≥ 60,0 %)" without a value, "Inget mål" without a target.</summary>
    public static string StatusWithTarget(KpiKind kind, double? value, TargetThresholds? target) =>
        target is null ? Status(TargetStatus.None)
        : value is null ? Words.Format("Report.NoValueWithTarget", Target(kind, target))
        : Standing(kind, value, target);

    /// <summary>"1 öppet ärende", "3 öppna ärenden": a count with its words, from the key's <c>.One</c> or <c>.Other</c> form.</summary>
    public static string Counted(long count, string key) => Words.Format(count == 1 ? key + ".One" : key + ".Other", Display.Count(count));

    /// <summary>"≥ 80,0 %" or "≤ 15,0 %": the green threshold with its direction.</summary>
    public static string Target(KpiKind kind, TargetThresholds? target) => Display.Target(KpiDefinitions.Get(kind), target) ?? Display.NoValue;

    /// <summary>
    /// "▲ 2,1 p.e." for percentages (procentenheter), "▼ 3,0" for NPS-like scores, "±0,0 p.e." when unchanged; a dash
    /// when either value is missing.
    /// </summary>
    public static string Change(double? current, double? previous, KpiUnit unit)
    {
        if (current is not { } now || previous is not { } before) return Display.NoValue;
        var delta = Display.RoundForDisplay(now - before, 1);
        var suffix = unit == KpiUnit.Percent ? " " + Words.PercentagePoints : "";
        if (delta == 0) return $"±{0.0.ToString("0.0", CultureInfo.CurrentCulture)}{suffix}";
        return (delta > 0 ? "▲ " : "▼ ") + Math.Abs(delta).ToString("0.0", CultureInfo.CurrentCulture) + suffix;
    }

    /// <summary>"▲ 4,2 %": the relative change of a count.</summary>
    public static string CountChange(long current, long previous)
    {
        if (previous == 0) return Display.NoValue;
        var percent = Display.RoundForDisplay(100.0 * (current - previous) / previous, 1);
        if (percent == 0) return $"±{0.0.ToString("0.0", CultureInfo.CurrentCulture)}\u00a0%";
        return (percent > 0 ? "▲ " : "▼ ") + Math.Abs(percent).ToString("0.0", CultureInfo.CurrentCulture) + "\u00a0%";
    }

    /// <summary>"n = 3 904".</summary>
    public static string N(long n) => $"n = {Display.Count(n)}";

    /// <summary>A percentage with its n: "81,4 % (n = 3 904)", marked when the sample is small.</summary>
    public static string PercentWithN(double? percent, long n) =>
        percent is null ? Display.NoValue : $"{Display.Percent(percent)} ({N(n)}{(n < Proportion.SmallSampleThreshold ? ", " + SmallSample : "")})";

    /// <summary>"2026-04-01 06:00" in the organisation's time zone.</summary>
    public static string LocalTime(DateTime utc, TimeZoneInfo zone) => Display.DateTime(utc, zone);

    /// <summary>Upper-cases the first letter ("mars 2025" → "Mars 2025").</summary>
    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"12 mars".</summary>
    public static string DayAndMonth(DateOnly date) => $"{date.Day} {MonthName(date)}";
}

/// <summary>How a change reads for the KPI it is a change of.</summary>
public enum ChangeTone
{
    Neutral,
    Better,
    Worse,
}

/// <summary>The distance to a target, one rule for the report's tiles and summary.</summary>
public static class TargetGaps
{
    /// <summary>"Near target": missed by at most 1 percentage point (2 for NPS-like scores).</summary>
    public static double NearBand(KpiKind kind) => KpiDefinitions.Get(kind).Unit switch
    {
        KpiUnit.Percent => 1.0,
        KpiUnit.Points => 2.0,
        _ => 0.1,
    };

    /// <summary>How far the value falls short of the green threshold (negative: better than it); null without a value or target.</summary>
    public static double? Shortfall(KpiKind kind, double? value, TargetThresholds? target)
    {
        if (value is not { } v || target is null) return null;
        return KpiDefinitions.Get(kind).HigherIsBetter ? target.Green - v : v - target.Green;
    }

    /// <summary>The colour of a standing: green when reached, amber when near, else the organisation's thresholds decide.</summary>
    public static TargetStatus Status(KpiKind kind, double? value, TargetThresholds? target)
    {
        if (Shortfall(kind, value, target) is not { } shortfall) return TargetStatus.None;
        if (shortfall <= 0) return TargetStatus.Green;
        return IsNear(kind, shortfall) ? TargetStatus.Amber : TargetEvaluator.Evaluate(value, target, KpiDefinitions.Get(kind).HigherIsBetter);
    }

    public static bool IsNear(KpiKind kind, double shortfall) => shortfall > 0 && Math.Round(shortfall, 1, MidpointRounding.AwayFromZero) <= NearBand(kind);

    /// <summary>A missed target's shortfall measured in near-bands, so gaps in different units can be ranked.</summary>
    public static double Severity(KpiKind kind, double? value, TargetThresholds? target) =>
        Shortfall(kind, value, target) is { } shortfall && shortfall > 0 ? shortfall / NearBand(kind) : 0;
}
