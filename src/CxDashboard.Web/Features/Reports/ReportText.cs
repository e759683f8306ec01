using System.Globalization;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// The leadership report's words. The report is written in Swedish for Swedish leadership; the KPIs keep the names
/// they have everywhere in the product (CSAT, Survey FCR, Contact-based FCR, Repeat-contact rate, NPS …), so a reader
/// finds the same name on the dashboard and the definitions page. Numbers follow the current culture (see
/// <see cref="ReportCulture"/>).
/// </summary>
public static class ReportText
{
    private static readonly string[] MonthNames =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    private static readonly string[] ShortMonthNames = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    public static string MonthName(DateOnly month) => MonthNames[month.Month - 1];

    /// <summary>"mars 2026".</summary>
    public static string Month(DateOnly month) => $"{MonthName(month)} {month.Year}";

    /// <summary>"mar" (the year is given by the chart's caption).</summary>
    public static string ShortMonth(DateOnly month) => ShortMonthNames[month.Month - 1];

    /// <summary>"Kundupplevelse – mars 2026": the report's title, on its first page and in the PDF's metadata.</summary>
    public static string Title(DateOnly month) => $"Kundupplevelse – {Month(month)}";

    /// <summary>"1–31 mars 2026".</summary>
    public static string Days(DateOnly month) => $"1–{month.AddMonths(1).AddDays(-1).Day} {Month(month)}";

    public static string Channel(Channel channel) => channel switch
    {
        Data.Entities.Channel.Phone => "Telefon",
        Data.Entities.Channel.Chat => "Chatt",
        Data.Entities.Channel.Email => "E-post",
        Data.Entities.Channel.Messaging => "Meddelanden",
        Data.Entities.Channel.Social => "Sociala medier",
        Data.Entities.Channel.SelfService => "Självservice/bot",
        _ => channel.ToString(),
    };

    /// <summary>The target status in words (never colour alone).</summary>
    public static string Status(TargetStatus status) => status switch
    {
        TargetStatus.Green => "Når målet",
        TargetStatus.Amber => "Nära målet",
        TargetStatus.Red => "Under målet",
        _ => "Inget mål",
    };

    public const string SmallSample = "litet underlag";

    public const string Hidden = "färre än 5 svar";

    /// <summary>"Når målet (≥ 80,0 %)", "Inget värde (mål ≥ 60,0 %)" without a value, "Inget mål" without a target.</summary>
    public static string StatusWithTarget(KpiKind kind, double? value, TargetThresholds? target, TargetStatus status) =>
        target is null ? Status(TargetStatus.None)
        : value is null ? $"Inget värde (mål {Target(kind, target)})"
        : $"{Status(status)} ({Target(kind, target)})";

    /// <summary>"1 öppet ärende", "3 öppna ärenden": a count with the word in singular or plural.</summary>
    public static string Counted(long count, string singular, string plural) => $"{Display.Count(count)} {(count == 1 ? singular : plural)}";

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
        var suffix = unit == KpiUnit.Percent ? " p.e." : "";
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
