using System.Globalization;
using CxDashboard.Reporting.Pdf.Layout;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Text;

internal enum TextSpanKind
{
    Text,
    PageNumber,
    PageCount,
}

internal enum TextAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>A piece of a paragraph: literal text or a page number, with its own style overrides.</summary>
internal sealed class TextSpan(TextSpanKind kind, string text = "")
{
    public TextSpanKind Kind { get; } = kind;

    public string Text { get; } = text;

    public TextStyle Style { get; set; } = TextStyle.Unset;
}

/// <summary>
/// A paragraph of styled spans. Lines are broken to the offered width; when not all lines fit, the ones that do are
/// drawn and the rest continue on the next page.
/// </summary>
internal sealed class TextBlock : Element
{
    private TextStyle inheritedStyle = TextStyle.Unset;
    private int firstLineToDraw;
    private LayoutKey? cachedKey;
    private List<TextLine> cachedLines = [];

    public List<TextSpan> Spans { get; } = [];

    public TextAlignment Alignment { get; set; } = TextAlignment.Left;

    /// <summary>Style for every span of this block (<c>Text(t =&gt; t.DefaultTextStyle(...))</c>).</summary>
    public TextStyle BlockStyle { get; set; } = TextStyle.Unset;

    private readonly record struct LayoutKey(float Width, int PageNumber, int? TotalPages, FontSet Fonts);

    internal override string Describe()
    {
        var text = string.Concat(Spans.Select(span => span.Kind == TextSpanKind.Text ? span.Text : "#"));
        return text.Length <= 40 ? $"Text(\"{text}\")" : $"Text(\"{text[..37]}...\")";
    }

    internal override void ApplyTextStyle(TextStyle inherited) => inheritedStyle = inherited;

    protected override void ResetOwnState(bool hardReset) => firstLineToDraw = 0;

    internal override SpacePlan Measure(SKSize available, RenderContext context)
    {
        var lines = LinesFor(available.Width, context);
        if (firstLineToDraw >= lines.Count)
            return SpacePlan.Empty;

        var (count, width, height) = LinesThatFit(lines, available.Height);
        if (count == 0)
        {
            return SpacePlan.Wrap(this,
                $"a line of text needs {Points(lines[firstLineToDraw].Height)} of height but only {Points(available.Height)} is available");
        }

        if (Exceeds(width, available.Width))
        {
            return SpacePlan.Wrap(this,
                $"the text needs {Points(width)} of width (a single character does not fit) but only {Points(available.Width)} is available");
        }

        return firstLineToDraw + count == lines.Count
            ? SpacePlan.FullRender(width, height)
            : SpacePlan.PartialRender(width, height);
    }

    internal override void Draw(SKSize available, RenderContext context)
    {
        var lines = LinesFor(available.Width, context);
        var (count, _, _) = LinesThatFit(lines, available.Height);
        if (count == 0)
            return;

        using var paint = new SKPaint { IsAntialias = true };
        var top = 0f;
        foreach (var line in lines.Skip(firstLineToDraw).Take(count))
        {
            var left = Alignment switch
            {
                TextAlignment.Center => (available.Width - line.Width) / 2,
                TextAlignment.Right => available.Width - line.Width,
                _ => 0,
            };

            foreach (var run in line.Runs)
            {
                RecordCodePoints(run, context);
                if (context.IsLayoutPass)
                    continue;

                paint.Color = run.Style.Color;
                context.Canvas.DrawText(run.Text, left + run.X, top + line.Baseline, context.Fonts.Get(run.Style), paint);
            }

            top += line.Height;
        }

        firstLineToDraw += count;
        context.ReportProgress();
    }

    private (int Count, float Width, float Height) LinesThatFit(List<TextLine> lines, float availableHeight)
    {
        int count = 0;
        float width = 0, height = 0;
        for (var index = firstLineToDraw; index < lines.Count; index++)
        {
            if (Exceeds(height + lines[index].Height, availableHeight))
                break;
            height += lines[index].Height;
            width = Math.Max(width, lines[index].Width);
            count++;
        }

        return (count, width, height);
    }

    private List<TextLine> LinesFor(float width, RenderContext context)
    {
        var hasPageNumbers = Spans.Any(span => span.Kind != TextSpanKind.Text);
        if (Spans.Any(span => span.Kind == TextSpanKind.PageCount))
            context.PageCountWasUsed = true;

        // Lines depend on the width, the fonts of the pass and, for page numbers, on the page.
        var key = new LayoutKey(width, hasPageNumbers ? context.PageNumber : 0, hasPageNumbers ? context.TotalPages : null, context.Fonts);
        if (cachedKey == key)
            return cachedLines;

        var blockStyle = inheritedStyle.OverriddenBy(BlockStyle);
        var spans = Spans.Select(span => (TextOf(span, context), blockStyle.OverriddenBy(span.Style).Resolve()));
        cachedLines = LineBreaker.Break(spans, width, context.Fonts, blockStyle.Resolve());
        cachedKey = key;
        return cachedLines;
    }

    private static string TextOf(TextSpan span, RenderContext context) => span.Kind switch
    {
        TextSpanKind.PageNumber => context.PageNumber.ToString(CultureInfo.InvariantCulture),
        // Before the page count is known, the current page number stands in: same kind of width.
        TextSpanKind.PageCount => (context.TotalPages ?? context.PageNumber).ToString(CultureInfo.InvariantCulture),
        _ => span.Text,
    };

    private static void RecordCodePoints(TextRun run, RenderContext context)
    {
        var used = context.UsedCodePoints[FontSet.FaceIndex(run.Style.Bold, run.Style.Italic)];
        foreach (var rune in run.Text.EnumerateRunes())
            used.Add(rune.Value);
    }
}
