using System.Globalization;
using CxDashboard.Reporting.Pdf.Text;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Layout;

/// <summary>
/// Turns page templates into PDF pages. The document is laid out first on canvases that draw nothing, as often as it
/// takes for the page count to settle ("page X of Y" needs Y on page 1), then once more onto the PDF. Every layout
/// error is therefore found before a byte is written.
/// </summary>
internal static class DocumentRenderer
{
    /// <summary>A guard against layouts that never finish; far above any real report.</summary>
    internal const int MaxPages = 5_000;

    private const int MaxSettlingPasses = 4;

    /// <summary>Writes the document to <paramref name="output"/> and returns its page count.</summary>
    public static int Render(DocumentInfo info, IReadOnlyList<PageTemplate> templates, Stream output)
    {
        if (templates.Count == 0)
            throw new InvalidOperationException("The document has no pages: add one with doc.Page(page => ...).");

        foreach (var template in templates)
        {
            foreach (var root in template.Roots)
                root.ApplyTextStyle(template.DefaultTextStyle);
        }

        PassResult firstPass;
        using (var bundledFonts = FontSet.Bundled())
            firstPass = RunPass(templates, new DiscardingPages(), bundledFonts, totalPages: null);

        // The drawing pass uses fonts cut down to the characters the layout pass met; layout passes after this one
        // use them too, so the page count is settled with exactly the fonts that draw.
        using var fonts = FontSet.SubsetsFor(WithPrintableAscii(firstPass.UsedCodePoints));
        var totalPages = firstPass.PageCount;
        if (firstPass.PageCountWasUsed)
        {
            for (var pass = 0; pass < MaxSettlingPasses; pass++)
            {
                var settled = RunPass(templates, new DiscardingPages(), fonts, totalPages).PageCount;
                if (settled == totalPages)
                    break;
                totalPages = settled;
            }
        }

        using var document = SKDocument.CreatePdf(output, ToSkiaMetadata(info))
            ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document on the given stream.");
        try
        {
            var written = RunPass(templates, new PdfPages(document), fonts, totalPages).PageCount;
            document.Close();
            return written;
        }
        catch
        {
            document.Abort();
            throw;
        }
    }

    private sealed record PassResult(int PageCount, bool PageCountWasUsed, IReadOnlyList<HashSet<int>> UsedCodePoints);

    private static PassResult RunPass(IReadOnlyList<PageTemplate> templates, IPageSink pages, FontSet fonts, int? totalPages)
    {
        var context = new RenderContext(fonts, totalPages, isLayoutPass: pages is DiscardingPages);
        foreach (var root in templates.SelectMany(template => template.Roots))
            root.ResetState(hardReset: true);

        var pageNumber = 0;
        foreach (var template in templates)
        {
            bool contentFinished;
            do
            {
                pageNumber++;
                if (pageNumber > MaxPages)
                {
                    throw new PdfLayoutException(
                        $"The document passed {MaxPages} pages; some content never finishes laying out.")
                    { PageNumber = pageNumber };
                }

                context.PageNumber = pageNumber;
                context.Canvas = pages.BeginPage(template.Size);
                try
                {
                    contentFinished = RenderPage(template, context);
                }
                finally
                {
                    pages.EndPage();
                }
            }
            while (!contentFinished);
        }

        return new PassResult(pageNumber, context.PageCountWasUsed, context.UsedCodePoints);
    }

    /// <summary>Header on top, footer at the bottom, content in between. True when the content is finished.</summary>
    private static bool RenderPage(PageTemplate template, RenderContext context)
    {
        var width = template.Size.Width - template.MarginLeft - template.MarginRight;
        var height = template.Size.Height - template.MarginTop - template.MarginBottom;
        if (width <= 0 || height <= 0)
            throw new PdfLayoutException($"The margins leave no room on a {template.Size.Width:0.#} x {template.Size.Height:0.#} pt page.");

        var header = MeasureRepeated(template.Header, new SKSize(width, height), context);
        var footer = MeasureRepeated(template.Footer, new SKSize(width, height - header.Height), context);
        var content = new SKSize(width, height - header.Height - footer.Height);

        context.ForcePlacement = false;
        var plan = template.Content.Measure(content, context);
        if (plan.IsWrap)
        {
            // Nothing fits on this whole page: let blocks that prefer to move on split instead, or the content
            // would move from page to page forever.
            context.ForcePlacement = true;
            plan = template.Content.Measure(content, context);
        }

        if (plan.IsWrap)
            throw DoesNotFit(plan.Reason!, context.PageNumber, content);

        if (template.Background is { } background)
        {
            using var paint = new SKPaint { Color = background, Style = SKPaintStyle.Fill };
            context.Canvas.DrawRect(0, 0, template.Size.Width, template.Size.Height, paint);
        }

        // In reading order, so text extracts header first.
        DrawAt(template.Header, template.MarginLeft, template.MarginTop, new SKSize(width, header.Height), context);
        var progressBefore = context.Progress;
        DrawAt(template.Content, template.MarginLeft, template.MarginTop + header.Height, content, context);
        context.ForcePlacement = false;
        if (plan.IsPartial && context.Progress == progressBefore)
        {
            throw new PdfLayoutException(
                $"Page {context.PageNumber} was laid out without drawing any of the remaining content, so the document would never end.")
            { PageNumber = context.PageNumber };
        }

        DrawAt(template.Footer, template.MarginLeft, template.MarginTop + height - footer.Height, new SKSize(width, footer.Height), context);

        // Header and footer repeat: re-arm them for the next page.
        template.Header.ResetState(hardReset: false);
        template.Footer.ResetState(hardReset: false);
        return plan.IsFull;
    }

    private static SpacePlan MeasureRepeated(Slot slot, SKSize available, RenderContext context)
    {
        var plan = slot.Measure(new SKSize(available.Width, Math.Max(0, available.Height)), context);
        if (plan.IsFull)
            return plan;

        var why = plan.Reason?.Message ?? "it is taller than the page";
        var culprit = plan.Reason?.Culprit ?? slot;
        throw new PdfLayoutException(
            $"The page {slot.Describe().ToLowerInvariant()} must fit on one page, but '{culprit.Describe()}' does not: {why}. Element path: {culprit.DescribePath()}.")
        {
            ElementPath = culprit.DescribePath(),
            PageNumber = context.PageNumber,
        };
    }

    private static PdfLayoutException DoesNotFit(WrapReason reason, int pageNumber, SKSize content)
    {
        var path = reason.Culprit.DescribePath();
        return new PdfLayoutException(
            $"'{reason.Culprit.Describe()}' cannot be placed even on an empty page (page {pageNumber}, " +
            $"{content.Width.ToString("0.#", CultureInfo.InvariantCulture)} x {content.Height.ToString("0.#", CultureInfo.InvariantCulture)} pt for content): " +
            $"{reason.Message}. Element path: {path}.")
        {
            ElementPath = path,
            PageNumber = pageNumber,
        };
    }

    private static void DrawAt(Element element, float x, float y, SKSize size, RenderContext context)
    {
        context.Canvas.Save();
        context.Canvas.Translate(x, y);
        element.Draw(size, context);
        context.Canvas.Restore();
    }

    /// <summary>Digits and basic punctuation may first appear in the drawing pass (a page count of "12" after "9").</summary>
    private static List<HashSet<int>> WithPrintableAscii(IReadOnlyList<HashSet<int>> usedPerFace) =>
        usedPerFace
            .Select(used => used.Count == 0 ? used : [.. used, .. Enumerable.Range(0x20, 0x7F - 0x20)])
            .ToList();

    private static SKDocumentPdfMetadata ToSkiaMetadata(DocumentInfo info)
    {
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = info.Title;
        metadata.Author = info.Author;
        metadata.Subject = info.Subject;
        metadata.Keywords = info.Keywords;
        metadata.Creator = "CxDashboard";
        metadata.Producer = "CxDashboard.Reporting.Pdf (SkiaSharp)";

        // Skia writes the instant with the offset of the DateTime it gets; UTC keeps it unambiguous.
        metadata.Creation = info.CreationDate?.UtcDateTime;
        metadata.Modified = info.CreationDate?.UtcDateTime;
        return metadata;
    }

    private interface IPageSink
    {
        SKCanvas BeginPage(PageSize size);

        void EndPage();
    }

    /// <summary>Pages for layout passes: a canvas that keeps nothing.</summary>
    private sealed class DiscardingPages : IPageSink
    {
        private SKCanvas? canvas;

        public SKCanvas BeginPage(PageSize size)
        {
            canvas = new SKNoDrawCanvas((int)Math.Ceiling(size.Width), (int)Math.Ceiling(size.Height));
            return canvas;
        }

        public void EndPage()
        {
            canvas?.Dispose();
            canvas = null;
        }
    }

    private sealed class PdfPages(SKDocument document) : IPageSink
    {
        public SKCanvas BeginPage(PageSize size) => document.BeginPage(size.Width, size.Height);

        public void EndPage() => document.EndPage();
    }
}
