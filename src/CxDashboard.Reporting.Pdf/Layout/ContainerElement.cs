using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Layout;

/// <summary>An element that wraps exactly one child; by default it passes measure and draw straight through.</summary>
internal abstract class ContainerElement : Element, IContainer
{
    private Element? child;

    internal Element Child => child ?? EmptyChild;

    internal bool HasChild => child is not null;

    internal override IEnumerable<Element> Children => child is null ? [] : [child];

    private static readonly EmptyElement EmptyChild = new();

    internal TElement SetChild<TElement>(TElement element) where TElement : Element
    {
        if (child is not null)
        {
            throw new InvalidOperationException(
                $"'{DescribePath()}' already holds {child.Describe()}. A container takes one child: use Column(), Row() or Table() to place several.");
        }

        child = element;
        element.Parent = this;
        return element;
    }

    internal override SpacePlan Measure(SKSize available, RenderContext context) => Child.Measure(available, context);

    internal override void Draw(SKSize available, RenderContext context) => Child.Draw(available, context);
}

/// <summary>A named place for content (page header, a column item, a table cell); it only labels the path in errors.</summary>
internal sealed class Slot(string label) : ContainerElement
{
    internal override string Describe() => label;
}
