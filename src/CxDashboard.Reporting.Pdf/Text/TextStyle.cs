using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Text;

/// <summary>
/// A partial text style: unset values are inherited (span, then text block default, then container/page default,
/// then <see cref="LibraryDefault"/>).
/// </summary>
internal sealed record TextStyle(
    float? FontSize = null,
    bool? Bold = null,
    bool? Italic = null,
    SKColor? Color = null,
    float? LineHeight = null)
{
    public static readonly TextStyle Unset = new();

    public static readonly TextStyle LibraryDefault = new(FontSize: 10, Bold: false, Italic: false, Color: SKColors.Black);

    /// <summary>This style with every value <paramref name="overrides"/> sets replacing ours.</summary>
    public TextStyle OverriddenBy(TextStyle overrides) => new(
        overrides.FontSize ?? FontSize,
        overrides.Bold ?? Bold,
        overrides.Italic ?? Italic,
        overrides.Color ?? Color,
        overrides.LineHeight ?? LineHeight);

    public ResolvedTextStyle Resolve()
    {
        var style = LibraryDefault.OverriddenBy(this);
        return new ResolvedTextStyle(style.FontSize!.Value, style.Bold!.Value, style.Italic!.Value, style.Color!.Value, style.LineHeight);
    }
}

/// <summary>A text style with every value decided; what the line breaker and the drawing code work with.</summary>
/// <param name="LineHeight">Line height as a multiple of the font size; null uses the font's own ascent + descent.</param>
internal readonly record struct ResolvedTextStyle(float FontSize, bool Bold, bool Italic, SKColor Color, float? LineHeight);
