using System.Text.RegularExpressions;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Cli;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CxDashboard.Tests.Reports;

/// <summary>The app with its own reports folder (deleted afterwards), so tests never write into the repository's reports/.</summary>
public class ReportsAppFactory : CxAppFactory
{
    public string ReportsDirectory { get; } = Path.Combine(Path.GetTempPath(), $"cxdashboard-reports-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reports:Directory", ReportsDirectory);
    }

    public string MonthlyFile(string month) => Path.Combine(ReportsDirectory, "monthly", $"cx-report-{month}.pdf");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(ReportsDirectory, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}

/// <summary>The same, with Hangfire's job server running, for tests of the job's wiring.</summary>
public sealed class ReportsAppWithJobServerFactory : ReportsAppFactory
{
    protected override bool RunJobServer => true;
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

public static class ReportCli
{
    /// <summary>Runs the CLI in-process against the app's database and reports folder.</summary>
    public static async Task<CliRun> RunAsync(ReportsAppFactory app, DateTimeOffset now, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliContext
        {
            Out = output,
            Error = error,
            Clock = new FakeTimeProvider(now),
            ConfigurationOverrides = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Cx"] = app.ConnectionString,
                ["Reports:Directory"] = app.ReportsDirectory,
            },
        });
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
