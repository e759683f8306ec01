using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CxDashboard.Reporting.Pdf;
using CxDashboard.Web.Features.Presentation;
using SkiaSharp;

namespace CxDashboard.Tests.Presentation;

/// <summary>
/// Web charts (inline SVG): every glyph of a legend label lies inside the clip its group is drawn with, checked with the
/// glyphs' own bounding boxes in the bundled font at the positions the SVG gives them, so no ring or dot is cut off.
/// </summary>
public class ChartSvgGlyphTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument TrendSvg(params string[] seriesNames)
    {
        string[] colors = [Charts.Blue, Charts.Green, Charts.Purple];
        var series = seriesNames.Select((name, i) => new ChartSeries(name, [60 + i, 62 + i, 61 + i], colors[i], Target: 70 + i)).ToList();
        var plot = Charts.TrendPlot("Test", "%", ["okt", "nov", "dec"], series, words: ChartWords.Swedish, percent: true);
        return XDocument.Parse(Charts.ToSvg(plot, 640, 300, "test"));
    }

    private static float[] Numbers(string? list) => (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(n => float.Parse(n, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Legend_glyphs_of_ÅÄÖ_åäö_lie_inside_their_clip()
    {
        var svg = TrendSvg("ÅÄÖ åäö", "Team Örebro", "Luleå");
        var clips = svg.Descendants(Svg + "clipPath").ToDictionary(c => (string)c.Attribute("id")!, c => c.Element(Svg + "rect")!);
        var checkedLabels = new List<string>();
        foreach (var text in svg.Descendants(Svg + "text"))
        {
            var content = text.Value.Trim();
            if (!content.Contains('å') && !content.Contains('Ö') && !content.Contains("Mål", StringComparison.Ordinal)) continue;
            var group = text.Ancestors(Svg + "g").FirstOrDefault(g => g.Attribute("clip-path") is not null);
            Assert.NotNull(group);
            var clipId = Regex.Match((string)group!.Attribute("clip-path")!, @"#([^)]+)").Groups[1].Value;
            var clip = clips[clipId];
            var (clipTop, clipBottom) = ((float)clip.Attribute("y")!, (float)clip.Attribute("y")! + (float)clip.Attribute("height")!);

            var translate = Regex.Match((string)text.Attribute("transform")!, @"translate\(([-0-9.]+)[ ,]([-0-9.]+)\)");
            var baseline = float.Parse(translate.Groups[2].Value, CultureInfo.InvariantCulture) + Numbers((string?)text.Attribute("y"))[0];
            using var font = new SKFont(BundledFonts.Regular, (float)text.Attribute("font-size")!);
            var glyphs = font.GetGlyphs(content);
            var bounds = new SKRect[glyphs.Length];
            font.GetGlyphWidths(glyphs, out bounds);
            foreach (var (glyph, box) in content.Zip(bounds))
            {
                if (box.IsEmpty) continue;
                Assert.True(baseline + box.Top >= clipTop - 0.01f, $"'{glyph}' in \"{content}\" reaches {baseline + box.Top:0.0}, above its clip at {clipTop:0.0}");
                Assert.True(baseline + box.Bottom <= clipBottom + 0.01f, $"'{glyph}' in \"{content}\" reaches {baseline + box.Bottom:0.0}, below its clip at {clipBottom:0.0}");
            }
            checkedLabels.Add(content);
        }

        Assert.Contains("ÅÄÖ åäö", checkedLabels);
        Assert.Contains("Team Örebro", checkedLabels);
        Assert.Contains("Luleå", checkedLabels);
        Assert.Contains(checkedLabels, label => label.StartsWith("Mål", StringComparison.Ordinal));
    }

    [Fact]
    public void A_legend_that_wraps_onto_a_second_row_keeps_clear_of_the_axis_labels_and_inside_the_chart()
    {
        // The agent's dashboard chart in Swedish: three series with small samples and one target, on a 480 px chart.
        string[] names = ["Kundnöjdhet %", "Lösningsgrad enl. kund %", "Lösningsgrad %"];
        string[] colors = [Charts.Blue, Charts.Green, Charts.Purple];
        string[] days = ["11-08", "11-13", "11-18", "11-23", "11-28", "12-03"];
        var series = names.Select((name, i) => new ChartSeries(name, [60 + i, 62 + i, 61 + i, 70, 65, 66], colors[i], Target: 80, Samples: [5, 40, 40, 3, 40, 40])).ToList();
        var plot = Charts.TrendPlot("Kundnöjdhet och lösningsgrad", "%", days, series, words: ChartWords.Swedish, percent: true);
        var svg = XDocument.Parse(Charts.ToSvg(plot, 480, 260, "test"));

        float Baseline(XElement text)
        {
            var translate = Regex.Match((string?)text.Attribute("transform") ?? "translate(0 0)", @"translate\(([-0-9.]+)[ ,]([-0-9.]+)\)");
            var offset = translate.Success ? float.Parse(translate.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
            return offset + Numbers((string?)text.Attribute("y")).DefaultIfEmpty(0).First();
        }
        var texts = svg.Descendants(Svg + "text").Select(t => (Text: t.Value.Trim(), Baseline: Baseline(t), Size: (float)t.Attribute("font-size")!)).ToList();
        var legend = texts.Where(t => names.Contains(t.Text) || t.Text.StartsWith("Mål", StringComparison.Ordinal) || t.Text.StartsWith("n < 30", StringComparison.Ordinal)).ToList();
        var ticks = texts.Where(t => days.Contains(t.Text)).ToList();

        Assert.Equal(5, legend.Count);
        Assert.True(legend.Select(t => t.Baseline).Distinct().Count() > 1, "the legend fits one row here; the test needs one that wraps");
        var lowestTick = ticks.Max(t => t.Baseline);
        foreach (var item in legend)
        {
            Assert.True(item.Baseline - item.Size >= lowestTick, $"\"{item.Text}\" (baseline {item.Baseline:0.0}) runs into the axis labels (baseline {lowestTick:0.0})");
            Assert.True(item.Baseline <= 260, $"\"{item.Text}\" (baseline {item.Baseline:0.0}) is below the chart's bottom");
        }
    }

    [Fact]
    public void Each_series_draws_its_own_target_dashed_in_its_colour_under_one_legend_item()
    {
        var svg = TrendSvg("Survey FCR %", "Contact-based FCR %");
        // A target is a horizontal line across the plot (its dashes are drawn as segments at one height) in its series' colour.
        static bool Horizontal(string d)
        {
            var ys = Regex.Matches(d, @"[ML]\s*[-0-9.]+[ ,]([-0-9.]+)").Select(m => m.Groups[1].Value).ToList();
            return ys.Count >= 2 && ys.Distinct().Count() == 1;
        }
        var dashed = svg.Descendants(Svg + "path").Where(p => Horizontal((string?)p.Attribute("d") ?? ""))
            .Select(p => ((string?)p.Attribute("stroke"))?.ToUpperInvariant()).ToList();
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();

        Assert.Contains(Charts.Blue.ToUpperInvariant(), dashed);
        Assert.Contains(Charts.Green.ToUpperInvariant(), dashed);
        Assert.Single(texts, t => t == "Mål");
    }

    [Fact]
    public void Tick_labels_always_include_the_first_and_last_bucket()
    {
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], Charts.TickIndexes(12));
        Assert.Equal([0, 3, 6, 9, 12, 15, 18, 21, 24, 29], Charts.TickIndexes(30));
        // Twelve weeks labelled "09-14": seven labels at most, the last week's instead of the one beside it.
        Assert.Equal([0, 2, 4, 6, 8, 11], Charts.TickIndexes(12, longestLabel: 5));
        Assert.Equal([0], Charts.TickIndexes(1));
    }

    [Fact]
    public void A_percentage_axis_keeps_100_percent_inside_the_frame_and_labels_nothing_above_it()
    {
        var plot = Charts.TrendPlot("CSAT", "%", ["a", "b", "c"], [new ChartSeries("CSAT", [90, 100, 95], Charts.Blue)], yMax: 100, percent: true);
        plot.RenderInMemory(400, 300);
        var limits = plot.Axes.GetLimits();

        Assert.True(limits.Top > 100);
        var labels = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor && t.Label != "").Select(t => t.Position).ToList();
        Assert.All(labels, position => Assert.True(position <= 100));
    }
}
