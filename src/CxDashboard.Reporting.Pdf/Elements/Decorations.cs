using CxDashboard.Reporting.Pdf.Layout;
using CxDashboard.Reporting.Pdf.Text;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Elements;

/// <summary>Empty space around the child.</summary>
internal sealed class Padding(float left, float top, float right, float bottom) : ContainerElement
{
    internal override string Describe() => $"Padding({left:0.#}, {top:0.#}, {right:0.#}, {bottom:0.#})";

    internal override SpacePlan Measure(SKSize available, RenderContext context)
    {
        var inner = new SKSize(available.Width - left - right, available.Height - top - bottom);
        if (inner.Width < -SpacePlan.Epsilon)
            return SpacePlan.Wrap(this, $"the padding needs {Points(left + right)} of width but only {Points(available.Width)} is available");
        if (inner.Height < -SpacePlan.Epsilon)
            return SpacePlan.Wrap(this, $"the padding needs {Points(top + bottom)} of height but only {Points(available.Height)} is available");

        var plan = Child.Measure(Clamp(inner), context);
        return plan.IsWrap ? plan : plan.WithSize(plan.Width + left + right, plan.Height + top + bottom);
    }

    internal override void Draw(SKSize available, RenderContext context)
    {
        var inner = Clamp(new SKSize(available.Width - left - right, available.Height - top - bottom));
        DrawAt(Child, left, top, inner, context);
    }

    private static SKSize Clamp(SKSize size) => new(Math.Max(0, size.Width), Math.Max(0, size.Height));
}

/// <summary>Fills the area the parent gives (not just the child's size), then draws the child on top.</summary>
internal sealed class Background(SKColor color) : ContainerElement
{
    internal override string Describe() => "Background";

    internal override void Draw(SKSize available, RenderContext context)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
        context.Canvas.DrawRect(0, 0, available.Width, available.Height, paint);
        Child.Draw(available, context);
    }
}

/// <summary>
/// Lines along the inside of the area's edges, drawn over the child. A border takes no space: add Padding inside it
/// to keep content off the line.
/// </summary>
internal sealed class Border(float left, float top, float right, float bottom, SKColor color) : ContainerElement
{
    internal override string Describe() => "Border";

    internal override void Draw(SKSize available, RenderContext context)
    {
        Child.Draw(available, context);

        // Filled rectangles rather than stroked lines: exact edges and clean corners at any thickness.
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
        var (width, height) = (available.Width, available.Height);
        if (top > 0)
            context.Canvas.DrawRect(0, 0, width, top, paint);
        if (bottom > 0)
            context.Canvas.DrawRect(0, height - bottom, width, bottom, paint);
        if (left > 0)
            context.Canvas.DrawRect(0, 0, left, height, paint);
        if (right > 0)
            context.Canvas.DrawRect(width - right, 0, right, height, paint);
    }
}

/// <summary>
/// Places the child, at its measured size, at a side or the centre of the area. An axis left unset keeps the full
/// area along that axis. AlignRight().AlignMiddle() builds one element, so both axes apply.
/// </summary>
internal sealed class Alignment : ContainerElement
{
    /// <summary>0 = left, 0.5 = centre, 1 = right; null = stretch.</summary>
    public float? Horizontal { get; set; }

    /// <summary>0 = top, 0.5 = middle, 1 = bottom; null = stretch.</summary>
    public float? Vertical { get; set; }

    internal override string Describe() => "Align";

    internal override void Draw(SKSize available, RenderContext context)
    {
        var plan = Child.Measure(available, context);
        if (plan.IsWrap)
            return;

        var width = Horizontal is null ? available.Width : plan.Width;
        var height = Vertical is null ? available.Height : plan.Height;
        var x = (available.Width - width) * (Horizontal ?? 0);
        var y = (available.Height - height) * (Vertical ?? 0);
        DrawAt(Child, x, y, new SKSize(width, height), context);
    }
}

/// <summary>Width/Height limits. A minimum the space cannot offer wraps to the next page; a maximum caps the child.</summary>
internal sealed class Constrained : ContainerElement
{
    public float? MinWidth { get; set; }
    public float? MaxWidth { get; set; }
    public float? MinHeight { get; set; }
    public float? MaxHeight { get; set; }

    internal override string Describe()
    {
        var parts = new List<string>();
        Describe(parts, "Width", MinWidth, MaxWidth);
        Describe(parts, "Height", MinHeight, MaxHeight);
        return string.Join(".", parts);
    }

    private static void Describe(List<string> parts, string name, float? min, float? max)
    {
        if (min is not null && min == max)
            parts.Add($"{name}({min:0.#})");
        else
        {
            if (min is not null)
                parts.Add($"Min{name}({min:0.#})");
            if (max is not null)
                parts.Add($"Max{name}({max:0.#})");
        }
    }

    internal override SpacePlan Measure(SKSize available, RenderContext context)
    {
        if (MinWidth is { } minWidth && Exceeds(minWidth, available.Width))
            return SpacePlan.Wrap(this, $"it needs {Points(minWidth)} of width but only {Points(available.Width)} is available");
        if (MinHeight is { } minHeight && Exceeds(minHeight, available.Height))
            return SpacePlan.Wrap(this, $"it needs {Points(minHeight)} of height but only {Points(available.Height)} is available");

        var space = ChildSpace(available);
        var plan = Child.Measure(space, context);
        if (plan.IsWrap)
            return plan;

        return plan.WithSize(
            Math.Min(Math.Max(plan.Width, MinWidth ?? 0), space.Width),
            Math.Min(Math.Max(plan.Height, MinHeight ?? 0), space.Height));
    }

    internal override void Draw(SKSize available, RenderContext context) => Child.Draw(ChildSpace(available), context);

    private SKSize ChildSpace(SKSize available) => new(
        Math.Min(MaxWidth ?? float.PositiveInfinity, available.Width),
        Math.Min(MaxHeight ?? float.PositiveInfinity, available.Height));
}

/// <summary>Claims all the offered width and/or height, whatever the child needs.</summary>
internal sealed class Extend(bool horizontal, bool vertical) : ContainerElement
{
    internal override string Describe() => "Extend";

    internal override SpacePlan Measure(SKSize available, RenderContext context)
    {
        var plan = Child.Measure(available, context);
        return plan.IsWrap
            ? plan
            : plan.WithSize(horizontal ? available.Width : plan.Width, vertical ? available.Height : plan.Height);
    }
}

/// <summary>Overrides the default text style for every text below it.</summary>
internal sealed class DefaultTextStyle(TextStyle style) : ContainerElement
{
    internal override string Describe() => "";

    internal override void ApplyTextStyle(TextStyle inherited) => Child.ApplyTextStyle(inherited.OverriddenBy(style));
}
