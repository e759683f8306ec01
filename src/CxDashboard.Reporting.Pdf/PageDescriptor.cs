using CxDashboard.Reporting.Pdf.Layout;
using CxDashboard.Reporting.Pdf.Text;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf;

/// <summary>Size, margins, default text style and the header, content and footer of a run of pages.</summary>
public sealed class PageDescriptor
{
    private readonly PageTemplate template;

    internal PageDescriptor(PageTemplate template) => this.template = template;

    public PageDescriptor Size(PageSize size) => Size(size.Width, size.Height);

    public PageDescriptor Size(float width, float height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        // Skia's PDF backend writes whole-point page sizes (A4 becomes 595 x 842); lay out on the page it writes.
        template.Size = new PageSize(MathF.Round(width), MathF.Round(height));
        return this;
    }

    public PageDescriptor Margin(float all) => Margins(all, all, all, all);

    public PageDescriptor MarginHorizontal(float horizontal) => Margins(horizontal, template.MarginTop, horizontal, template.MarginBottom);

    public PageDescriptor MarginVertical(float vertical) => Margins(template.MarginLeft, vertical, template.MarginRight, vertical);

    public PageDescriptor MarginLeft(float left) => Margins(left, template.MarginTop, template.MarginRight, template.MarginBottom);

    public PageDescriptor MarginTop(float top) => Margins(template.MarginLeft, top, template.MarginRight, template.MarginBottom);

    public PageDescriptor MarginRight(float right) => Margins(template.MarginLeft, template.MarginTop, right, template.MarginBottom);

    public PageDescriptor MarginBottom(float bottom) => Margins(template.MarginLeft, template.MarginTop, template.MarginRight, bottom);

    private PageDescriptor Margins(float left, float top, float right, float bottom)
    {
        foreach (var margin in new[] { left, top, right, bottom })
            ArgumentOutOfRangeException.ThrowIfNegative(margin);
        (template.MarginLeft, template.MarginTop, template.MarginRight, template.MarginBottom) = (left, top, right, bottom);
        return this;
    }

    /// <summary>The text style every text on these pages starts from.</summary>
    public PageDescriptor DefaultText(Action<TextStyleDescriptor> style)
    {
        var descriptor = new TextStyleDescriptor();
        style(descriptor);
        template.DefaultTextStyle = descriptor.Style;
        return this;
    }

    /// <summary>Colour of the whole page, margins included.</summary>
    public PageDescriptor Background(PdfColor color)
    {
        template.Background = color.Value;
        return this;
    }

    /// <summary>Drawn at the top of every page; must fit on one page.</summary>
    public IContainer Header() => template.Header;

    /// <summary>The body: flows over as many pages as it needs between header and footer.</summary>
    public IContainer Content() => template.Content;

    /// <summary>Drawn at the bottom of every page; must fit on one page.</summary>
    public IContainer Footer() => template.Footer;
}

/// <summary>What a <see cref="PageDescriptor"/> collects; the renderer lays pages out from it.</summary>
internal sealed class PageTemplate(int number)
{
    public PageSize Size { get; set; } = new(595, 842);
    public float MarginLeft { get; set; }
    public float MarginTop { get; set; }
    public float MarginRight { get; set; }
    public float MarginBottom { get; set; }
    public TextStyle DefaultTextStyle { get; set; } = TextStyle.Unset;
    public SKColor? Background { get; set; }

    public Slot Header { get; } = new(number == 1 ? "Header" : $"Page run {number} header");
    public Slot Content { get; } = new(number == 1 ? "Content" : $"Page run {number} content");
    public Slot Footer { get; } = new(number == 1 ? "Footer" : $"Page run {number} footer");

    public IEnumerable<Element> Roots => [Header, Content, Footer];
}
