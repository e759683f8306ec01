using CxDashboard.Reporting.Pdf.Elements;
using CxDashboard.Reporting.Pdf.Layout;
using CxDashboard.Reporting.Pdf.Text;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Tests;

/// <summary>The measure/draw contract of single elements, checked without producing a PDF.</summary>
public sealed class MeasureContractTests : IDisposable
{
    private const float LineHeight = 11.640625f; // DejaVu Sans at 10 pt: (1901 + 483) / 2048 em

    private readonly FontSet fonts = FontSet.Bundled();
    private readonly SKNoDrawCanvas canvas = new(600, 900);
    private readonly RenderContext context;

    public MeasureContractTests()
    {
        context = new RenderContext(fonts, totalPages: null, isLayoutPass: true) { Canvas = canvas, PageNumber = 1 };
    }

    private static Slot Compose(Action<IContainer> compose)
    {
        var root = new Slot("Test");
        compose(root);
        root.ApplyTextStyle(TextStyle.Unset);
        return root;
    }

    private static string FiveLines => "ett\ntvå\ntre\nfyra\nfem";

    [Fact]
    public void Text_reports_full_partial_or_wrap_for_the_height_offered()
    {
        var text = Compose(c => c.Text(FiveLines));

        Assert.Equal(SpacePlanType.FullRender, text.Measure(new SKSize(200, 100), context).Type);
        var partial = text.Measure(new SKSize(200, LineHeight * 2.5f), context);
        Assert.Equal(SpacePlanType.PartialRender, partial.Type);
        Assert.Equal(LineHeight * 2, partial.Height, 0.01);
        var wrap = text.Measure(new SKSize(200, LineHeight / 2), context);
        Assert.True(wrap.IsWrap);
        Assert.Contains("needs 11.6pt of height", wrap.Reason!.Message);
    }

    [Fact]
    public void Measure_changes_nothing_and_Draw_moves_on_to_what_is_left()
    {
        var text = Compose(c => c.Text(FiveLines));
        var space = new SKSize(200, LineHeight * 2);

        Assert.Equal(text.Measure(space, context), text.Measure(space, context));
        text.Draw(space, context);
        text.Draw(space, context);

        var rest = text.Measure(new SKSize(200, 500), context);
        Assert.Equal(SpacePlanType.FullRender, rest.Type);
        Assert.Equal(LineHeight, rest.Height, 0.01); // only "fem" is left

        text.ResetState(hardReset: true);
        Assert.Equal(LineHeight * 5, text.Measure(new SKSize(200, 500), context).Height, 0.01);
    }

    [Fact]
    public void Column_wraps_with_the_reason_of_the_item_that_does_not_fit()
    {
        var column = Compose(c => c.Column(col =>
        {
            col.Item().Padding(4).Height(300);
            col.Item().Text("efter");
        }));

        var wrap = column.Measure(new SKSize(200, 100), context);
        Assert.True(wrap.IsWrap);
        Assert.Equal("Test > Column > item 1 > Padding(4, 4, 4, 4) > Height(300)", wrap.Reason!.Culprit.DescribePath());

        var partial = column.Measure(new SKSize(200, 310), context);
        Assert.Equal(SpacePlanType.PartialRender, partial.Type);
        Assert.Equal(308, partial.Height, 0.01);
    }

    [Fact]
    public void KeepTogether_wraps_a_block_that_would_split_unless_placement_is_forced()
    {
        var block = Compose(c => c.KeepTogether().Text(FiveLines));
        var space = new SKSize(200, LineHeight * 3);

        Assert.True(block.Measure(space, context).IsWrap);
        context.ForcePlacement = true;
        Assert.Equal(SpacePlanType.PartialRender, block.Measure(space, context).Type);
        Assert.Equal(SpacePlanType.FullRender, block.Measure(new SKSize(200, 100), context).Type);
    }

    [Fact]
    public void PageBreak_asks_for_a_new_page_once()
    {
        var pageBreak = Compose(c => c.PageBreak());

        Assert.Equal(SpacePlan.PartialRender(0, 0), pageBreak.Measure(new SKSize(200, 100), context));
        pageBreak.Draw(new SKSize(200, 100), context);
        Assert.Equal(SpacePlan.Empty, pageBreak.Measure(new SKSize(200, 100), context));
    }

    [Fact]
    public void Table_places_whole_rows_under_its_header_and_remembers_where_it_stopped()
    {
        var table = Compose(c => c.Table(t =>
        {
            t.ColumnsDefinition(columns => columns.Relative());
            t.Header(header => header.Cell().Text("Rubrik"));
            for (var row = 0; row < 10; row++)
                t.Cell().Text($"Rad {row}");
        }));

        Assert.True(table.Measure(new SKSize(200, LineHeight * 1.5f), context).IsWrap); // header but no row: move on
        var page = new SKSize(200, LineHeight * 4.5f);
        var first = table.Measure(page, context);
        Assert.Equal(SpacePlanType.PartialRender, first.Type);
        Assert.Equal(LineHeight * 4, first.Height, 0.01); // header + 3 rows

        table.Draw(page, context);
        table.Draw(page, context);
        table.Draw(page, context);
        var last = table.Measure(page, context);
        Assert.Equal(SpacePlanType.FullRender, last.Type);
        Assert.Equal(LineHeight * 2, last.Height, 0.01); // header again + the 10th row
    }

    [Fact]
    public void Row_wraps_when_its_fixed_items_are_wider_than_the_space()
    {
        var row = Compose(c => c.Row(r =>
        {
            r.Spacing(10);
            r.Fixed(150);
            r.Fixed(150);
        }));

        Assert.True(row.Measure(new SKSize(300, 100), context).IsWrap);
        Assert.Equal(SpacePlan.FullRender(310, 0), row.Measure(new SKSize(310, 100), context));
    }

    [Fact]
    public void Chained_alignments_make_one_element()
    {
        var root = Compose(c => c.AlignRight().AlignBottom().Text("x"));

        var alignment = Assert.IsType<Alignment>(Assert.Single(root.Children));
        Assert.Equal((1f, 1f), (alignment.Horizontal, alignment.Vertical));
        Assert.IsType<TextBlock>(Assert.Single(alignment.Children));
    }

    /// <summary>An element that always wants another page and never gets anywhere.</summary>
    private sealed class StuckElement : Element
    {
        internal override SpacePlan Measure(SKSize available, RenderContext context) => SpacePlan.PartialRender(10, 10);

        internal override void Draw(SKSize available, RenderContext context)
        {
        }
    }

    [Fact]
    public void A_layout_that_makes_no_progress_throws_instead_of_producing_pages_forever()
    {
        var document = Document.Create(doc => doc.Page(page => ((ContainerElement)page.Content()).SetChild(new StuckElement())));

        var exception = Assert.Throws<PdfLayoutException>(() => document.GeneratePdf());
        Assert.Contains("never end", exception.Message);
        Assert.Equal(1, exception.PageNumber);
    }

    public void Dispose()
    {
        canvas.Dispose();
        fonts.Dispose();
    }
}
