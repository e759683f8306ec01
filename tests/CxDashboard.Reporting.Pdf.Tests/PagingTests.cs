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

    /// <summary>Filler that leaves about 30 pt at the foot of page 1 (room for a heading, not for the 40 pt block after it).</summary>
    private static PdfReader HeadingAtTheFoot(bool keepWithNext, bool subheading = false) => Content(c => c.Column(col =>
    {
        col.Spacing(4);
        col.Item().Height(ContentHeight - 30).Background(Colors.Grey100);
        var heading = col.Item();
        (keepWithNext ? heading.KeepWithNext() : heading).Text("Rubriken").FontSize(12);
        if (subheading)
        {
            var lead = col.Item();
            (keepWithNext ? lead.KeepWithNext() : lead).Text("Ingressen").FontSize(7);
        }
        col.Item().Height(40).Text("Tabellen");
    }));

    [Fact]
    public void Without_KeepWithNext_a_heading_can_end_a_page_alone()
    {
        // The control case: the heading fits at the foot of page 1 and its content goes to page 2.
        using var pdf = HeadingAtTheFoot(keepWithNext: false);

        Assert.Equal([1], pdf.PagesWithWord("Rubriken"));
        Assert.Equal([2], pdf.PagesWithWord("Tabellen"));
    }

    [Fact]
    public void KeepWithNext_moves_a_heading_at_the_foot_of_a_page_to_the_next_with_its_content()
    {
        using var pdf = HeadingAtTheFoot(keepWithNext: true);

        Assert.Equal([2], pdf.PagesWithWord("Rubriken"));
        Assert.Equal([2], pdf.PagesWithWord("Tabellen"));
        Assert.InRange(pdf.Word(2, "Rubriken").Top, Margin - 1, Margin + 4);
        Assert.True(pdf.Word(2, "Tabellen").Top > pdf.Word(2, "Rubriken").Top);
    }

    [Fact]
    public void A_heading_and_its_lead_in_both_kept_with_next_move_together()
    {
        using var pdf = HeadingAtTheFoot(keepWithNext: true, subheading: true);

        Assert.Equal([2], pdf.PagesWithWord("Rubriken"));
        Assert.Equal([2], pdf.PagesWithWord("Ingressen"));
        Assert.Equal([2], pdf.PagesWithWord("Tabellen"));
    }

    [Fact]
    public void KeepWithNext_stays_when_the_next_item_starts_on_the_same_page()
    {
        using var pdf = Content(c => c.Column(col =>
        {
            col.Item().Height(ContentHeight - 60).Background(Colors.Grey100);
            col.Item().KeepWithNext().Text("Rubriken");
            col.Item().Column(lines =>
            {
                for (var line = 1; line <= 10; line++)
                    lines.Item().Text($"Rad-{line}");
            });
        }));

        // The list after it starts below the heading and flows over: the heading is not alone.
        Assert.Equal([1], pdf.PagesWithWord("Rubriken"));
        Assert.Equal([1], pdf.PagesWithWord("Rad-1"));
        Assert.Equal([2], pdf.PagesWithWord("Rad-10"));
    }
}
