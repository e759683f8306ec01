using CxDashboard.Reporting.Pdf.Text;
using ScottPlot;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Elements;

/// <summary>
/// Makes charts use the bundled DejaVu Sans instead of whatever fonts the host has. ScottPlot resolves fonts through
/// a global list of resolvers and caches the typefaces it gets, so charts get fixed, pre-cut subsets covering the
/// Latin letters, punctuation and symbols chart labels use: small in the PDF, shared by every document. Characters
/// outside the set show as empty boxes in charts (body text has no such limit).
/// </summary>
internal static class ChartFonts
{
    // Not plain "DejaVu Sans": ScottPlot may already have cached the host's copy under that name.
    private const string FamilyName = "DejaVu Sans (CxDashboard PDF)";

    private static readonly (int First, int Last)[] CoveredRanges =
    [
        (0x0020, 0x017F), // Basic Latin, Latin-1 (å ä ö é ü µ ± × ÷), Latin Extended-A
        (0x0394, 0x0394), // Δ
        (0x03C3, 0x03C3), // σ
        (0x2010, 0x2030), // Dashes, quotes, bullet, ellipsis, per mille
        (0x20AC, 0x20AC), // €
        (0x2190, 0x2193), // ← ↑ → ↓
        (0x2212, 0x2212), // −
        (0x2264, 0x2265), // ≤ ≥
        (0x25A0, 0x25A1), // ■ □
        (0x25B2, 0x25B2), // ▲
        (0x25BC, 0x25BC), // ▼
        (0x25CF, 0x25CF), // ●
    ];

    private static readonly Lazy<SKTypeface>[] Faces = Enumerable.Range(0, FontSet.FaceCount)
        .Select(face => new Lazy<SKTypeface>(() => CreateFace(bold: face % 2 == 1, italic: face >= 2)))
        .ToArray();

    private static readonly Lazy<bool> Registered = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new BundledFontResolver());
        return true;
    });

    /// <summary>
    /// Points the plot's title, axis labels, tick labels and legend at the bundled family. Not plot.Font.Set(...):
    /// that also changes ScottPlot's global default font, which the web app's charts share.
    /// </summary>
    public static void Apply(Plot plot)
    {
        _ = Registered.Value;
        plot.Axes.Title.Label.FontName = FamilyName;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = FamilyName;
            axis.TickLabelStyle.FontName = FamilyName;
        }

        plot.Legend.FontName = FamilyName;
    }

    private static SKTypeface CreateFace(bool bold, bool italic)
    {
        var codePoints = CoveredRanges.SelectMany(range => Enumerable.Range(range.First, range.Last - range.First + 1));
        var subset = FontSubsetter.TrySubset(BundledFonts.GetFontData(bold, italic), codePoints);
        return subset is null ? BundledFonts.Get(bold, italic) : SKTypeface.FromData(SKData.CreateCopy(subset));
    }

    private static SKTypeface Face(bool bold, bool italic) => Faces[FontSet.FaceIndex(bold, italic)].Value;

    private sealed class BundledFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            IsBundledFamily(fontName) ? Face(weight >= FontWeight.SemiBold, slant != FontSlant.Upright) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            IsBundledFamily(fontName) ? Face(bold, italic) : null;

        private static bool IsBundledFamily(string fontName) =>
            string.Equals(fontName, FamilyName, StringComparison.Ordinal);
    }
}
