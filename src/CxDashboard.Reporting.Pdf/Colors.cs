using SkiaSharp;

namespace CxDashboard.Reporting.Pdf;

/// <summary>A colour for the layout API. Converts implicitly from a hex string ("#1F4E79", "#801F4E79") or an SKColor.</summary>
public readonly record struct PdfColor(SKColor Value)
{
    public static implicit operator PdfColor(string hex) => Parse(hex);

    public static implicit operator PdfColor(SKColor color) => new(color);

    public static PdfColor Parse(string hex) =>
        SKColor.TryParse(hex, out var color)
            ? new PdfColor(color)
            : throw new ArgumentException($"'{hex}' is not a colour: use #RGB, #RRGGBB or #AARRGGBB.", nameof(hex));

    public override string ToString() => Value.ToString();
}

/// <summary>
/// The report palette, as hex strings so the same values can style ScottPlot charts
/// (<c>ScottPlot.Color.FromHex(Colors.Primary)</c>).
/// </summary>
public static class Colors
{
    public const string Black = "#000000";
    public const string White = "#FFFFFF";

    public const string Grey50 = "#FAFAFA";
    public const string Grey100 = "#F5F5F5";
    public const string Grey200 = "#EEEEEE";
    public const string Grey300 = "#E0E0E0";
    public const string Grey500 = "#9E9E9E";
    public const string Grey600 = "#757575";
    public const string Grey700 = "#616161";
    public const string Grey900 = "#212121";

    /// <summary>Headings, primary series.</summary>
    public const string Primary = "#1F4E79";

    /// <summary>Tinted backgrounds (KPI tiles, table header).</summary>
    public const string PrimaryLight = "#DCE6F1";

    /// <summary>Secondary series, highlights.</summary>
    public const string Accent = "#00897B";

    /// <summary>Improvement, target met (▲).</summary>
    public const string Positive = "#2E7D32";

    /// <summary>Decline, target missed (▼).</summary>
    public const string Negative = "#C62828";

    /// <summary>Close to the threshold.</summary>
    public const string Warning = "#F9A825";

    public const string Neutral = Grey600;
}
