using CxDashboard.Reporting.Pdf.Layout;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Elements;

internal enum RowItemKind
{
    Relative,
    Fixed,
    Auto,
}

internal sealed class RowItem(RowItemKind kind, float size, Slot slot)
{
    public RowItemKind Kind { get; } = kind;

    /// <summary>Weight for relative items, width in points for fixed ones, unused for auto.</summary>
    public float Size { get; } = size;

    public Slot Slot { get; } = slot;

    /// <summary>Drawn completely on an earlier page; on later pages it keeps its width but draws nothing.</summary>
    public bool Finished { get; set; }

    public float LastWidth { get; set; }
}

/// <summary>
/// Items side by side: fixed widths first, then auto items at their natural width, and relative items share what is
/// left by weight. Every item gets the row's full height, so backgrounds and borders line up.
/// </summary>
internal sealed class Row : Element
{
    public List<RowItem> Items { get; } = [];

    public float Spacing { get; set; }

    internal override IEnumerable<Element> Children => Items.Select(item => item.Slot);

    internal override string Describe() => "Row";

    protected override void ResetOwnState(bool hardReset)
    {
        foreach (var item in Items)
            item.Finished = false;
    }

    internal override SpacePlan Measure(SKSize available, RenderContext context)
    {
        if (Items.Count == 0)
            return SpacePlan.Empty;

        var (widths, wrap) = ItemWidths(available, context);
        if (wrap is not null)
            return wrap.Value;

        float height = 0;
        var anyPartial = false;
        for (var index = 0; index < Items.Count; index++)
        {
            if (Items[index].Finished)
                continue;

            var plan = Items[index].Slot.Measure(new SKSize(widths[index], available.Height), context);
            if (plan.IsWrap)
                return plan;
            height = Math.Max(height, plan.Height);
            anyPartial |= plan.IsPartial;
        }

        var width = widths.Sum() + Spacing * (Items.Count - 1);
        return anyPartial ? SpacePlan.PartialRender(width, height) : SpacePlan.FullRender(width, height);
    }

    internal override void Draw(SKSize available, RenderContext context)
    {
        var (widths, wrap) = ItemWidths(available, context);
        if (wrap is not null)
            return;

        var left = 0f;
        for (var index = 0; index < Items.Count; index++)
        {
            var item = Items[index];
            if (!item.Finished)
            {
                var size = new SKSize(widths[index], available.Height);
                var plan = item.Slot.Measure(size, context);
                DrawAt(item.Slot, left, 0, size, context);
                item.Finished = plan.IsFull;
                item.LastWidth = widths[index];
            }

            left += widths[index] + Spacing;
        }
    }

    private (float[] Widths, SpacePlan? Wrap) ItemWidths(SKSize available, RenderContext context)
    {
        var widths = new float[Items.Count];
        var fixedWidth = Items.Where(item => item.Kind == RowItemKind.Fixed).Sum(item => item.Size);
        var remaining = available.Width - fixedWidth - Spacing * (Items.Count - 1);
        if (remaining < -SpacePlan.Epsilon)
        {
            return (widths, SpacePlan.Wrap(this,
                $"its fixed items and spacing need {Points(available.Width - remaining)} of width but only {Points(available.Width)} is available"));
        }

        for (var index = 0; index < Items.Count; index++)
        {
            var item = Items[index];
            if (item.Kind == RowItemKind.Fixed)
            {
                widths[index] = item.Size;
            }
            else if (item.Kind == RowItemKind.Auto)
            {
                // A finished auto item keeps the width it had, so its neighbours do not re-flow on later pages.
                if (item.Finished)
                {
                    widths[index] = item.LastWidth;
                }
                else
                {
                    var plan = item.Slot.Measure(new SKSize(Math.Max(0, remaining), available.Height), context);
                    if (plan.IsWrap)
                        return (widths, plan);
                    widths[index] = plan.Width;
                }

                remaining -= widths[index];
            }
        }

        var totalWeight = Items.Where(item => item.Kind == RowItemKind.Relative).Sum(item => item.Size);
        for (var index = 0; index < Items.Count; index++)
        {
            if (Items[index].Kind == RowItemKind.Relative)
                widths[index] = Math.Max(0, remaining) * Items[index].Size / totalWeight;
        }

        return (widths, null);
    }
}
