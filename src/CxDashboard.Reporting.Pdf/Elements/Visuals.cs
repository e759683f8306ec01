using CxDashboard.Reporting.Pdf.Layout;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Elements;

/// <summary>A PNG/JPEG picture, scaled with its aspect ratio kept.</summary>
internal sealed class ImageElement(SKImage image, ImageScaling scaling, bool ownsImage) : Element, IDisposable
{
    internal override string Describe() => $"Image({image.Width}x{image.Height}px)";

    internal override SpacePlan Measure(SKSize available, RenderContext context)
    {
        var size = ScaledSize(available, context.ForcePlacement);
        if (Exceeds(size.Height, available.Height))
        {
            return SpacePlan.Wrap(this,
                $"at the full width of {Points(available.Width)} the image is {Points(size.Height)} tall but only {Points(available.Height)} is available");
        }

        if (size.Width < SpacePlan.Epsilon || size.Height < SpacePlan.Epsilon)
            return SpacePlan.Wrap(this, "there is no room to draw the image");

        return SpacePlan.FullRender(size.Width, size.Height);
    }

    internal override void Draw(SKSize available, RenderContext context)
    {
        if (context.IsLayoutPass)
            return;

        var size = ScaledSize(available, context.ForcePlacement);
        using var paint = new SKPaint { IsAntialias = true };
        context.Canvas.DrawImage(image, new SKRect(0, 0, size.Width, size.Height), new SKSamplingOptions(SKCubicResampler.Mitchell), paint);
    }

    /// <summary>Fit-width images move to the next page when too tall; on an otherwise empty page they shrink to fit.</summary>
    private SKSize ScaledSize(SKSize available, bool forcePlacement)
    {
        var aspect = (float)image.Width / image.Height;
        var fitWidth = new SKSize(available.Width, available.Width / aspect);
        var fitArea = fitWidth.Height <= available.Height ? fitWidth : new SKSize(available.Height * aspect, available.Height);
        return scaling == ImageScaling.FitArea || forcePlacement ? fitArea : fitWidth;
    }

    public void Dispose()
    {
        if (ownsImage)
            image.Dispose();
    }
}

/// <summary>
/// Free drawing on the PDF canvas in the element's rectangle (clipped to it). Takes all the space it is offered, so
/// give it a size with Height()/Width().
/// </summary>
internal class CanvasElement(Action<SKCanvas, SKSize> draw) : Element
{
    internal override string Describe() => "Canvas";

    internal override SpacePlan Measure(SKSize available, RenderContext context) =>
        available.Width < 1 || available.Height < 1
            ? SpacePlan.Wrap(this, $"it needs some room to draw but only {Points(available.Width)} x {Points(available.Height)} is available")
            : SpacePlan.FullRender(available.Width, available.Height);

    internal override void Draw(SKSize available, RenderContext context)
    {
        // Drawing user content in layout passes would only cost time: nothing is kept.
        if (context.IsLayoutPass)
            return;

        var canvas = context.Canvas;
        canvas.Save();
        canvas.ClipRect(new SKRect(0, 0, available.Width, available.Height));
        draw(canvas, available);
        canvas.Restore();
    }
}

/// <summary>A horizontal or vertical rule across the offered width or height.</summary>
internal sealed class LineElement(bool horizontal, float thickness, SKColor color) : Element
{
    internal override string Describe() => horizontal ? "LineHorizontal" : "LineVertical";

    internal override SpacePlan Measure(SKSize available, RenderContext context)
    {
        var needed = horizontal ? available.Height : available.Width;
        if (Exceeds(thickness, needed))
            return SpacePlan.Wrap(this, $"the line is {Points(thickness)} thick but only {Points(needed)} is available");
        return horizontal
            ? SpacePlan.FullRender(available.Width, thickness)
            : SpacePlan.FullRender(thickness, available.Height);
    }

    internal override void Draw(SKSize available, RenderContext context)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
        if (horizontal)
            context.Canvas.DrawRect(0, 0, available.Width, thickness, paint);
        else
            context.Canvas.DrawRect(0, 0, thickness, available.Height, paint);
    }
}
