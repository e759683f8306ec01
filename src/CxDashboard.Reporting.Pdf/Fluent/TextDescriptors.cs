using CxDashboard.Reporting.Pdf.Text;

namespace CxDashboard.Reporting.Pdf;

/// <summary>The style methods shared by every text descriptor. Unset values are inherited from the enclosing default.</summary>
public abstract class TextStyleBuilder<TSelf> where TSelf : TextStyleBuilder<TSelf>
{
    private protected TextStyleBuilder()
    {
    }

    private protected abstract TextStyle CurrentStyle { get; set; }

    /// <summary>Font size in points.</summary>
    public TSelf FontSize(float points)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        return Update(CurrentStyle with { FontSize = points });
    }

    public TSelf Bold(bool bold = true) => Update(CurrentStyle with { Bold = bold });

    public TSelf Italic(bool italic = true) => Update(CurrentStyle with { Italic = italic });

    public TSelf FontColor(PdfColor color) => Update(CurrentStyle with { Color = color.Value });

    /// <summary>Line height as a multiple of the font size (1.5 = one and a half); by default the font's own spacing.</summary>
    public TSelf LineHeight(float multiple)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiple);
        return Update(CurrentStyle with { LineHeight = multiple });
    }

    private TSelf Update(TextStyle style)
    {
        CurrentStyle = style;
        return (TSelf)this;
    }
}

/// <summary>A default text style, for <c>page.DefaultText(...)</c> and <c>container.DefaultTextStyle(...)</c>.</summary>
public sealed class TextStyleDescriptor : TextStyleBuilder<TextStyleDescriptor>
{
    internal TextStyle Style { get; private set; } = TextStyle.Unset;

    private protected override TextStyle CurrentStyle
    {
        get => Style;
        set => Style = value;
    }
}

/// <summary>Styles one span of a <c>Text(t =&gt; ...)</c> paragraph.</summary>
public sealed class TextSpanDescriptor : TextStyleBuilder<TextSpanDescriptor>
{
    private readonly TextSpan span;

    internal TextSpanDescriptor(TextSpan span) => this.span = span;

    private protected override TextStyle CurrentStyle
    {
        get => span.Style;
        set => span.Style = value;
    }
}

/// <summary>Styles and aligns a one-style paragraph made with <c>Text("...")</c>.</summary>
public sealed class TextBlockDescriptor : TextStyleBuilder<TextBlockDescriptor>
{
    private readonly TextBlock block;
    private readonly TextSpan span;

    internal TextBlockDescriptor(TextBlock block, TextSpan span)
    {
        this.block = block;
        this.span = span;
    }

    private protected override TextStyle CurrentStyle
    {
        get => span.Style;
        set => span.Style = value;
    }

    public TextBlockDescriptor AlignLeft() => Align(TextAlignment.Left);

    public TextBlockDescriptor AlignCenter() => Align(TextAlignment.Center);

    public TextBlockDescriptor AlignRight() => Align(TextAlignment.Right);

    private TextBlockDescriptor Align(TextAlignment alignment)
    {
        block.Alignment = alignment;
        return this;
    }
}

/// <summary>Builds a paragraph of spans: <c>t.Span("Sida "); t.PageNumber(); t.Span(" av "); t.PageCount();</c>.</summary>
public sealed class TextDescriptor
{
    private readonly TextBlock block;

    internal TextDescriptor(TextBlock block) => this.block = block;

    public TextSpanDescriptor Span(string? text) => Add(new TextSpan(TextSpanKind.Text, text ?? ""));

    /// <summary>A span followed by a line break.</summary>
    public TextSpanDescriptor Line(string? text) => Add(new TextSpan(TextSpanKind.Text, (text ?? "") + "\n"));

    /// <summary>The number of the page this text is drawn on.</summary>
    public TextSpanDescriptor PageNumber() => Add(new TextSpan(TextSpanKind.PageNumber));

    /// <summary>The number of pages in the document (the layout is settled before drawing, so it is exact).</summary>
    public TextSpanDescriptor PageCount() => Add(new TextSpan(TextSpanKind.PageCount));

    /// <summary>Style for all spans of this paragraph; each span can still override it.</summary>
    public void DefaultTextStyle(Action<TextStyleDescriptor> style)
    {
        var descriptor = new TextStyleDescriptor();
        style(descriptor);
        block.BlockStyle = descriptor.Style;
    }

    public void AlignLeft() => block.Alignment = TextAlignment.Left;

    public void AlignCenter() => block.Alignment = TextAlignment.Center;

    public void AlignRight() => block.Alignment = TextAlignment.Right;

    private TextSpanDescriptor Add(TextSpan span)
    {
        block.Spans.Add(span);
        return new TextSpanDescriptor(span);
    }
}
