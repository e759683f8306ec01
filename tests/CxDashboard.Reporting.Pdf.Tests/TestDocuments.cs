namespace CxDashboard.Reporting.Pdf.Tests;

/// <summary>Small documents for tests: A4, 50 pt margins, 10 pt text unless a test says otherwise.</summary>
internal static class TestDocuments
{
    public const float Margin = 50;

    // The PDF backend rounds page sizes to whole points: A4 is 595 x 842.
    public const float PageWidth = 595;

    public const float PageHeight = 842;

    public const float ContentWidth = PageWidth - 2 * Margin;

    public const float ContentHeight = PageHeight - 2 * Margin;

    public static PdfReader Content(Action<IContainer> content, Action<PageDescriptor>? page = null) =>
        PdfReader.Generate(doc => doc.Page(p =>
        {
            p.Size(PageSizes.A4).Margin(Margin).DefaultText(t => t.FontSize(10));
            page?.Invoke(p);
            content(p.Content());
        }));

    /// <summary>Numbered sentences: "Mening 1 om kundupplevelse och återkoppling." ...</summary>
    public static string Paragraph(int sentences) =>
        string.Join(" ", Enumerable.Range(1, sentences).Select(index => $"Mening {index} om kundupplevelse och återkoppling."));
}
