using System.Text.RegularExpressions;
using CxDashboard.Reporting.Pdf;
using CxDashboard.Web.Features.Presentation;
using ScottPlot;

namespace CxDashboard.Tests.Presentation;

/// <summary>
/// Web charts are drawn as SVG by the app's own render path (a measuring pass, then the SVG pass): the markup is exactly
/// what ScottPlot's own SVG export draws for the same plot, text, legend rows and all.
/// </summary>
public class ChartSvgRenderingTests
{
    private static Plot SwedishTrend()
    {
        string[] names = ["Kundnöjdhet %", "Lösningsgrad enl. kund %", "Lösningsgrad %"];
        string[] colors = [Charts.Blue, Charts.Green, Charts.Purple];
        var months = Enumerable.Range(1, 12).Select(m => $"2026-{m:00}").ToList();
        var series = names.Select((name, i) => new ChartSeries(name, months.Select((_, m) => (double?)(60 + i * 4 + m % 5)).ToList(), colors[i],
            Target: 70 + i * 5, Samples: months.Select((_, m) => m == 3 ? 12L : 400L).ToList())).ToList();
        return Charts.TrendPlot("Kundnöjdhet och lösningsgrad", "%", months, series, words: ChartWords.Swedish, percent: true);
    }

    private static Plot ChannelBars() =>
        Charts.BarPlot("Kanalfördelning", "% av kontakterna", [("Telefon", 52.5), ("E-post", 21), ("Chatt", 18.25), ("Självservice", 8.25)]);

    private static Plot Radar()
    {
        var plot = new Plot();
        Charts.DrawRadar(plot, ["Strategi och styrning", "Kundinsikt", "Medarbetare", "Kanaler"],
            [new RadarShape("Nuläge", [2, 3, 1.5, 4], Charts.Blue, Filled: true), new RadarShape("Mål", [4, 4, 4, 4], Charts.Grey, Filled: false)], 5);
        return plot;
    }

    /// <summary>Clip paths are named from a counter shared by every SVG the process draws: numbered here in order of appearance.</summary>
    private static string WithNumberedIds(string svg)
    {
        var names = new Dictionary<string, string>();
        return Regex.Replace(svg, @"(?<=id=""|url\(#)[^"")]+", m =>
        {
            if (!names.TryGetValue(m.Value, out var name)) names[m.Value] = name = $"id{names.Count}";
            return name;
        });
    }

    public static TheoryData<string, int, int> Charts_and_sizes() => new()
    {
        { "trend", 560, 300 },
        { "trend", 480, 260 },
        { "bars", 480, 260 },
        { "radar", 520, 420 },
    };

    [Theory]
    [MemberData(nameof(Charts_and_sizes))]
    public void The_svg_equals_what_ScottPlot_exports_for_the_same_plot(string chart, int width, int height)
    {
        Plot Make()
        {
            var plot = chart switch { "trend" => SwedishTrend(), "bars" => ChannelBars(), _ => Radar() };
            ChartLegends.Style(plot);
            ChartLegends.FitRows(plot, width - 100);
            return plot;
        }

        var expected = WithNumberedIds(Make().GetSvgHtml(width, height));
        var actual = WithNumberedIds(Charts.RenderSvg(Make(), width, height));

        Assert.Contains("<text", actual, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
