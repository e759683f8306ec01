using System.Globalization;
using CxDashboard.Web.Features.Metrics;

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
        var delta = c - p;
        var format = unit == KpiUnit.Score ? "0.00" : "0.0";
        var magnitude = Math.Abs(delta).ToString(format, Culture);
        var suffix = unit is KpiUnit.Percent or KpiUnit.Points ? " p.p." : "";
        if (Math.Abs(delta) < (unit == KpiUnit.Score ? 0.005 : 0.05)) return $"±0{suffix}";
        return (delta > 0 ? "▲ " : "▼ ") + magnitude + suffix;
    }

    public static string Interval(PercentInterval? interval) =>
        interval is { } i ? $"{i.Low.ToString("0.0", Culture)}–{i.High.ToString("0.0", Culture)}\u00a0%" : NoValue;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
        TargetStatus.Green => ("status-green", "●", "On target"),
        TargetStatus.Amber => ("status-amber", "▲", "Near target"),
        TargetStatus.Red => ("status-red", "■", "Off target"),
        _ => ("status-none", "", "No target"),
    };

    /// <summary>The text colour class for a table cell with this status (the cell's title carries the word).</summary>
    public static string CellClass(TargetStatus status) => status switch
    {
        TargetStatus.Green => "cell-green",
        TargetStatus.Amber => "cell-amber",
        TargetStatus.Red => "cell-red",
        _ => "",
    };
}
