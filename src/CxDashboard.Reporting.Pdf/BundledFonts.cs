using CxDashboard.Reporting.Pdf.Text;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf;

/// <summary>
/// DejaVu Sans, shipped inside this assembly so a report looks the same on every machine whatever fonts it has.
/// Use these typefaces when drawing text yourself in a <c>Canvas(...)</c> element.
/// </summary>
public static class BundledFonts
{
    /// <summary>The family name of the bundled fonts.</summary>
    public const string FamilyName = "DejaVu Sans";

    private static readonly Lazy<byte[]>[] FontData =
    [
        new(() => ReadResource("DejaVuSans.ttf")),
        new(() => ReadResource("DejaVuSans-Bold.ttf")),
        new(() => ReadResource("DejaVuSans-Oblique.ttf")),
        new(() => ReadResource("DejaVuSans-BoldOblique.ttf")),
    ];

    private static readonly Lazy<SKTypeface>[] Typefaces = Enumerable.Range(0, FontSet.FaceCount)
        .Select(face => new Lazy<SKTypeface>(() => SKTypeface.FromData(SKData.CreateCopy(FontData[face].Value))))
        .ToArray();

    public static SKTypeface Regular => Get(bold: false, italic: false);

    public static SKTypeface Bold => Get(bold: true, italic: false);

    public static SKTypeface Italic => Get(bold: false, italic: true);

    public static SKTypeface BoldItalic => Get(bold: true, italic: true);

    /// <summary>The shared typeface for a style. Do not dispose it.</summary>
    public static SKTypeface Get(bool bold, bool italic) => Typefaces[FontSet.FaceIndex(bold, italic)].Value;

    /// <summary>The font file itself, for subsetting.</summary>
    internal static byte[] GetFontData(bool bold, bool italic) => FontData[FontSet.FaceIndex(bold, italic)].Value;

    private static byte[] ReadResource(string fileName)
    {
        var name = $"CxDashboard.Reporting.Pdf.Fonts.{fileName}";
        using var stream = typeof(BundledFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource '{name}' is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
