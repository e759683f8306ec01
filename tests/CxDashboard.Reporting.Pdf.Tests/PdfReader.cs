using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace CxDashboard.Reporting.Pdf.Tests;

/// <summary>Reads a generated PDF back with PdfPig, in top-down coordinates like the layout uses.</summary>
internal sealed class PdfReader : IDisposable
{
    private PdfReader(byte[] bytes)
    {
        Bytes = bytes;
        Document = PdfDocument.Open(bytes);
        Pages = Document.GetPages().ToList();
    }

    public byte[] Bytes { get; }

    public PdfDocument Document { get; }

    public IReadOnlyList<Page> Pages { get; }

    public static PdfReader Read(byte[] bytes)
    {
        SaveSampleIfAsked(bytes);
        return new PdfReader(bytes);
    }

    public static PdfReader Generate(Action<DocumentDescriptor> compose) => Read(Pdf.Document.Create(compose).GeneratePdf());

    /// <summary>Words of a page (1-based), with their boxes measured from the top-left of the page.</summary>
    public IReadOnlyList<PlacedWord> Words(int pageNumber)
    {
        var page = Pages[pageNumber - 1];
        return page.GetWords()
            .Select(word => new PlacedWord(
                word.Text,
                Left: word.BoundingBox.Left,
                Right: word.BoundingBox.Right,
                Top: page.Height - word.BoundingBox.Top,
                Baseline: page.Height - word.Letters[0].StartBaseLine.Y,
                FontName: word.Letters[0].FontName ?? "",
                FontSize: word.Letters[0].PointSize))
            .ToList();
    }

    /// <summary>The page's words joined by single spaces: easy to search for phrases.</summary>
    public string Text(int pageNumber) => string.Join(" ", Words(pageNumber).Select(word => word.Text));

    /// <summary>Pages (1-based) whose text contains <paramref name="phrase"/>.</summary>
    public IReadOnlyList<int> PagesContaining(string phrase) =>
        Enumerable.Range(1, Pages.Count).Where(page => Text(page).Contains(phrase, StringComparison.Ordinal)).ToList();

    /// <summary>Pages (1-based) with a word that is exactly <paramref name="text"/>.</summary>
    public IReadOnlyList<int> PagesWithWord(string text) =>
        Enumerable.Range(1, Pages.Count).Where(page => Words(page).Any(word => word.Text == text)).ToList();

    /// <summary>The single word with this exact text on the page.</summary>
    public PlacedWord Word(int pageNumber, string text) => Assert.Single(Words(pageNumber), word => word.Text == text);

    /// <summary>Words grouped into lines by baseline, top to bottom.</summary>
    public IReadOnlyList<IReadOnlyList<PlacedWord>> Lines(int pageNumber) =>
        Words(pageNumber)
            .GroupBy(word => Math.Round(word.Baseline, 1))
            .OrderBy(group => group.Key)
            .Select(group => (IReadOnlyList<PlacedWord>)group.OrderBy(word => word.Left).ToList())
            .ToList();

    public void Dispose() => Document.Dispose();

    /// <summary>Set PDF_SAMPLES_DIR to keep every generated PDF for a look with pdftoppm.</summary>
    private static void SaveSampleIfAsked(byte[] bytes)
    {
        var directory = Environment.GetEnvironmentVariable("PDF_SAMPLES_DIR");
        if (string.IsNullOrEmpty(directory))
            return;

        Directory.CreateDirectory(directory);
        var name = new System.Diagnostics.StackTrace().GetFrames()
            .Select(frame => frame.GetMethod())
            .FirstOrDefault(method => method?.DeclaringType?.Name.EndsWith("Tests", StringComparison.Ordinal) == true)?.Name ?? "sample";
        File.WriteAllBytes(Path.Combine(directory, $"{name}.pdf"), bytes);
    }
}

internal sealed record PlacedWord(string Text, double Left, double Right, double Top, double Baseline, string FontName, double FontSize);
