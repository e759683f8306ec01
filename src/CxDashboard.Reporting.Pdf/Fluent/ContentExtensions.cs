using CxDashboard.Reporting.Pdf.Elements;
using CxDashboard.Reporting.Pdf.Text;
using ScottPlot;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf;

/// <summary>Content that fills a container: text, layouts of several children, pictures and charts.</summary>
public static partial class ContainerExtensions
{
    /// <summary>A paragraph of one style: <c>.Text("Kundnöjdhet").FontSize(18).Bold()</c>.</summary>
    public static TextBlockDescriptor Text(this IContainer container, string? text)
    {
        var block = container.Attach(new TextBlock());
        var span = new TextSpan(TextSpanKind.Text, text ?? "");
        block.Spans.Add(span);
        return new TextBlockDescriptor(block, span);
    }

    /// <summary>A paragraph of several spans, page numbers included: <c>t.Span("Sida "); t.PageNumber();</c>.</summary>
    public static void Text(this IContainer container, Action<TextDescriptor> compose)
    {
        var block = container.Attach(new TextBlock());
        compose(new TextDescriptor(block));
    }

    /// <summary>Items stacked vertically; long columns flow over pages item by item.</summary>
    public static void Column(this IContainer container, Action<ColumnDescriptor> compose)
    {
        var column = container.Attach(new Column());
        compose(new ColumnDescriptor(column));
    }

    /// <summary>Items side by side with fixed, auto or relative widths.</summary>
    public static void Row(this IContainer container, Action<RowDescriptor> compose)
    {
        var row = container.Attach(new Row());
        compose(new RowDescriptor(row));
    }

    /// <summary>A table whose header repeats on every page and whose rows are never split.</summary>
    public static void Table(this IContainer container, Action<TableDescriptor> compose)
    {
        var table = container.Attach(new Table());
        compose(new TableDescriptor(table));
    }

    /// <summary>Let a cell cover several columns.</summary>
    public static ITableCell ColumnSpan(this ITableCell cell, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ((TableCell)cell).ColumnSpan = columns;
        return cell;
    }

    /// <summary>A PNG or JPEG picture; its aspect ratio is kept.</summary>
    public static void Image(this IContainer container, byte[] encodedImage, ImageScaling scaling = ImageScaling.FitWidth)
    {
        ArgumentNullException.ThrowIfNull(encodedImage);
        var image = SKImage.FromEncodedData(encodedImage)
            ?? throw new ArgumentException("The bytes are not an image Skia can decode (PNG or JPEG expected).", nameof(encodedImage));
        container.Attach(new ImageElement(image, scaling, ownsImage: true));
    }

    /// <summary>A picture already decoded; the caller keeps ownership of <paramref name="image"/>.</summary>
    public static void Image(this IContainer container, SKImage image, ImageScaling scaling = ImageScaling.FitWidth)
    {
        ArgumentNullException.ThrowIfNull(image);
        container.Attach(new ImageElement(image, scaling, ownsImage: false));
    }

    /// <summary>
    /// A ScottPlot 5 chart drawn as vectors into this container's rectangle. It takes all the space offered, so
    /// set a Height() first. The plot is created for the drawing and disposed after it. Its title, axis labels,
    /// tick labels and legend are set to the bundled font.
    /// </summary>
    public static void Chart(this IContainer container, Action<Plot> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        container.Attach(new ChartElement(configure));
    }

    /// <summary>
    /// A chart from a method that builds a whole plot (e.g. one shared with web pages), drawn as vectors. The factory
    /// runs when the page is drawn and its plot is disposed after it. Set a Height() first.
    /// </summary>
    public static void Chart(this IContainer container, Func<Plot> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        container.Attach(new ChartElement(create));
    }

    /// <summary>An existing plot drawn as vectors (its label fonts are set to the bundled font); the caller disposes it.</summary>
    public static void Chart(this IContainer container, Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        container.Attach(new ChartElement(plot));
    }

    /// <summary>
    /// Draw anything on the PDF canvas: the origin is this container's top-left corner, drawing is clipped to it.
    /// Takes all the space offered, so set a Height() first.
    /// </summary>
    public static void Canvas(this IContainer container, Action<SKCanvas, SKSize> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        container.Attach(new CanvasElement(draw));
    }

    public static void LineHorizontal(this IContainer container, float thickness, PdfColor? color = null) =>
        container.Attach(new LineElement(horizontal: true, thickness, (color ?? Colors.Black).Value));

    public static void LineVertical(this IContainer container, float thickness, PdfColor? color = null) =>
        container.Attach(new LineElement(horizontal: false, thickness, (color ?? Colors.Black).Value));

    /// <summary>Continue on a new page.</summary>
    public static void PageBreak(this IContainer container) => container.Attach(new PageBreak());
}
