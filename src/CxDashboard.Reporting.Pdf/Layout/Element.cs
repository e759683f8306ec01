using System.Globalization;
using CxDashboard.Reporting.Pdf.Text;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Layout;

/// <summary>
/// A node of the layout tree. The contract, per page:
/// <list type="number">
/// <item><see cref="Measure"/> says whether the element's remaining content fits fully, partly or not at all in the
/// offered size. It must not change state: parents may measure a child several times.</item>
/// <item><see cref="Draw"/> draws exactly what Measure promised for the same size, on a canvas whose origin is the
/// element's top-left corner, and advances the element's state (what has been drawn) so the next page continues.</item>
/// </list>
/// Sizes are in PDF points (1/72 inch).
/// </summary>
internal abstract class Element
{
    internal Element? Parent { get; set; }

    internal abstract SpacePlan Measure(SKSize available, RenderContext context);

    internal abstract void Draw(SKSize available, RenderContext context);

    internal virtual IEnumerable<Element> Children => [];

    /// <summary>A short name for error messages, e.g. <c>Height(2000)</c>.</summary>
    internal virtual string Describe() => GetType().Name;

    /// <summary>
    /// Forget what has been drawn. A hard reset starts a new layout pass; a soft reset re-arms content that repeats
    /// on every page (page header/footer, table header) and leaves once-only state alone.
    /// </summary>
    protected virtual void ResetOwnState(bool hardReset)
    {
    }

    /// <summary>Hands the inherited default text style down the tree; text blocks resolve their spans with it.</summary>
    internal virtual void ApplyTextStyle(TextStyle inherited)
    {
        foreach (var child in Children)
            child.ApplyTextStyle(inherited);
    }

    internal void ResetState(bool hardReset)
    {
        ResetOwnState(hardReset);
        foreach (var child in Children)
            child.ResetState(hardReset);
    }

    /// <summary>Every element below and including this one, depth first.</summary>
    internal IEnumerable<Element> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
            foreach (var descendant in child.DescendantsAndSelf())
                yield return descendant;
    }

    /// <summary>The chain from the page down to this element, for exception messages.</summary>
    internal string DescribePath()
    {
        var names = new List<string>();
        for (var element = this; element is not null; element = element.Parent)
        {
            var name = element.Describe();
            if (!string.IsNullOrEmpty(name))
                names.Add(name);
        }

        names.Reverse();
        return string.Join(" > ", names);
    }

    protected static string Points(float value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "pt";

    protected static bool Exceeds(float needed, float available) => needed > available + SpacePlan.Epsilon;

    protected static void DrawAt(Element child, float x, float y, SKSize size, RenderContext context)
    {
        var canvas = context.Canvas;
        canvas.Save();
        canvas.Translate(x, y);
        child.Draw(size, context);
        canvas.Restore();
    }
}

/// <summary>Holds nothing: the content of a container nobody filled. Takes no space.</summary>
internal sealed class EmptyElement : Element
{
    internal override SpacePlan Measure(SKSize available, RenderContext context) => SpacePlan.Empty;

    internal override void Draw(SKSize available, RenderContext context)
    {
    }

    internal override string Describe() => "";
}
