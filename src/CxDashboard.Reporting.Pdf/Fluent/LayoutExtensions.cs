using CxDashboard.Reporting.Pdf.Elements;
using CxDashboard.Reporting.Pdf.Layout;

namespace CxDashboard.Reporting.Pdf;

/// <summary>Containers that wrap one child: spacing, decoration, alignment, size limits and paging rules.</summary>
public static partial class ContainerExtensions
{
    public static IContainer Padding(this IContainer container, float all) => container.Padding(all, all, all, all);

    public static IContainer PaddingHorizontal(this IContainer container, float horizontal) => container.Padding(horizontal, 0, horizontal, 0);

    public static IContainer PaddingVertical(this IContainer container, float vertical) => container.Padding(0, vertical, 0, vertical);

    public static IContainer PaddingLeft(this IContainer container, float left) => container.Padding(left, 0, 0, 0);

    public static IContainer PaddingTop(this IContainer container, float top) => container.Padding(0, top, 0, 0);

    public static IContainer PaddingRight(this IContainer container, float right) => container.Padding(0, 0, right, 0);

    public static IContainer PaddingBottom(this IContainer container, float bottom) => container.Padding(0, 0, 0, bottom);

    public static IContainer Padding(this IContainer container, float left, float top, float right, float bottom)
    {
        RequireNonNegative(left, nameof(left));
        RequireNonNegative(top, nameof(top));
        RequireNonNegative(right, nameof(right));
        RequireNonNegative(bottom, nameof(bottom));
        return container.Attach(new Padding(left, top, right, bottom));
    }

    /// <summary>A line of the given thickness along all four inside edges; it takes no space, so pad inside it.</summary>
    public static IContainer Border(this IContainer container, float thickness, PdfColor? color = null) =>
        container.Border(thickness, thickness, thickness, thickness, color);

    public static IContainer BorderTop(this IContainer container, float thickness, PdfColor? color = null) => container.Border(0, thickness, 0, 0, color);

    public static IContainer BorderBottom(this IContainer container, float thickness, PdfColor? color = null) => container.Border(0, 0, 0, thickness, color);

    public static IContainer BorderLeft(this IContainer container, float thickness, PdfColor? color = null) => container.Border(thickness, 0, 0, 0, color);

    public static IContainer BorderRight(this IContainer container, float thickness, PdfColor? color = null) => container.Border(0, 0, thickness, 0, color);

    private static IContainer Border(this IContainer container, float left, float top, float right, float bottom, PdfColor? color)
    {
        RequireNonNegative(Math.Min(Math.Min(left, top), Math.Min(right, bottom)), "thickness");
        return container.Attach(new Border(left, top, right, bottom, (color ?? Colors.Black).Value));
    }

    /// <summary>Fills the whole area the parent gives this container (a table cell: the full row height).</summary>
    public static IContainer Background(this IContainer container, PdfColor color) => container.Attach(new Background(color.Value));

    public static IContainer AlignLeft(this IContainer container) => container.Align(horizontal: 0, vertical: null);

    public static IContainer AlignCenter(this IContainer container) => container.Align(horizontal: 0.5f, vertical: null);

    public static IContainer AlignRight(this IContainer container) => container.Align(horizontal: 1, vertical: null);

    public static IContainer AlignTop(this IContainer container) => container.Align(horizontal: null, vertical: 0);

    public static IContainer AlignMiddle(this IContainer container) => container.Align(horizontal: null, vertical: 0.5f);

    public static IContainer AlignBottom(this IContainer container) => container.Align(horizontal: null, vertical: 1);

    // AlignRight().AlignMiddle() sets both axes on one element; nesting two would lose the inner axis.
    private static IContainer Align(this IContainer container, float? horizontal, float? vertical)
    {
        var alignment = container is Alignment { HasChild: false } existing ? existing : container.Attach(new Alignment());
        alignment.Horizontal = horizontal ?? alignment.Horizontal;
        alignment.Vertical = vertical ?? alignment.Vertical;
        return alignment;
    }

    public static IContainer Width(this IContainer container, float width) => container.Constrain(minWidth: width, maxWidth: width);

    public static IContainer MinWidth(this IContainer container, float width) => container.Constrain(minWidth: width);

    public static IContainer MaxWidth(this IContainer container, float width) => container.Constrain(maxWidth: width);

    public static IContainer Height(this IContainer container, float height) => container.Constrain(minHeight: height, maxHeight: height);

    public static IContainer MinHeight(this IContainer container, float height) => container.Constrain(minHeight: height);

    public static IContainer MaxHeight(this IContainer container, float height) => container.Constrain(maxHeight: height);

    private static IContainer Constrain(this IContainer container,
        float? minWidth = null, float? maxWidth = null, float? minHeight = null, float? maxHeight = null)
    {
        foreach (var value in new[] { minWidth, maxWidth, minHeight, maxHeight })
            RequireNonNegative(value ?? 0, "size");

        return container.Attach(new Constrained
        {
            MinWidth = minWidth,
            MaxWidth = maxWidth,
            MinHeight = minHeight,
            MaxHeight = maxHeight,
        });
    }

    /// <summary>Take the full offered width even if the content needs less (e.g. for a background band).</summary>
    public static IContainer ExtendHorizontal(this IContainer container) => container.Attach(new Extend(horizontal: true, vertical: false));

    public static IContainer ExtendVertical(this IContainer container) => container.Attach(new Extend(horizontal: false, vertical: true));

    /// <summary>
    /// Keep the content on one page: if it would be split, it moves whole to the next page. Content taller than a
    /// whole page still flows over pages rather than failing.
    /// </summary>
    public static IContainer KeepTogether(this IContainer container) => container.Attach(new KeepTogether());

    /// <summary>
    /// Inside a column: this item (a heading) never ends a page; when the item after it cannot start below it, both go
    /// to the next page.
    /// </summary>
    public static IContainer KeepWithNext(this IContainer container) => container.Attach(new KeepWithNext());

    /// <summary>Like <see cref="KeepTogether"/>, but content that can never fit on one page is an error.</summary>
    public static IContainer ShowEntire(this IContainer container) => container.Attach(new ShowEntire());

    /// <summary>Draw the content only the first time, even inside a repeating page header.</summary>
    public static IContainer ShowOnce(this IContainer container) => container.Attach(new ShowOnce());

    /// <summary>Default text style for every text inside this container.</summary>
    public static IContainer DefaultTextStyle(this IContainer container, Action<TextStyleDescriptor> style)
    {
        var descriptor = new TextStyleDescriptor();
        style(descriptor);
        return container.Attach(new Elements.DefaultTextStyle(descriptor.Style));
    }

    /// <summary>Hand the container to a method, so report sections are plain methods: <c>c.Element(x =&gt; KpiTile(x, kpi))</c>.</summary>
    public static void Element(this IContainer container, Action<IContainer> compose) => compose(container);

    /// <summary>Apply a reusable style and continue: <c>table.Cell().Element(CellStyle).Text("…")</c>.</summary>
    public static IContainer Element(this IContainer container, Func<IContainer, IContainer> style) => style(container);

    internal static TElement Attach<TElement>(this IContainer container, TElement element) where TElement : Element
    {
        var owner = container as ContainerElement
            ?? throw new ArgumentException("Containers are created by this library (Document.Create); IContainer cannot be implemented elsewhere.", nameof(container));
        return owner.SetChild(element);
    }

    private static void RequireNonNegative(float value, string name)
    {
        if (value < 0 || float.IsNaN(value))
            throw new ArgumentOutOfRangeException(name, value, "Sizes are in points and cannot be negative.");
    }
}
