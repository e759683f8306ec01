using CxDashboard.Reporting.Pdf.Layout;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Elements;

/// <summary>
/// Items stacked top to bottom with spacing between them. Items that fit are placed; the first one that only partly
/// fits ends the page and continues on the next, so long content flows over pages item by item.
/// </summary>
internal sealed class Column : Element
{
    private int firstPendingItem;

    public List<Slot> Items { get; } = [];

    public float Spacing { get; set; }

    internal override IEnumerable<Element> Children => Items;

    internal override string Describe() => "Column";

    protected override void ResetOwnState(bool hardReset) => firstPendingItem = 0;

    private readonly record struct Placement(Element Item, SpacePlan Plan, float Top);

    internal override SpacePlan Measure(SKSize available, RenderContext context)
    {
        if (firstPendingItem >= Items.Count)
            return SpacePlan.Empty;

        var (placements, wrap) = Plan(available, context);
        if (placements.Count == 0)
            return wrap!.Value;

        var last = placements[^1];
        var width = placements.Max(placement => placement.Plan.Width);
        var height = last.Top + last.Plan.Height;
        var finished = firstPendingItem + placements.Count(placement => placement.Plan.IsFull) == Items.Count;
        return finished ? SpacePlan.FullRender(width, height) : SpacePlan.PartialRender(width, height);
    }

    internal override void Draw(SKSize available, RenderContext context)
    {
        var (placements, _) = Plan(available, context);
        foreach (var placement in placements)
            DrawAt(placement.Item, 0, placement.Top, new SKSize(available.Width, placement.Plan.Height), context);

        var finishedItems = placements.Count(placement => placement.Plan.IsFull);
        firstPendingItem += finishedItems;
        if (finishedItems > 0)
            context.ReportProgress();
    }

    /// <summary>The items that go on this page and where; or, when not even the first fits, why.</summary>
    private (List<Placement> Placements, SpacePlan? Wrap) Plan(SKSize available, RenderContext context)
    {
        var placements = new List<Placement>();
        var bottom = 0f;
        var anyItemTakesSpace = false;
        for (var index = firstPendingItem; index < Items.Count; index++)
        {
            // Spacing goes between items that take space, not before the first or around empty ones.
            var top = anyItemTakesSpace ? bottom + Spacing : bottom;
            var space = new SKSize(available.Width, Math.Max(0, available.Height - top));
            var plan = Items[index].Measure(space, context);
            if (plan.IsWrap || (Exceeds(top, available.Height) && !plan.IsEmptySize))
            {
                LeaveNoItemKeptWithNextAtTheEnd(placements);
                return (placements, plan.IsWrap ? plan : SpacePlan.Wrap(Items[index], "no height is left on the page"));
            }

            if (plan.IsEmptySize)
                top = bottom;
            else
                anyItemTakesSpace = true;

            placements.Add(new Placement(Items[index], plan, top));
            bottom = top + plan.Height;
            if (plan.IsPartial)
                break;
        }

        return (placements, null);
    }

    /// <summary>
    /// The page ends before the next item: items kept with their next one (headings) leave the end of the page and
    /// move on with it, a chain of them included. The first item of a page always stays, so every page makes progress.
    /// </summary>
    private static void LeaveNoItemKeptWithNextAtTheEnd(List<Placement> placements)
    {
        while (placements.Count > 1 && placements[^1].Plan.IsFull && IsKeptWithNext(placements[^1].Item))
            placements.RemoveAt(placements.Count - 1);
    }

    private static bool IsKeptWithNext(Element item)
    {
        for (var element = item; element is ContainerElement container; element = container.Child)
        {
            if (element is KeepWithNext)
                return true;
            if (!container.HasChild)
                return false;
        }
        return false;
    }
}
