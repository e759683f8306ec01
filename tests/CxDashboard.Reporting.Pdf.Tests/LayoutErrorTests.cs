using static CxDashboard.Reporting.Pdf.Tests.TestDocuments;

namespace CxDashboard.Reporting.Pdf.Tests;

/// <summary>Content that can never fit fails fast with a message naming the element, instead of looping.</summary>
public class LayoutErrorTests
{
    private static async Task<PdfLayoutException> LayoutFails(Action<IContainer> content, Action<PageDescriptor>? page = null)
    {
        var document = Document.Create(doc => doc.Page(p =>
        {
            p.Size(PageSizes.A4).Margin(Margin);
            page?.Invoke(p);
            content(p.Content());
        }));

        var generate = Task.Run(() => document.GeneratePdf());
        var first = await Task.WhenAny(generate, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(first == generate, "layout did not finish: an element that never fits must throw, not loop");
        return await Assert.ThrowsAsync<PdfLayoutException>(() => generate);
    }

    [Fact]
    public async Task An_element_taller_than_any_page_throws_naming_it_and_its_path()
    {
        var exception = await LayoutFails(c => c.Column(col =>
        {
            col.Item().Text("Inledning");
            col.Item().Padding(5).Height(2000).Background(Colors.Grey100);
        }));

        Assert.Contains("'Height(2000)'", exception.Message);
        Assert.Contains("2000pt of height", exception.Message);
        Assert.Equal("Content > Column > item 2 > Padding(5, 5, 5, 5) > Height(2000)", exception.ElementPath);
        Assert.Equal(2, exception.PageNumber); // page 1 took "Inledning"; the block failed on the empty page 2
    }

    [Fact]
    public async Task A_table_row_taller_than_a_page_throws_because_rows_are_never_split()
    {
        var exception = await LayoutFails(c => c.Table(table =>
        {
            table.ColumnsDefinition(columns => columns.Relative());
            table.Cell().Text("Rad 1");
            table.Cell().Text(string.Join("\n", Enumerable.Range(1, 100).Select(line => $"Rad 2, stycke {line}")));
        }));

        Assert.Contains("Table body cell (row 2, column 1)", exception.Message);
        Assert.Contains("never split", exception.Message);
    }

    [Fact]
    public async Task An_element_wider_than_the_page_throws()
    {
        var exception = await LayoutFails(c => c.Width(800).Text("För bred"));

        Assert.Contains("'Width(800)'", exception.Message);
        Assert.Contains("width", exception.Message);
    }

    [Fact]
    public async Task A_column_too_narrow_for_a_single_character_throws_naming_the_text()
    {
        var exception = await LayoutFails(c => c.Width(2).Text("Smal"));

        Assert.Contains("Text(\"Smal\")", exception.Message);
    }

    [Fact]
    public async Task A_header_taller_than_the_page_throws_naming_the_header()
    {
        var exception = await LayoutFails(c => c.Text("Innehåll"), page => page.Header().Height(900));

        Assert.Contains("page header", exception.Message);
        Assert.Contains("Height(900)", exception.Message);
    }

    [Fact]
    public async Task A_ShowEntire_block_that_can_never_fit_throws()
    {
        var exception = await LayoutFails(c => c.ShowEntire().Text(Paragraph(600)));

        Assert.Contains("ShowEntire", exception.Message);
    }

    [Fact]
    public void Nothing_is_written_to_the_stream_when_the_layout_fails()
    {
        using var stream = new MemoryStream();
        var document = Document.Create(doc => doc.Page(page => page.Content().Height(5000)));

        Assert.Throws<PdfLayoutException>(() => document.GeneratePdf(stream));
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void A_container_takes_one_child()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Document.Create(doc => doc.Page(page =>
        {
            var content = page.Content();
            content.Text("Ett");
            content.Text("Två");
        })).GeneratePdf());

        Assert.Contains("Column()", exception.Message);
    }

    [Fact]
    public void A_document_needs_a_page()
    {
        Assert.Throws<InvalidOperationException>(() => Document.Create(doc => doc.Metadata("Tom", "Test")).GeneratePdf());
    }

    [Fact]
    public void A_cell_spanning_more_columns_than_the_table_has_is_rejected()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Document.Create(doc => doc.Page(page => page.Content().Table(table =>
        {
            table.ColumnsDefinition(columns => columns.Relative());
            table.Cell().ColumnSpan(2).Text("För bred");
        }))).GeneratePdf());

        Assert.Contains("spans 2 columns", exception.Message);
    }
}
