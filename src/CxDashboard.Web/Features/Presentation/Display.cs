using System.Globalization;
using System.Text.Encodings.Web;
using CxDashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Html;

namespace CxDashboard.Web.Features.Presentation;

/// <summary>
/// How numbers read on pages, in the request's culture (sv-SE: "81,4 %", "1 234", "2026-03-04"):
/// percentages with one decimal, counts with group separators, a dash where there is no value.
/// </summary>
public static class Display
{
    public const string NoValue = "–";

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static string Percent(double? value) =>
        value is { } v ? v.ToString("0.0", Culture) + "\u00a0%" : NoValue;

    public static string Count(long value) => value.ToString("#,0", Culture);

    public static string Count(int? value) => value is { } v ? Count((long)v) : NoValue;

    public static string Number(double? value, string format = "0.0") => value is { } v ? v.ToString(format, Culture) : NoValue;

    /// <summary>NPS and eNPS: a signed whole-number-ish score from −100 to 100, one decimal.
    /// Rounded before it is signed, so a value that rounds to zero reads "0,0", never "−0,0".</summary>
    public static string Score(double? value) => value is { } v ? Signed(v) : NoValue;

    /// <summary>"+1,2", "−0,4", "0,0": one decimal, rounded before the sign is chosen.</summary>
    public static string Signed(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0.0.ToString("0.0", Culture) : rounded.ToString("+0.0;−0.0", Culture);
    }

    public static string Value(double? value, KpiUnit unit) => unit switch
    {
        KpiUnit.Percent => Percent(value),
        KpiUnit.Points => Score(value),
        KpiUnit.Score => Number(value, "0.00"),
        _ => Number(value),
    };

    /// <summary>"▲ 2,1 points", "▼ 0,4", "±0": the change in the KPI's own unit (points for percentages).</summary>
    public static string Change(double? current, double? previous, KpiUnit unit)
    {
        if (current is not { } c || previous is not { } p) return NoValue;
        var decimals = unit == KpiUnit.Score ? 2 : 1;
        var rounded = RoundForDisplay(c - p, decimals);
        var suffix = unit is KpiUnit.Percent or KpiUnit.Points ? " " + Vocabulary.Current.PercentagePoints : "";
        if (rounded == 0) return $"±0{suffix}";
        return (rounded > 0 ? "▲ " : "▼ ") + Math.Abs(rounded).ToString(decimals == 2 ? "0.00" : "0.0", Culture) + suffix;
    }

    /// <summary>
    /// The one rounding of a figure for display (pages, PDFs, CLI tables): half away from zero, after dropping the
    /// floating-point noise of a subtraction, so a change of exactly 0.45 between two means shows as 0.5 everywhere even
    /// when the double difference is 0.44999999999999973.
    /// </summary>
    public static double RoundForDisplay(double value, int decimals) =>
        Math.Round(Math.Round(value, 9, MidpointRounding.AwayFromZero), decimals, MidpointRounding.AwayFromZero);

    public static string Interval(PercentInterval? interval) =>
        interval is { } i ? $"{i.Low.ToString("0.0", Culture)}–{i.High.ToString("0.0", Culture)}\u00a0%" : NoValue;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"March 2026", "mars 2026": a month in words, in the request's date format.</summary>
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", Culture);

    public static string DateTime(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Duration(double? seconds)
    {
        if (seconds is not { } s) return NoValue;
        var span = TimeSpan.FromSeconds(Math.Round(s));
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours}:{span:mm\\:ss}" : $"{span.Minutes}:{span:ss}";
    }

    public static string Period(DateOnly from, DateOnly to) => from == to ? Date(from) : $"{Date(from)} – {Date(to)}";

    /// <summary>A KPI's green threshold as read beside its value: "≥ 80,0 %", "≤ 15,0 %"; null without a target.</summary>
    public static string? Target(KpiDefinition definition, TargetThresholds? target) => Target(target, definition.HigherIsBetter, definition.Unit);

    public static string? Target(TargetThresholds? target, bool higherIsBetter, KpiUnit unit) =>
        target is null ? null : $"{(higherIsBetter ? "≥" : "≤")} {Value(target.Green, unit)}";

    /// <summary>CSS class and accessible word for a target status (never colour alone).</summary>
    public static (string CssClass, string Icon, string Word) Status(TargetStatus status) => status switch
    {
        TargetStatus.Green => ("status-green", "●", Vocabulary.Current.Status(status)),
        TargetStatus.Amber => ("status-amber", "▲", Vocabulary.Current.Status(status)),
        TargetStatus.Red => ("status-red", "■", Vocabulary.Current.Status(status)),
        _ => ("status-none", "", Vocabulary.Current.Status(TargetStatus.None)),
    };

    /// <summary>
    /// The KPI grid's layout for this many tiles on a wide screen: rows of 4 or 5, so 8 tiles sit 4 + 4 and never 6 + 2
    /// with a hole (narrower screens fall back to as many 210 px columns as fit).
    /// </summary>
    public static string KpiGridClass(int tiles) => tiles switch
    {
        _ when tiles % 4 == 0 => "kpi-grid-4",
        _ when tiles % 5 == 0 => "kpi-grid-5",
        _ when tiles % 3 == 0 => "kpi-grid-3",
        _ => "",
    };

    /// <summary>
    /// The shape that starts a table cell with a target status (the status word for screen readers beside it): with the
    /// cell's colour (<see cref="CellClass"/>), status is never colour alone. Nothing for no target.
    /// </summary>
    public static IHtmlContent StatusMark(TargetStatus status)
    {
        if (status == TargetStatus.None) return HtmlString.Empty;
        var (_, icon, word) = Status(status);
        return new HtmlString($"<span class=\"status-mark\" aria-hidden=\"true\">{icon}</span><span class=\"visually-hidden\">{HtmlEncoder.Default.Encode(word)}: </span>");
    }

    /// <summary>The text colour class for a table cell with this status (the cell's title carries the word).</summary>
    public static string CellClass(TargetStatus status) => status switch
    {
        TargetStatus.Green => "cell-green",
        TargetStatus.Amber => "cell-amber",
        TargetStatus.Red => "cell-red",
        _ => "",
    };
}
