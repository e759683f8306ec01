using static CxDashboard.Reporting.Pdf.Tests.TestDocuments;

namespace CxDashboard.Reporting.Pdf.Tests;

public class PagingTests
{
    /// <summary>Filler that leaves about 60 pt at the bottom of page 1, then a 10-line block.</summary>
    private static PdfReader FillerThenBlock(bool keepTogether) => Content(c => c.Column(col =>
    {
        col.Item().Height(ContentHeight - 60).Background(Colors.Grey100);
        var block = col.Item();
        if (keepTogether)
            block = block.KeepTogether();
        block.Column(lines =>
        {
            for (var line = 1; line <= 10; line++)
                lines.Item().Text($"Blockrad-{line}");
        });
        col.Item().Text("Efter blocket");
    }));

    [Fact]
    public void Without_KeepTogether_a_block_is_split_at_the_page_end()
    {
        // The control case: proves the filler leaves room for only part of the block.
        using var pdf = FillerThenBlock(keepTogether: false);

        Assert.Equal([1], pdf.PagesWithWord("Blockrad-1"));
        Assert.Equal([2], pdf.PagesWithWord("Blockrad-10"));
    }

    [Fact]
    public void KeepTogether_moves_a_block_that_would_be_split_to_the_next_page()
    {
        using var pdf = FillerThenBlock(keepTogether: true);

        for (var line = 1; line <= 10; line++)
            Assert.Equal([2], pdf.PagesWithWord($"Blockrad-{line}"));

        // The block starts at the top of page 2, and what follows continues after it.
        Assert.InRange(pdf.Word(2, "Blockrad-1").Top, Margin - 1, Margin + 3);
        Assert.Equal([2], pdf.PagesContaining("Efter blocket"));
    }

    [Fact]
    public void A_KeepTogether_block_taller_than_a_page_starts_on_a_new_page_and_flows_over()
    {
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().Text("Inledning");
            col.Item().KeepTogether().Column(lines =>
            {
                for (var line = 1; line <= 120; line++)
                    lines.Item().Text($"Lång-{line}");
            });
        }));

        // It cannot be kept on one page, so rather than failing it starts on a fresh page and continues over the next.
        Assert.Equal([1], pdf.PagesWithWord("Inledning"));
        Assert.Equal([2], pdf.PagesWithWord("Lång-1"));
        Assert.True(pdf.Pages.Count >= 3);
        var all = Enumerable.Range(1, pdf.Pages.Count).SelectMany(page => pdf.Words(page)).Where(word => word.Text.StartsWith("Lång-", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, 120).Select(line => $"Lång-{line}"), all.Select(word => word.Text));
    }

    [Fact]
    public void PageBreak_continues_on_a_new_page()
    {
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().Text("Före");
            col.Item().PageBreak();
            col.Item().Text("Efter");
            col.Item().PageBreak();
            col.Item().Text("Sist");
        }));

        Assert.Equal(3, pdf.Pages.Count);
        Assert.Equal(["Före", "Efter", "Sist"], new[] { 1, 2, 3 }.Select(pdf.Text));
        Assert.InRange(pdf.Word(2, "Efter").Top, Margin - 1, Margin + 3);
    }

    [Fact]
    public void A_long_column_flows_over_pages_keeping_every_item_once_and_in_order()
    {
        using var pdf = Content(c => c.Column(col =>
        {
            col.Spacing(6);
            for (var item = 1; item <= 200; item++)
                col.Item().Text($"Post-{item}");
        }));

        Assert.True(pdf.Pages.Count >= 3);
        var items = Enumerable.Range(1, pdf.Pages.Count).SelectMany(page => pdf.Words(page)).Select(word => word.Text);
        Assert.Equal(Enumerable.Range(1, 200).Select(item => $"Post-{item}"), items);

        // Spacing: 11.64 pt lines + 6 pt between them.
        Assert.Equal(17.64, pdf.Word(1, "Post-2").Baseline - pdf.Word(1, "Post-1").Baseline, tolerance: 0.1);
    }

    [Fact]
    public void ShowOnce_in_a_repeating_header_appears_on_the_first_page_only()
    {
        using var pdf = PdfReader.Generate(doc => doc.Page(page =>
        {
            page.Margin(Margin);
            page.Header().Column(col =>
            {
                col.Item().Text("Rubrik");
                col.Item().ShowOnce().Text("Sekretess");
            });
            page.Content().Column(col =>
            {
                for (var item = 1; item <= 150; item++)
                    col.Item().Text($"Post-{item}");
            });
        }));

        Assert.True(pdf.Pages.Count >= 2);
        Assert.Equal(Enumerable.Range(1, pdf.Pages.Count), pdf.PagesWithWord("Rubrik"));
        Assert.Equal([1], pdf.PagesWithWord("Sekretess"));
    }
}
