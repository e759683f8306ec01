using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Maturity;

/// <summary>How maturity figures read on pages, in the request's culture: levels with one decimal, gaps and changes in levels.</summary>
public static class MaturityDisplay
{
    public static string Level(double? value) => Display.Number(value);

    public static string Spread(double? value) => Display.Number(value, "0.00");

    /// <summary>"1,3 below", "0,2 above", "on target" (within 0.05 of a level).</summary>
    public static string Gap(double? gap) => gap switch
    {
        null => Display.NoValue,
        var g when Math.Abs(g.Value) < 0.05 => Vocabulary.Current["Maturity.OnTarget"],
        > 0 => Vocabulary.Current.Format("Maturity.Below", Display.Number(gap)),
        _ => Vocabulary.Current.Format("Maturity.Above", Display.Number(-gap)),
    };

    /// <summary>"▲ 0,5", "▼ 0,2", "±0" in levels.</summary>
    public static string Change(double? change) => Display.Change(change, change is null ? null : 0, KpiUnit.Index);

    /// <summary>Green when the mean reaches the target, amber within half a level, red further below.</summary>
    public static TargetStatus GapStatus(double? gap) => gap switch
    {
        null => TargetStatus.None,
        <= 0.05 => TargetStatus.Green,
        <= 0.5 => TargetStatus.Amber,
        _ => TargetStatus.Red,
    };

    public static string StatusClass(ImprovementActionStatus status, bool overdue) => overdue ? "status-red" : status switch
    {
        ImprovementActionStatus.Done => "status-green",
        ImprovementActionStatus.InProgress => "status-amber",
        _ => "status-none",
    };

    public static string DateTime(DateTime? utc, TimeZoneInfo zone) => utc is { } u ? Display.DateTime(u, zone) : Display.NoValue;
}
