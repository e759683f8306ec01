using CxDashboard.Reporting.Pdf.Layout;

namespace CxDashboard.Reporting.Pdf;

/// <summary>
/// A PDF document described by a compose callback:
/// <code>
/// Document.Create(doc =>
/// {
///     doc.Metadata("CX-rapport mars 2026", "CxDashboard", creationDate: timeProvider.GetUtcNow());
///     doc.Page(page =>
///     {
///         page.Size(PageSizes.A4).Margin(36).DefaultText(t => t.FontSize(10));
///         page.Content().Text("Hej");
///     });
/// }).GeneratePdf(stream);
/// </code>
/// The callback runs on every Generate call, so one Document can be generated many times.
/// </summary>
public sealed class Document
{
    private readonly Action<DocumentDescriptor> compose;

    private Document(Action<DocumentDescriptor> compose) => this.compose = compose;

    public static Document Create(Action<DocumentDescriptor> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        return new Document(compose);
    }

    public byte[] GeneratePdf()
    {
        using var stream = new MemoryStream();
        GeneratePdf(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Lays the document out and writes the PDF; returns the number of pages written. Layout problems (content that
    /// can never fit) throw <see cref="PdfLayoutException"/> before anything is written to <paramref name="stream"/>.
    /// </summary>
    public int GeneratePdf(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var descriptor = new DocumentDescriptor();
        compose(descriptor);
        try
        {
            return DocumentRenderer.Render(descriptor.Info, descriptor.Pages, stream);
        }
        finally
        {
            // Images decoded from bytes belong to the element tree built for this call.
            foreach (var disposable in descriptor.Pages.SelectMany(page => page.Roots).SelectMany(root => root.DescendantsAndSelf()).OfType<IDisposable>())
                disposable.Dispose();
        }
    }
}

/// <summary>Document-level settings and pages, given to the <see cref="Document.Create"/> callback.</summary>
public sealed class DocumentDescriptor
{
    internal DocumentInfo Info { get; private set; } = new(null, null, null, null, null);

    internal List<PageTemplate> Pages { get; } = [];

    internal DocumentDescriptor()
    {
    }

    /// <summary>
    /// Title, author and subject shown by PDF readers. <paramref name="creationDate"/> is written as given (pass the
    /// time from a TimeProvider); without it the PDF has no creation date, so output never depends on the clock.
    /// </summary>
    public DocumentDescriptor Metadata(string title, string author, string? subject = null, DateTimeOffset? creationDate = null, string? keywords = null)
    {
        Info = new DocumentInfo(title, author, subject, keywords, creationDate);
        return this;
    }

    /// <summary>
    /// A run of pages sharing size, margins, header and footer; its content flows over as many pages as it needs.
    /// Several calls make several runs, each starting on a new page; page numbers continue across them.
    /// </summary>
    public DocumentDescriptor Page(Action<PageDescriptor> compose)
    {
        var template = new PageTemplate(Pages.Count + 1);
        compose(new PageDescriptor(template));
        Pages.Add(template);
        return this;
    }
}

internal sealed record DocumentInfo(string? Title, string? Author, string? Subject, string? Keywords, DateTimeOffset? CreationDate);
