using CxDashboard.Reporting.Pdf.Layout;
using ScottPlot;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Elements;

/// <summary>
/// A ScottPlot 5 plot drawn straight onto the PDF canvas, so lines stay vectors and labels stay text. Like Canvas it
/// takes all the space it is offered: give it a Height().
/// </summary>
internal sealed class ChartElement : Element
{
    private readonly Action<Plot>? configure;
    private readonly Func<Plot>? create;
    private readonly Plot? plot;

    public ChartElement(Action<Plot> configure) => this.configure = configure;

    public ChartElement(Func<Plot> create) => this.create = create;

    public ChartElement(Plot plot) => this.plot = plot;

    internal override string Describe() => "Chart";

    internal override SpacePlan Measure(SKSize available, RenderContext context) =>
        available.Width < 1 || available.Height < 1
            ? SpacePlan.Wrap(this, $"it needs some room to draw but only {Points(available.Width)} x {Points(available.Height)} is available")
            : SpacePlan.FullRender(available.Width, available.Height);

    internal override void Draw(SKSize available, RenderContext context)
    {
        if (context.IsLayoutPass)
            return;

        // A plot built here (empty and configured, or from the factory) is ours to dispose; one handed in belongs to the caller.
        using var ownPlot = plot is not null ? null : create is not null ? create() : new Plot();
        var target = plot ?? ownPlot!;
        configure?.Invoke(target);

        ChartLegends.Style(target);
        ChartFonts.Apply(target);
        target.RenderManager.ClearCanvasBeforeEachRender = false;
        var area = new PixelRect(0, available.Width, available.Height, 0);

        // ScottPlot re-renders until its auto-scaled axis limits settle; on a PDF canvas every extra render would
        // stay in the file as a second copy. Settle them on a canvas that draws nothing first.
        using (var settle = new SKNoDrawCanvas((int)Math.Ceiling(available.Width), (int)Math.Ceiling(available.Height)))
            target.Render(settle, area);

        var canvas = context.Canvas;
        canvas.Save();
        canvas.ClipRect(new SKRect(0, 0, available.Width, available.Height));
        target.Render(canvas, area);
        canvas.Restore();
    }
}
