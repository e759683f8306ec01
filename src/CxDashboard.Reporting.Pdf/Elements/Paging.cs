using CxDashboard.Reporting.Pdf.Layout;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Elements;

/// <summary>
/// Keeps a block on one page: if it would be split, it moves whole to the next page. A block taller than a whole
/// page cannot be kept together; it then starts on a fresh page and flows over as usual instead of failing.
/// </summary>
internal sealed class KeepTogether : ContainerElement
{
    private bool startedSplitting;

    internal override string Describe() => "KeepTogether";

    protected override void ResetOwnState(bool hardReset) => startedSplitting = false;

    internal override SpacePlan Measure(SKSize available, RenderContext context)
    {
        var plan = Child.Measure(available, context);
        if (plan.IsPartial && !startedSplitting && !context.ForcePlacement)
            return SpacePlan.Wrap(this, $"the block does not fit in the {Points(available.Height)} left on the page");
        return plan;
    }

    internal override void Draw(SKSize available, RenderContext context)
    {
        if (Child.Measure(available, context).IsPartial)
            startedSplitting = true;
        Child.Draw(available, context);
    }
}

/// <summary>
/// Marks a column item (a heading, a lead-in line) that must not end a page: when nothing of the item after it fits
/// below it, the column moves it to the next page together with that item. The column does the work (it alone sees
/// the next item); on its own this passes through.
/// </summary>
internal sealed class KeepWithNext : ContainerElement
{
    internal override string Describe() => "KeepWithNext";
}

/// <summary>Like KeepTogether, but strict: content that can never be drawn whole is a layout error.</summary>
internal sealed class ShowEntire : ContainerElement
{
    internal override string Describe() => "ShowEntire";

    internal override SpacePlan Measure(SKSize available, RenderContext context)
    {
        var plan = Child.Measure(available, context);
        return plan.IsPartial
            ? SpacePlan.Wrap(this, $"the content must be shown entire but does not fit in {Points(available.Height)}")
            : plan;
    }
}

/// <summary>Content drawn only the first time, e.g. a note in a page header that should not repeat.</summary>
internal sealed class ShowOnce : ContainerElement
{
    private bool shown;

    internal override string Describe() => "ShowOnce";

    // A soft reset (repeating header) must not bring it back.
    protected override void ResetOwnState(bool hardReset)
    {
        if (hardReset)
            shown = false;
    }

    internal override SpacePlan Measure(SKSize available, RenderContext context) =>
        shown ? SpacePlan.Empty : Child.Measure(available, context);

    internal override void Draw(SKSize available, RenderContext context)
    {
        if (shown)
            return;

        var fullyDrawn = Child.Measure(available, context).IsFull;
        Child.Draw(available, context);
        shown = fullyDrawn;
    }
}

/// <summary>Ends the page: the first time it is reached it asks for a new page; after that it takes no space.</summary>
internal sealed class PageBreak : Element
{
    private bool passed;

    internal override string Describe() => "PageBreak";

    protected override void ResetOwnState(bool hardReset) => passed = false;

    internal override SpacePlan Measure(SKSize available, RenderContext context) =>
        passed ? SpacePlan.Empty : SpacePlan.PartialRender(0, 0);

    internal override void Draw(SKSize available, RenderContext context)
    {
        if (passed)
            return;
        passed = true;
        context.ReportProgress();
    }
}
