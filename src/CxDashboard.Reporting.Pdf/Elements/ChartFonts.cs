using System.Collections;
using System.Reflection;
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
    /// Points every label of the plot (title, axis labels, tick labels, legend, and the labels plottables carry such
    /// as a radar's spokes and rings or a line's label) at the bundled family. Not plot.Font.Set(...): that also
    /// changes ScottPlot's global default font, which the web app's charts share. A label holds a typeface as well as
    /// a font name, and after any plot.Font.Set(...) in the process new labels hold the host's typeface, so both are set.
    /// </summary>
    public static void Apply(Plot plot)
    {
        _ = Registered.Value;
        Point(plot.Axes.Title.Label);
        foreach (var axis in plot.Axes.GetAxes())
        {
            Point(axis.Label);
            Point(axis.TickLabelStyle);
        }

        plot.Legend.FontName = FamilyName;
        PointLegendItems(plot.Legend);
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var plottable in plot.GetPlottables())
            PointLabelsOf(plottable, visited, depth: 0);
    }

    /// <summary>
    /// Legend items are made from the plottables anew on every render, each with a label holding the default typeface.
    /// Made once here, pointed at the bundled font and kept as the legend's own items, they draw with it.
    /// </summary>
    private static void PointLegendItems(Legend legend)
    {
        if (!legend.DisplayPlottableLegendItems)
            return;
        var items = legend.GetItems().ToList();
        foreach (var item in items)
            Point(item.LabelStyle);
        legend.ManualItems.InsertRange(0, items.Where(item => !legend.ManualItems.Contains(item)));
        legend.DisplayPlottableLegendItems = false;
    }

    private static void Point(LabelStyle label)
    {
        label.FontName = FamilyName;
        label.Font = Face(label.Bold, italic: false);
    }

    /// <summary>Finds the labels a plottable carries, also in its parts (a radar's polar axis, its spokes and circles).</summary>
    private static void PointLabelsOf(object part, HashSet<object> visited, int depth)
    {
        if (depth > 3 || !visited.Add(part))
            return;
        foreach (var property in part.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead)
                continue;
            var type = property.PropertyType;
            var isLabel = type == typeof(LabelStyle);
            var isScottPlotPart = !type.IsValueType && type != typeof(string) && type.Namespace?.StartsWith("ScottPlot", StringComparison.Ordinal) == true;
            var isCollection = type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && !type.IsArray;
            if (!isLabel && !isScottPlotPart && !isCollection)
                continue;

            object? value;
            try
            {
                value = property.GetValue(part);
            }
            catch (TargetInvocationException)
            {
                continue;
            }

            switch (value)
            {
                case LabelStyle label:
                    Point(label);
                    break;
                case IEnumerable items when isCollection:
                    foreach (var item in items)
                    {
                        if (item is LabelStyle itemLabel) Point(itemLabel);
                        else if (item is not null && item.GetType().Namespace?.StartsWith("ScottPlot", StringComparison.Ordinal) == true && !item.GetType().IsValueType)
                            PointLabelsOf(item, visited, depth + 1);
                    }
                    break;
                case not null when isScottPlotPart:
                    PointLabelsOf(value, visited, depth + 1);
                    break;
            }
        }
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
