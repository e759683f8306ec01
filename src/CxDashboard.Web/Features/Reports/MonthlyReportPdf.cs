using CxDashboard.Reporting.Pdf;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Reports;

/// <summary>A rendered report: the PDF's bytes and its number of pages.</summary>
public sealed record RenderedPdf(byte[] Content, int PageCount);

/// <summary>
/// The monthly leadership report as an A4 PDF. Composed, not drawn: each section is a plain method that fills a
/// container from the already-worded <see cref="MonthlyReportView"/>; charts come from the same plot builders as the
/// web pages and are drawn as vectors.
/// </summary>
public static class MonthlyReportPdf
{
    private const float Gap = 14;
    private const float ChartHeight = 150;

    public static RenderedPdf Render(MonthlyReportView view, DateTimeOffset createdAt)
    {
        // Chart tick labels are formatted while drawing, so the culture must hold through generation.
        using var culture = ReportCulture.Use(view.CultureName);
        using var output = new MemoryStream();
        var pages = Compose(view, createdAt).GeneratePdf(output);
        return new RenderedPdf(output.ToArray(), pages);
    }

    public static Document Compose(MonthlyReportView view, DateTimeOffset createdAt) => Document.Create(doc =>
    {
        doc.Metadata(view.Title, "CxDashboard", $"Månadsrapport till ledningen, {view.OrganisationName}", createdAt, "kundupplevelse, CSAT, FCR, NPS");
        doc.Page(page =>
        {
            page.Size(PageSizes.A4).Margin(36).MarginTop(28).DefaultText(t => t.FontSize(9).FontColor(Colors.Grey900));
            page.Header().Element(c => RunningHeader(c, view));
            page.Content().Column(col =>
            {
                col.Spacing(Gap);
                col.Item().Element(c => TitleBlock(c, view));
                col.Item().Element(c => SummaryBox(c, view));
                col.Item().KeepTogether().Element(c => Tiles(c, view));
                col.Item().Element(c => Trends(c, view));
                col.Item().KeepTogether().Element(c => ChannelMix(c, view));
                col.Item().Element(c => Reasons(c, "Kontaktorsaker som ger missnöjda kunder", view.DissatisfactionLead, view.Dissatisfaction, view.DissatisfactionQuotes));
                col.Item().Element(c => Reasons(c, "Kontaktorsaker som ger återkontakter", view.RepeatsLead, view.Repeats, view.RepeatsQuotes));
                col.Item().KeepTogether().Element(c => Callbacks(c, view));
                col.Item().KeepTogether().Element(c => Engagement(c, view));
                col.Item().KeepTogether().Element(c => Maturity(c, view));
                col.Item().KeepTogether().Element(c => Definitions(c, view));
            });
            page.Footer().PaddingTop(6).Row(row =>
            {
                row.Relative().Text(view.Generated).FontSize(7).FontColor(Colors.Grey600);
                row.Auto().AlignRight().Text(t =>
                {
                    t.DefaultTextStyle(s => s.FontSize(7).FontColor(Colors.Grey600));
                    t.Span("Sida ");
                    t.PageNumber();
                    t.Span(" av ");
                    t.PageCount();
                });
            });
        });
    });

    private static void RunningHeader(IContainer container, MonthlyReportView view) =>
        container.PaddingBottom(8).BorderBottom(0.5f, Colors.Grey300).PaddingBottom(3).Row(row =>
        {
            row.Relative().Text(view.Title).FontSize(7.5f).FontColor(Colors.Grey700);
            row.Auto().AlignRight().Text(view.OrganisationName).FontSize(7.5f).FontColor(Colors.Grey700);
        });

    private static void TitleBlock(IContainer container, MonthlyReportView view) =>
        container.Column(col =>
        {
            col.Spacing(4);
            col.Item().Text(view.Title).FontSize(20).Bold().FontColor(Colors.Primary);
            col.Item().Text(view.Lead).FontColor(Colors.Grey700);
        });

    private static void SummaryBox(IContainer container, MonthlyReportView view) =>
        container.Background(Colors.PrimaryLight).Padding(10).Column(col =>
        {
            col.Spacing(3);
            col.Item().Text("Sammanfattning").FontSize(11).Bold().FontColor(Colors.Primary);
            foreach (var sentence in view.Summary)
                col.Item().Element(c => Bullet(c, sentence));
        });

    private static void Bullet(IContainer container, string text) =>
        container.Row(row =>
        {
            row.Fixed(10).Text("•");
            row.Relative().Text(text);
        });

    private static void Tiles(IContainer container, MonthlyReportView view) =>
        container.Column(col =>
        {
            col.Spacing(6);
            col.Item().Element(c => Heading(c, "Nyckeltal"));
            foreach (var tiles in view.Tiles.Chunk(3))
            {
                col.Item().Row(row =>
                {
                    row.Spacing(6);
                    foreach (var tile in tiles)
                        row.Relative().Element(c => Tile(c, tile));
                });
            }
            foreach (var note in view.TileNotes)
                col.Item().Text(note).FontSize(7.5f).FontColor(Colors.Grey700);
        });

    private static void Tile(IContainer container, ReportTile tile) =>
        container.BorderLeft(3, StatusColor(tile.Status)).Background(Colors.Grey100).Padding(7).Column(col =>
        {
            col.Spacing(1.5f);
            col.Item().Text(tile.Name).FontSize(8).Bold().FontColor(Colors.Grey700);
            col.Item().Text(tile.Value).FontSize(18).Bold();
            col.Item().Text(t =>
            {
                t.Span(tile.Sample).FontSize(7.5f);
                if (tile.SmallSample) t.Span($"  {MonthlyReportView.SmallSampleMark} {ReportText.SmallSample}").FontSize(7.5f).Bold().FontColor(Colors.Negative);
            });
            col.Item().Text(tile.StatusText).FontSize(7.5f).Bold().FontColor(StatusTextColor(tile.Status));
            col.Item().Text(tile.VersusPrevious).FontSize(7.5f);
            col.Item().Text(tile.Detail).FontSize(7.5f).FontColor(Colors.Grey700);
        });

    /// <summary>Two rows of two charts; the heading stays with the first row, the caption with the second.</summary>
    private static void Trends(IContainer container, MonthlyReportView view) =>
        container.Column(col =>
        {
            col.Spacing(6);
            var rows = view.Trends.Chunk(2).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                var pair = rows[i];
                var (first, last) = (i == 0, i == rows.Count - 1);
                col.Item().KeepTogether().Column(block =>
                {
                    block.Spacing(6);
                    if (first) block.Item().Element(c => Heading(c, "Utveckling de senaste 12 månaderna"));
                    block.Item().Row(row =>
                    {
                        row.Spacing(10);
                        foreach (var chart in pair)
                            row.Relative().Height(ChartHeight).Chart(() => Scaled(chart.CreatePlot()));
                    });
                    if (last) block.Item().Text(view.TrendCaption).FontSize(7.5f).Italic().FontColor(Colors.Grey700);
                });
            }
        });

    private static void ChannelMix(IContainer container, MonthlyReportView view) =>
        container.Column(col =>
        {
            col.Spacing(6);
            col.Item().Element(c => Heading(c, "Kanalmix"));
            if (!view.Channels.HasRows)
            {
                col.Item().Text(view.Channels.EmptyText).Italic();
                return;
            }
            col.Item().Width(330).Height(115).Chart(() => Scaled(view.ChannelChart.CreatePlot()));
            col.Item().Element(c => Table(c, view.Channels));
        });

    private static void Reasons(IContainer container, string heading, string lead, ReportTable table, IReadOnlyList<ReportQuote> quotes) =>
        container.Column(col =>
        {
            col.Spacing(6);
            col.Item().KeepTogether().Column(top =>
            {
                top.Spacing(6);
                top.Item().Element(c => Heading(c, heading));
                top.Item().Text(lead).FontColor(Colors.Grey700);
                top.Item().Element(c => Table(c, table));
            });
            if (quotes.Count == 0) return;
            col.Item().KeepTogether().Column(comments =>
            {
                comments.Spacing(4);
                comments.Item().Text("Vad kunderna säger").Bold().FontColor(Colors.Primary);
                foreach (var quote in quotes)
                    comments.Item().Element(c => Quote(c, quote));
            });
        });

    private static void Quote(IContainer container, ReportQuote quote) =>
        container.BorderLeft(2, Colors.Accent).PaddingLeft(6).Column(col =>
        {
            col.Item().Text($"”{quote.Text}”").Italic();
            col.Item().Text(quote.Source).FontSize(7.5f).FontColor(Colors.Grey700);
        });

    private static void Callbacks(IContainer container, MonthlyReportView view) =>
        container.Column(col =>
        {
            col.Spacing(6);
            col.Item().Element(c => Heading(c, "Återringning av missnöjda kunder"));
            col.Item().Text(view.CallbacksLead).FontColor(Colors.Grey700);
            col.Item().Row(row =>
            {
                row.Spacing(6);
                foreach (var tile in view.CallbackTiles)
                    row.Relative().Element(c => Tile(c, tile));
            });
            col.Item().Row(row =>
            {
                row.Spacing(14);
                row.Relative().Element(c => Table(c, view.CallbackOutcomes));
                row.Relative().Element(c => Table(c, view.CallbackRootCauses));
            });
        });

    private static void Engagement(IContainer container, MonthlyReportView view) =>
        container.Column(col =>
        {
            col.Spacing(6);
            col.Item().Element(c => Heading(c, "Engagemang och kundupplevelse per team"));
            col.Item().Text(view.EngagementLead).FontColor(Colors.Grey700);
            col.Item().Element(c => Table(c, view.Engagement));
        });

    private static void Maturity(IContainer container, MonthlyReportView view) =>
        container.Column(col =>
        {
            col.Spacing(6);
            col.Item().Element(c => Heading(c, "CX-mognad: förmågor, gap och åtgärder"));
            col.Item().Text(view.MaturityLead).FontColor(Colors.Grey700);
            if (view.MaturityRadar is { } radar)
                col.Item().AlignCenter().Width(430).Height(250).Chart(() => Scaled(radar.CreatePlot(), 0.6f)); // wide: the legend's corner clears the lower labels
            if (view.MaturityGaps is { } gaps)
                col.Item().Element(c => Table(c, gaps));
        });

    private static void Definitions(IContainer container, MonthlyReportView view) =>
        container.Column(col =>
        {
            col.Spacing(3);
            col.Item().Element(c => Heading(c, "Definitioner"));
            foreach (var term in view.Definitions)
            {
                col.Item().Text(t =>
                {
                    t.DefaultTextStyle(s => s.FontSize(7.5f));
                    t.Span(term.Term + ": ").Bold();
                    t.Span(term.Definition);
                });
            }
            col.Item().PaddingTop(3).Text(view.SmallSampleNote).FontSize(7.5f).FontColor(Colors.Grey700);
        });

    private static void Heading(IContainer container, string text) =>
        container.Text(text).FontSize(12).Bold().FontColor(Colors.Primary);

    /// <summary>A table with a tinted header (repeated on every page it reaches), numbers right-aligned, a bold total row.</summary>
    private static void Table(IContainer container, ReportTable table)
    {
        if (!table.HasRows)
        {
            container.Text(table.EmptyText).Italic().FontColor(Colors.Grey700);
            return;
        }
        container.Table(t =>
        {
            t.ColumnsDefinition(columns =>
            {
                foreach (var column in table.Columns) columns.Relative(column.Weight);
            });
            t.Header(header =>
            {
                foreach (var column in table.Columns)
                {
                    var cell = header.Cell().Background(Colors.PrimaryLight).Padding(3);
                    (column.Numeric ? cell.AlignRight() : cell).Text(column.Title).FontSize(7.5f).Bold();
                }
            });
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    IContainer cell = t.Cell().BorderBottom(0.5f, Colors.Grey300);
                    if (row.IsTotal) cell = cell.Background(Colors.Grey100);
                    cell = cell.Padding(3);
                    var text = (table.Columns[i].Numeric ? cell.AlignRight() : cell).Text(row.Cells[i]).FontSize(8);
                    if (row.IsTotal) text.Bold();
                }
            }
        });
    }

    /// <summary>Chart text sized for A4 columns rather than screens.</summary>
    private static ScottPlot.Plot Scaled(ScottPlot.Plot plot, float scale = 0.62f)
    {
        plot.ScaleFactor = scale;
        return plot;
    }

    /// <summary>The status word's colour: the bar's colour, but a darker amber so the word stays readable.</summary>
    private static PdfColor StatusTextColor(TargetStatus status) => status == TargetStatus.Amber ? "#8A5A00" : StatusColor(status);

    private static PdfColor StatusColor(TargetStatus status) => status switch
    {
        TargetStatus.Green => Colors.Positive,
        TargetStatus.Amber => Colors.Warning,
        TargetStatus.Red => Colors.Negative,
        _ => Colors.Grey500,
    };
}
