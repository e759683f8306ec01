using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>
/// The monthly leadership report on an existing database (the demo's, or a reference-load one): gathering its figures,
/// composing and drawing the PDF, and, side by side, headless Chromium printing the report's web version (the same
/// report model as HTML) to PDF.
/// </summary>
public sealed partial class ReportBenchmark : IBenchmark
{
    public string Name => "report";
    public string Usage => "--database FILE [--month YYYY-MM (default: the last whole month with contacts)] [--runs N (default 7)] [--work-dir DIR] [--no-chromium]";

    public async Task<int> RunAsync(BenchArguments arguments, TextWriter output)
    {
        var databaseFile = arguments.Value("--database") ?? throw new BenchArgumentException("--database FILE is required (e.g. src/CxDashboard.Web/App_Data/cxdashboard.db)");
        if (!File.Exists(databaseFile)) throw new BenchArgumentException($"--database: {databaseFile} does not exist");
        var runs = (int)arguments.Long("--runs", 7);
        var directory = arguments.Value("--work-dir") ?? Path.Combine(Path.GetTempPath(), "cxdashboard-bench");
        Directory.CreateDirectory(directory);

        using var database = await BenchDatabase.OpenAsync(Path.GetFullPath(databaseFile));
        var (contacts, month) = await database.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<CxDbContext>();
            var last = await db.Contacts.MaxAsync(c => (DateOnly?)c.LocalDate) ?? throw new BenchArgumentException("the database has no contacts");
            return (await db.Contacts.LongCountAsync(), new DateOnly(last.Year, last.Month, 1).AddMonths(-1));
        });
        if (arguments.Value("--month") is { } text && !ReportLibrary.TryParseMonth(text, out month))
            throw new BenchArgumentException($"--month: '{text}' is not a month (YYYY-MM)");
        var label = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        output.WriteLine($"Monthly report {label} from {databaseFile} ({contacts:N0} contacts), {runs} runs after one warm-up ({Environment.ProcessorCount} cores, .NET {Environment.Version})");

        // Warm-up: JIT, EF's compiled queries, fonts, ScottPlot.
        await GenerateAsync(database, month);

        var gathering = new List<double>();
        var rendering = new List<double>();
        GeneratedMonthlyReport? last = null;
        using (var memory = MemorySampler.Start())
        {
            for (var run = 0; run < runs; run++)
            {
                last = await GenerateAsync(database, month);
                gathering.Add(last.Gathering.TotalMilliseconds);
                rendering.Add(last.Rendering.TotalMilliseconds);
            }
            output.WriteLine($"  working set {Mb(memory.Baseline)} MB before, peak {Mb(memory.PeakBytes)} MB; peak managed heap {Mb(memory.PeakManagedBytes)} MB");
        }
        var pdfFile = Path.Combine(directory, $"cx-report-{label}.pdf");
        await File.WriteAllBytesAsync(pdfFile, last!.Pdf.Content);
        output.WriteLine($"  PDF: {last.Pdf.PageCount} pages, {last.Pdf.Content.Length / 1024.0:0} kB: {pdfFile}");
        output.WriteLine($"  figures from the database (query services): {Summary(gathering)}");
        output.WriteLine($"  wording and drawing the PDF (view, layout, charts, fonts): {Summary(rendering)}");
        output.WriteLine($"  together: {Summary(gathering.Zip(rendering, (g, r) => g + r).ToList())}");

        var htmlWatch = Stopwatch.StartNew();
        var html = MonthlyReportHtml.Write(last.View);
        var htmlMs = htmlWatch.Elapsed.TotalMilliseconds;
        var htmlFile = Path.Combine(directory, $"cx-report-{label}.html");
        await File.WriteAllTextAsync(htmlFile, html);
        output.WriteLine($"  web version (HTML with inline SVG charts): {htmlMs:0} ms to write, {html.Length / 1024.0:0} kB: {htmlFile}");

        if (arguments.Flag("--no-chromium")) return 0;
        var chromium = new List<double>();
        var chromiumPdf = Path.Combine(directory, $"cx-report-{label}-chromium.pdf");
        for (var run = 0; run < runs; run++)
        {
            var ms = PrintWithChromium(htmlFile, chromiumPdf);
            if (ms is null)
            {
                output.WriteLine("  chromium: not installed (/usr/bin/chromium), no comparison.");
                return 0;
            }
            chromium.Add(ms.Value);
        }
        output.WriteLine($"  headless Chromium printing the web version to PDF (process start included): {Summary(chromium)}; " +
                         $"{Pages(chromiumPdf)} pages, {new FileInfo(chromiumPdf).Length / 1024.0:0} kB: {chromiumPdf}");
        var ours = Median(rendering);
        output.WriteLine($"  ratio (medians, both from the same report model): Chromium takes {Median(chromium) / ours:0.0}× the time of our PDF drawing, " +
                         $"{(Median(chromium) + htmlMs) / ours:0.0}× counting the HTML it needs written first");
        return 0;
    }

    private static Task<GeneratedMonthlyReport> GenerateAsync(BenchDatabase database, DateOnly month) =>
        database.WithScopeAsync(services => services.GetRequiredService<MonthlyReportGenerator>().GenerateAsync(month));

    /// <summary>Milliseconds for one `chromium --headless --print-to-pdf`, or null when Chromium is not installed.</summary>
    private static double? PrintWithChromium(string htmlFile, string pdfFile)
    {
        const string executable = "/usr/bin/chromium";
        if (!File.Exists(executable)) return null;
        File.Delete(pdfFile);
        var profile = Path.Combine(Path.GetTempPath(), $"cxdashboard-bench-chromium-{Guid.NewGuid():N}");
        var watch = Stopwatch.StartNew();
        using (var process = Process.Start(new ProcessStartInfo(executable)
        {
            ArgumentList =
                   {
                       "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={profile}",
                       $"--print-to-pdf={pdfFile}", new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri,
                   },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!)
        {
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(pdfFile)) throw new InvalidOperationException($"chromium exited with {process.ExitCode} and no PDF");
        }
        var elapsed = watch.Elapsed.TotalMilliseconds;
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        return elapsed;
    }

    private static int Pages(string pdfFile) => PageObject().Matches(File.ReadAllText(pdfFile, System.Text.Encoding.Latin1)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Summary(IReadOnlyList<double> ms) =>
        $"median {Median(ms):0} ms (min {ms.Min():0}, max {ms.Max():0})";

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture);
}
