using System.Text.RegularExpressions;
using CxDashboard.Tests.Infrastructure;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig;

namespace CxDashboard.Tests.Reports;

public static class ReportFiles
{
    /// <summary>Where the library keeps a month's report in this test app's reports folder.</summary>
    public static string MonthlyFile(this CxAppFactory app, string month) => Path.Combine(app.ReportsDirectory, "monthly", $"cx-report-{month}.pdf");
}

/// <summary>A generated PDF read back: its text per page in drawing order, spaces (incl. no-break spaces and line breaks) collapsed.</summary>
public sealed class PdfText
{
    private PdfText(IReadOnlyList<string> pages, string? title)
    {
        Pages = pages;
        Title = title;
    }

    public IReadOnlyList<string> Pages { get; }
    public string? Title { get; }
    public string All => string.Join(" ", Pages);

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        // In drawing order, so a tile's or a table cell's lines stay together (word extraction would interleave columns).
        var pages = document.GetPages().Select(page => Normalise(ContentOrderTextExtractor.GetText(page))).ToList();
        return new PdfText(pages, document.Information.Title);
    }

    /// <summary>Reads a PDF file; with PDF_SAMPLES_DIR set, keeps a copy there to look at (pdftoppm -png -r 60 …).</summary>
    public static PdfText Read(string path)
    {
        var keep = Environment.GetEnvironmentVariable("PDF_SAMPLES_DIR");
        if (!string.IsNullOrEmpty(keep))
        {
            Directory.CreateDirectory(keep);
            File.Copy(path, Path.Combine(keep, Path.GetFileName(path)), overwrite: true);
        }
        return Read(File.ReadAllBytes(path));
    }

    public static string Normalise(string text) => Regex.Replace(text.Replace('\u00a0', ' '), @"\s+", " ").Trim();
}
