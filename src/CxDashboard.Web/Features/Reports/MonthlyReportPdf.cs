using CxDashboard.Reporting.Pdf;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

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
    private static Vocabulary Words => Vocabulary.Current;

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
        doc.Metadata(view.Title, "CxDashboard", Words.Format("Report.Pdf.Subject", view.OrganisationName), createdAt, Words["Report.Pdf.Keywords"]);
        doc.Page(page =>
        {
            PdfTheme.Page(page);
            page.Header().Element(c => PdfTheme.RunningHeader(c, view.Title, view.OrganisationName));
            page.Content().Column(col =>
            {
                col.Spacing(Gap);
                col.Item().Element(c => TitleBlock(c, view));
                col.Item().Element(c => SummaryBox(c, view));
                col.Item().KeepTogether().Element(c => Tiles(c, view));
                col.Item().KeepTogether().Element(c => Trends(c, view));
                col.Item().KeepTogether().Element(c => ChannelMix(c, view));
                col.Item().KeepTogether().Element(c => Reasons(c, Words["Report.Heading.Dissatisfaction"], view.DissatisfactionLead, view.Dissatisfaction, view.DissatisfactionQuotes));
                col.Item().KeepTogether().Element(c => Reasons(c, Words["Report.Heading.Repeats"], view.RepeatsLead, view.Repeats, view.RepeatsQuotes));
                col.Item().KeepTogether().Element(c => Callbacks(c, view));
                col.Item().KeepTogether().Element(c => Engagement(c, view));
                col.Item().KeepTogether().Element(c => Maturity(c, view));
                col.Item().KeepTogether().Element(c => Definitions(c, view));
            });
            page.Footer().Element(c => PdfTheme.Footer(c, view.Generated, Words["Report.Pdf.PageOf"]));
        });
    });

    private static void TitleBlock(IContainer container, MonthlyReportView view) =>
        container.Column(col =>
        {
            col.Spacing(4);
            col.Item().Element(c => PdfTheme.Title(c, view.Title));
            col.Item().Text(view.Lead).FontColor(Colors.Grey700);
        });

    private static void SummaryBox(IContainer container, MonthlyReportView view) =>
        container.Background(Colors.PrimaryLight).Padding(10).Column(col =>
        {
            col.Spacing(3);
            col.Item().Text(Words["Report.Heading.Summary"]).FontSize(11).Bold().FontColor(Colors.Primary);
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
            col.Item().Element(c => Heading(c, Words["Report.Heading.Kpis"]));
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
        container.BorderLeft(3, PdfTheme.StatusColor(tile.Status)).Background(Colors.Grey100).Padding(7).Column(col =>
        {
            col.Spacing(1.5f);
            col.Item().Text(tile.Name).FontSize(8).Bold().FontColor(Colors.Grey700);
            col.Item().Text(tile.Value).FontSize(18).Bold();
            col.Item().Text(t =>
            {
                t.Span(tile.Sample).FontSize(7.5f);
                if (tile.SmallSample) t.Span($"  {MonthlyReportView.SmallSampleMark} {ReportText.SmallSample}").FontSize(7.5f).Bold().FontColor(Colors.Negative);
            });
            col.Item().Text(tile.StatusText).FontSize(7.5f).Bold().FontColor(PdfTheme.StatusTextColor(tile.Status));
            if (tile.Gap is { } gap) col.Item().Text(gap).FontSize(7.5f);
            if (tile.VersusPrevious is { } previous) col.Item().Text(previous).FontSize(7.5f).FontColor(ToneColor(tile.PreviousTone, Colors.Grey900));
            if (tile.Detail is { } detail) col.Item().Text(detail).FontSize(7.5f).FontColor(ToneColor(tile.DetailTone, Colors.Grey700));
        });

    /// <summary>The heading, two rows of two charts and the caption: one block, kept on one page.</summary>
    private static void Trends(IContainer container, MonthlyReportView view) =>
        container.Column(col =>
        {
            col.Spacing(6);
            col.Item().Element(c => Heading(c, Words["Report.Heading.Trends"]));
            foreach (var pair in view.Trends.Chunk(2))
            {
                col.Item().Row(row =>
                {
                    row.Spacing(10);
                    foreach (var chart in pair)
                        row.Relative().Height(ChartHeight).Chart(() => Scaled(chart.CreatePlot()));
                });
            }
            col.Item().Text(view.TrendCaption).FontSize(7.5f).Italic().FontColor(Colors.Grey700);
        });

    private static void ChannelMix(IContainer container, MonthlyReportView view) =>
        container.Column(col =>
        {
            col.Spacing(6);
            col.Item().Element(c => Heading(c, Words["Report.Heading.Channels"]));
            if (!view.Channels.HasRows)
            {
                col.Item().Text(view.Channels.EmptyText).Italic();
                return;
            }
            col.Item().Element(c => Table(c, view.Channels));
        });

    /// <summary>A table of contact reasons with the customers' words under it: the caller keeps them on one page.</summary>
    private static void Reasons(IContainer container, string heading, string lead, ReportTable table, IReadOnlyList<ReportQuote> quotes) =>
        container.Column(col =>
        {
            col.Spacing(6);
            col.Item().Element(c => Heading(c, heading));
            col.Item().Text(lead).FontColor(Colors.Grey700);
            col.Item().Element(c => Table(c, table));
            if (quotes.Count == 0) return;
            col.Item().Element(c => PdfTheme.Subheading(c, Words["Report.Heading.Quotes"]));
            col.Item().Column(comments =>
            {
                comments.Spacing(4);
                foreach (var quote in quotes)
                    comments.Item().Element(c => Quote(c, quote));
            });
        });

    private static void Quote(IContainer container, ReportQuote quote) =>
        container.BorderLeft(2, Colors.Accent).PaddingLeft(6).Column(col =>
        {
            col.Item().Text(Words.Format("Report.Quote", quote.Text)).Italic();
            col.Item().Text(quote.Source).FontSize(7.5f).FontColor(Colors.Grey700);
        });

    private static void Callbacks(IContainer container, MonthlyReportView view) =>
        container.Column(col =>
        {
            col.Spacing(6);
            col.Item().Element(c => Heading(c, Words["Report.Heading.Callbacks"]));
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
            col.Item().Element(c => Heading(c, Words["Report.Heading.Engagement"]));
            col.Item().Text(view.EngagementLead).FontColor(Colors.Grey700);
            col.Item().Element(c => Table(c, view.Engagement));
        });

    private static void Maturity(IContainer container, MonthlyReportView view) =>
        container.Column(col =>
        {
            col.Spacing(6);
            col.Item().Element(c => Heading(c, Words["Report.Heading.Maturity"]));
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
            col.Item().Element(c => Heading(c, Words["Report.Heading.Definitions"]));
            foreach (var term in view.Definitions)
            {
                col.Item().Text(t =>
                {
                    t.DefaultTextStyle(s => s.FontSize(7.5f));
                    t.Span(term.Term + ": ").Bold();
                    t.Span(term.Definition);
                });
            }
            if (view.SmallSampleNote is { } note)
                col.Item().PaddingTop(3).Text(note).FontSize(7.5f).FontColor(Colors.Grey700);
        });

    private static void Heading(IContainer container, string text) => PdfTheme.Heading(container, text);

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
                    PdfTheme.HeaderCell(header.Cell(), column.Title, column.Numeric);
            });
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < table.Columns.Count; i++)
                    PdfTheme.Cell(t.Cell(), row.Cells[i], table.Columns[i].Numeric, row.IsTotal);
            }
        });
    }

    /// <summary>Chart text sized for A4 columns rather than screens.</summary>
    private static ScottPlot.Plot Scaled(ScottPlot.Plot plot, float scale = 0.62f)
    {
        plot.ScaleFactor = scale;
        return plot;
    }

    /// <summary>A change's colour by what it means for the KPI; the words beside it say the same.</summary>
    private static PdfColor ToneColor(ChangeTone tone, PdfColor neutral) => tone switch
    {
        ChangeTone.Better => Colors.Positive,
        ChangeTone.Worse => Colors.Negative,
        _ => neutral,
    };
}
