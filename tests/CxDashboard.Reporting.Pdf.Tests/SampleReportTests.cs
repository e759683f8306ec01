using System.Globalization;
using ScottPlot;

namespace CxDashboard.Reporting.Pdf.Tests;

/// <summary>A report shaped like the monthly leadership report, exercising the whole layer at once.</summary>
public class SampleReportTests
{
    private sealed record Kpi(string Name, string Value, string Change, bool Improved);

    private sealed record QueueRow(string Queue, int Contacts, double Csat, double ServiceLevel);

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private static readonly Kpi[] Kpis =
    [
        new("CSAT", "87 %", "▲ 2,1", true),
        new("NPS", "+34", "▼ 3", false),
        new("Servicenivå", "81 %", "▲ 4", true),
        new("Återkopplingar", "1 204", "≥ mål", true),
    ];

    private static readonly double[] CsatByMonth = [82, 83.5, 81, 84, 85.2, 86, 85.5, 87];

    private static byte[] BuildReport(int queueCount)
    {
        var queues = Enumerable.Range(1, queueCount)
            .Select(index => new QueueRow($"Kö {index:000} – Kundtjänst", 100 + index * 7, 70 + index % 25, 60 + index % 35))
            .ToList();

        return Document.Create(doc =>
        {
            doc.Metadata("CX-rapport mars 2026", "CxDashboard", "Kundupplevelse", new DateTimeOffset(2026, 4, 1, 6, 0, 0, TimeSpan.FromHours(2)));
            doc.Page(page =>
            {
                page.Size(PageSizes.A4).Margin(36).DefaultText(t => t.FontSize(10));
                page.Header().PaddingBottom(8).Row(row =>
                {
                    row.Relative().Text("Kundupplevelse – mars 2026").FontSize(18).Bold().FontColor(Colors.Primary);
                    row.Fixed(120).AlignRight().AlignBottom().Text("Exempelbolaget AB").FontColor(Colors.Grey700);
                });
                page.Content().Column(col =>
                {
                    col.Spacing(12);
                    col.Item().Row(row =>
                    {
                        row.Spacing(8);
                        foreach (var kpi in Kpis)
                            row.Relative().Element(c => KpiTile(c, kpi));
                    });
                    col.Item().KeepTogether().Column(chart =>
                    {
                        chart.Item().Height(220).Chart(plot => TrendChart(plot, CsatByMonth));
                        chart.Item().Text("Figur 1. CSAT per månad").Italic().FontSize(8).FontColor(Colors.Grey700);
                    });
                    col.Item().Table(table =>
                    {
                        table.ColumnsDefinition(columns =>
                        {
                            columns.Relative(3);
                            columns.Relative();
                            columns.Relative();
                            columns.Fixed(80);
                        });
                        table.Header(header =>
                        {
                            foreach (var title in new[] { "Kö", "Kontakter", "CSAT", "Servicenivå" })
                                header.Cell().Background(Colors.PrimaryLight).Padding(4).Text(title).Bold();
                        });
                        foreach (var queue in queues)
                        {
                            table.Cell().Element(CellStyle).Text(queue.Queue);
                            table.Cell().Element(CellStyle).AlignRight().Text(queue.Contacts.ToString("N0", Swedish));
                            table.Cell().Element(CellStyle).AlignRight().Text(queue.Csat.ToString("0.0", Swedish));
                            table.Cell().Element(CellStyle).AlignRight().Text($"{queue.ServiceLevel.ToString("0", Swedish)} %");
                        }
                    });
                });
                page.Footer().AlignCenter().Text(t =>
                {
                    t.Span("Sida ");
                    t.PageNumber();
                    t.Span(" av ");
                    t.PageCount();
                });
            });
        }).GeneratePdf();
    }

    private static IContainer CellStyle(IContainer container) => container.BorderBottom(0.5f, Colors.Grey300).PaddingVertical(3).PaddingHorizontal(4);

    private static void KpiTile(IContainer container, Kpi kpi)
    {
        container.Background(Colors.Grey100).Border(0.75f, Colors.Grey300).Padding(8).Column(col =>
        {
            col.Spacing(2);
            col.Item().Text(kpi.Name).FontSize(8).FontColor(Colors.Grey700);
            col.Item().Text(kpi.Value).FontSize(20).Bold();
            col.Item().Text(kpi.Change).FontColor(kpi.Improved ? Colors.Positive : Colors.Negative);
        });
    }

    private static void TrendChart(Plot plot, double[] values)
    {
        var scatter = plot.Add.Scatter(Enumerable.Range(1, values.Length).Select(month => (double)month).ToArray(), values);
        scatter.Color = ScottPlot.Color.FromHex(Colors.Primary);
        plot.Title("Kundnöjdhet (CSAT)");
        plot.XLabel("Månad");
        plot.YLabel("CSAT %");
    }

    [Fact]
    public void The_monthly_report_lays_out_with_tiles_chart_table_and_page_numbers()
    {
        using var pdf = PdfReader.Read(BuildReport(queueCount: 80));

        Assert.True(pdf.Pages.Count >= 3, $"expected the 80-row table to reach a third page, got {pdf.Pages.Count}");
        for (var page = 1; page <= pdf.Pages.Count; page++)
        {
            Assert.Contains("Kundupplevelse – mars 2026", pdf.Text(page));
            Assert.Contains($"Sida {page} av {pdf.Pages.Count}", pdf.Text(page));
        }

        var first = pdf.Text(1);
        Assert.Contains("Återkopplingar", first);
        Assert.Contains("▲ 2,1", first);
        Assert.Contains("Kundnöjdhet (CSAT)", first);
        Assert.Contains("Figur 1. CSAT per månad", first);
        Assert.Empty(pdf.Pages[0].GetImages());

        // Every queue appears exactly once, in order.
        var queuePages = Enumerable.Range(1, 80).Select(index => Assert.Single(pdf.PagesContaining($"Kö {index:000} –"))).ToList();
        Assert.Equal(queuePages.Order(), queuePages);
    }

    [Fact]
    public void The_monthly_report_renders_well_under_its_one_second_budget()
    {
        BuildReport(queueCount: 40); // warm up fonts, ScottPlot and the JIT

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var pdf = BuildReport(queueCount: 40);
        watch.Stop();

        // The budget is 1 s on the reference machine; a generous bound keeps this stable on a busy CI box.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"rendering took {watch.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(pdf.Length < 400_000, $"the PDF is {pdf.Length / 1024} KiB; fonts should be embedded as subsets");
    }
}
