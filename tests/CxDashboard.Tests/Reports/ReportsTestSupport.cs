using System.Text.RegularExpressions;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig;

namespace CxDashboard.Tests.Reports;

public static class ReportFiles
{
    /// <summary>The PDF the report library holds for a month (YYYY-MM) in this test app's database.</summary>
    public static Task<byte[]> MonthlyPdfAsync(this CxAppFactory app, string month) => app.WithScopeAsync(async sp =>
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var db = sp.GetRequiredService<CxDbContext>();
        return await db.ReportLibraryFiles.Where(f => f.Entry!.Month == first).Select(f => f.Content).SingleAsync();
    });
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
        if (Environment.GetEnvironmentVariable("PDF_SAMPLES_DIR") is { Length: > 0 } keep)
        {
            // With PDF_SAMPLES_DIR set, a copy of every PDF read is kept there to look at (pdftoppm -png -r 60 …).
            Directory.CreateDirectory(keep);
            File.WriteAllBytes(Path.Combine(keep, $"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(pdf))[..12]}.pdf"), pdf);
        }
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
