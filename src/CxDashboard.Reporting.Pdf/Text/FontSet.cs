using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Text;

/// <summary>
/// The four faces (regular, bold, italic, bold italic) one pass measures and draws with, and the sized SKFonts made
/// from them. Layout passes use the bundled fonts; the drawing pass uses subsets holding only the characters used.
/// </summary>
internal sealed class FontSet : IDisposable
{
    public const int FaceCount = 4;

    private readonly SKTypeface[] faces = new SKTypeface[FaceCount];
    private readonly bool[] ownsFace = new bool[FaceCount];
    private readonly Dictionary<(int Face, float Size), SKFont> fonts = [];

    private FontSet()
    {
    }

    public static FontSet Bundled()
    {
        var set = new FontSet();
        for (var face = 0; face < FaceCount; face++)
            set.faces[face] = BundledFonts.Get(IsBold(face), IsItalic(face));
        return set;
    }

    /// <summary>
    /// Faces cut down to the characters each one drew in the layout pass, so the PDF embeds small fonts (the Skia
    /// build shipped with SkiaSharp embeds whole fonts). A face that drew nothing, or that fails to subset, stays whole.
    /// </summary>
    public static FontSet SubsetsFor(IReadOnlyList<HashSet<int>> codePointsPerFace)
    {
        var set = new FontSet();
        for (var face = 0; face < FaceCount; face++)
        {
            var (bold, italic) = (IsBold(face), IsItalic(face));
            var subset = codePointsPerFace[face].Count == 0
                ? null
                : FontSubsetter.TrySubset(BundledFonts.GetFontData(bold, italic), codePointsPerFace[face]);
            var subsetFace = subset is null ? null : SKTypeface.FromData(SKData.CreateCopy(subset));
            set.faces[face] = subsetFace ?? BundledFonts.Get(bold, italic);
            set.ownsFace[face] = subsetFace is not null;
        }

        return set;
    }

    private static bool IsBold(int face) => face % 2 == 1;

    private static bool IsItalic(int face) => face >= 2;

    public static int FaceIndex(bool bold, bool italic) => (bold ? 1 : 0) + (italic ? 2 : 0);

    public SKFont Get(ResolvedTextStyle style)
    {
        var key = (FaceIndex(style.Bold, style.Italic), style.FontSize);
        if (!fonts.TryGetValue(key, out var font))
        {
            // Unhinted, linear metrics: what is measured is exactly what the PDF places, at any zoom.
            font = new SKFont(faces[key.Item1], style.FontSize)
            {
                Subpixel = true,
                LinearMetrics = true,
                Hinting = SKFontHinting.None,
                Edging = SKFontEdging.Antialias,
            };
            fonts[key] = font;
        }

        return font;
    }

    public void Dispose()
    {
        foreach (var font in fonts.Values)
            font.Dispose();
        fonts.Clear();

        for (var face = 0; face < FaceCount; face++)
        {
            if (ownsFace[face])
                faces[face].Dispose();
        }
    }
}
