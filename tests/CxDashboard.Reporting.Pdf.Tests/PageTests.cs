using static CxDashboard.Reporting.Pdf.Tests.TestDocuments;

namespace CxDashboard.Reporting.Pdf.Tests;

/// <summary>Page numbers, header and footer placement, metadata and determinism.</summary>
public class PageTests
{
    private static PdfReader NumberedDocument(int items, Action<PageDescriptor>? page = null) =>
        PdfReader.Generate(doc => doc.Page(p =>
        {
            p.Size(PageSizes.A4).Margin(Margin);
            page?.Invoke(p);
            p.Header().Text(t =>
            {
                t.Span("Rapport, sida ");
                t.PageNumber();
            });
            p.Content().Column(col =>
            {
                for (var item = 1; item <= items; item++)
                    col.Item().Text($"Punkt {item}");
            });
            p.Footer().AlignCenter().Text(t =>
            {
                t.Span("Page ");
                t.PageNumber();
                t.Span(" of ");
                t.PageCount();
            });
        }));

    [Fact]
    public void Every_page_says_page_X_of_Y_with_the_final_page_count()
    {
        using var pdf = NumberedDocument(items: 300);

        Assert.True(pdf.Pages.Count >= 4);
        for (var page = 1; page <= pdf.Pages.Count; page++)
        {
            Assert.EndsWith($"Page {page} of {pdf.Pages.Count}", pdf.Text(page));
            Assert.StartsWith($"Rapport, sida {page} ", pdf.Text(page));
        }
    }

    [Fact]
    public void The_page_count_settles_when_it_gains_a_digit()
    {
        // Enough items for 10+ pages: the count's width changes between the first layout pass and the last.
        using var pdf = NumberedDocument(items: 700, page => page.Size(PageSizes.A5));

        Assert.True(pdf.Pages.Count >= 10, $"expected 10+ pages, got {pdf.Pages.Count}");
        Assert.EndsWith($"Page 1 of {pdf.Pages.Count}", pdf.Text(1));
        Assert.EndsWith($"Page {pdf.Pages.Count} of {pdf.Pages.Count}", pdf.Text(pdf.Pages.Count));
    }

    [Fact]
    public void Header_sits_at_the_top_margin_and_footer_at_the_bottom_margin()
    {
        using var pdf = NumberedDocument(items: 5);

        var header = pdf.Word(1, "Rapport,");
        var footer = pdf.Word(1, "Page");
        var firstItem = pdf.Words(1).First(word => word.Text == "Punkt");
        Assert.InRange(header.Top, Margin - 1, Margin + 3);
        Assert.InRange(footer.Baseline, PageHeight - Margin - 5, PageHeight - Margin);
        Assert.True(firstItem.Top > header.Baseline, "content starts below the header");
        var footerLine = pdf.Lines(1)[^1];
        Assert.Equal(PageWidth / 2, (footerLine[0].Left + footerLine[^1].Right) / 2, tolerance: 0.5);
    }

    [Fact]
    public void Page_numbers_continue_across_runs_of_pages_and_each_run_starts_a_new_page()
    {
        using var pdf = PdfReader.Generate(doc =>
        {
            doc.Page(page =>
            {
                page.Size(PageSizes.A4).Margin(Margin);
                page.Content().Text("Sammanfattning");
                page.Footer().Text(t => t.PageNumber());
            });
            doc.Page(page =>
            {
                page.Size(PageSizes.A4.Landscape()).Margin(Margin);
                page.Content().Text("Bilaga");
                page.Footer().Text(t =>
                {
                    t.Span("Bilagesida ");
                    t.PageNumber();
                    t.Span("/");
                    t.PageCount();
                });
            });
        });

        Assert.Equal(2, pdf.Pages.Count);
        Assert.Equal("Sammanfattning 1", pdf.Text(1));
        Assert.Equal("Bilaga Bilagesida 2/2", pdf.Text(2));
        Assert.True(pdf.Pages[1].Width > pdf.Pages[1].Height, "the second run is landscape");
    }

    [Fact]
    public void Metadata_title_author_subject_and_creation_date_are_written()
    {
        var created = new DateTimeOffset(2026, 3, 31, 16, 45, 10, TimeSpan.FromHours(2));
        using var pdf = PdfReader.Generate(doc =>
        {
            doc.Metadata("CX-rapport mars 2026", "CxDashboard", "Kundupplevelse för ledningen", created);
            doc.Page(page => page.Content().Text("Innehåll"));
        });

        var info = pdf.Document.Information;
        Assert.Equal("CX-rapport mars 2026", info.Title);
        Assert.Equal("CxDashboard", info.Author);
        Assert.Equal("Kundupplevelse för ledningen", info.Subject);
        Assert.Equal(created, info.GetCreatedDateTimeOffset());
        Assert.Equal(created, info.GetModifiedDateTimeOffset());
    }

    [Fact]
    public void Without_a_creation_date_the_output_does_not_depend_on_the_clock()
    {
        var document = Document.Create(doc =>
        {
            doc.Metadata("Titel", "Författare");
            doc.Page(page => page.Margin(Margin).Content().Text(Paragraph(50)));
        });

        var first = document.GeneratePdf();
        Thread.Sleep(1100); // a timestamp with one-second resolution would now differ
        var second = document.GeneratePdf();

        Assert.Equal(first, second);
        using var pdf = PdfReader.Read(first);
        Assert.Null(pdf.Document.Information.GetCreatedDateTimeOffset());
    }

    [Fact]
    public void Page_size_and_background_apply_to_the_whole_page()
    {
        using var pdf = PdfReader.Generate(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A4.Landscape()).Background("#0000FF");
            page.Content().Text("Liggande");
        }));

        Assert.Equal((PageHeight, PageWidth), (pdf.Pages[0].Width, pdf.Pages[0].Height));
        var background = TableTests.FilledRectangle(pdf, (0, 0, 1));
        Assert.Equal((PageHeight, PageWidth), (background.Width, background.Height));
    }

    [Fact]
    public void GeneratePdf_writes_the_same_document_to_a_stream()
    {
        var document = Document.Create(doc => doc.Page(page => page.Content().Text("Ström")));
        using var stream = new MemoryStream();

        document.GeneratePdf(stream);

        Assert.True(stream.CanWrite, "the caller's stream is left open");
        Assert.Equal(document.GeneratePdf(), stream.ToArray());
        using var pdf = PdfReader.Read(stream.ToArray());
        Assert.Equal("Ström", pdf.Text(1));
    }
}
