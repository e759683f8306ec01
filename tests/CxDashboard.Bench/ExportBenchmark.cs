using System.Diagnostics;
using System.Globalization;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Presentation;
using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>
/// Excel exports of many rows: a year of generated contacts imported through the real importer, then the raw contacts
/// export (18 columns a row) written by the streaming writer and, for comparison, by ClosedXML (the same
/// columns, formats, frozen header and filter), and the formatted KPI workbook of a long period (all teams, by default
/// three years: a daily sheet of 1,096 rows) through the streaming writer and, for comparison, ClosedXML. Each reports
/// its time, CPU and the peak memory sampled while it ran. Run one writer per process (--writer) for a peak not
/// inflated by the others.
/// </summary>
public sealed class ExportBenchmark : IBenchmark
{
    public string Name => "export";
    public string Usage => "[--rows N (default 100000)] [--writer streaming|spreadcheetah|closedxml|read|kpi-streaming|kpi-closedxml|all (default all)] [--kpi-years N (default 3)] [--work-dir DIR] [--keep]";

    public async Task<int> RunAsync(BenchArguments arguments, TextWriter output)
    {
        var rows = arguments.Long("--rows", 100_000);
        var writer = arguments.Value("--writer") ?? "all";
        if (writer is not ("streaming" or "spreadcheetah" or "closedxml" or "read" or "kpi-streaming" or "kpi-closedxml" or "all"))
            throw new BenchArgumentException($"--writer: '{writer}' is not streaming, spreadcheetah, closedxml, read, kpi-streaming, kpi-closedxml or all");
        var kpiYears = (int)arguments.Long("--kpi-years", 3);
        var directory = arguments.Value("--work-dir") ?? Path.Combine(Path.GetTempPath(), "cxdashboard-bench");
        Directory.CreateDirectory(directory);
        var contactsFile = Path.Combine(directory, $"export-contacts-{rows}.csv");
        var agentsFile = Path.Combine(directory, "export-agents.csv");
        var databaseFile = Path.Combine(directory, "export-bench.db");
        var outputs = new List<string>();

        try
        {
            SyntheticContactsFile.WriteAgents(agentsFile);
            SyntheticContactsFile.WriteContacts(contactsFile, rows);
            using var database = await BenchDatabase.CreateAsync(databaseFile);
            await ImportBenchmark.ImportAsync(database, ImportKind.Agents, agentsFile);
            var imported = Stopwatch.StartNew();
            await ImportBenchmark.ImportAsync(database, ImportKind.Contacts, contactsFile);
            output.WriteLine($"Imported {rows:N0} generated contacts (a year, 250 agents) in {imported.Elapsed.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores, .NET {Environment.Version}.");
            output.WriteLine();

            var from = new DateOnly(2025, 1, 1);
            var to = new DateOnly(2025, 12, 31);
            if (writer is "read" or "all")
                outputs.Add(await RawAsync(database, directory, from, to, "reading and formatting the rows only (no file)", _ => new ReadOnlyTableWriter(), output));
            if (writer is "streaming" or "all")
                outputs.Add(await RawAsync(database, directory, from, to, "streaming writer (StreamingXlsxWriter)", s => new StreamingXlsxWriter(s), output));
            if (writer is "spreadcheetah" or "all")
                outputs.Add(await RawAsync(database, directory, from, to, "SpreadCheetah 1.29.0 (same sheets)", s => new SpreadCheetahTableWriter(s), output));
            var kpiFrom = to.AddDays(1).AddYears(-kpiYears);
            if (writer is "kpi-streaming" or "all")
                outputs.Add(await KpiAsync(database, directory, kpiFrom, to, "streaming writer (StreamingXlsxWriter, as the app writes it)", s => new StreamingXlsxWriter(s), output));
            if (writer is "kpi-closedxml" or "all")
                outputs.Add(await KpiAsync(database, directory, kpiFrom, to, "ClosedXML (the same sheets built in memory)", s => new ClosedXmlTableWorkbookWriter(s), output));
            // Last: ClosedXML's workbook leaves the process's working set large after it.
            if (writer is "closedxml" or "all")
                outputs.Add(await RawAsync(database, directory, from, to, "ClosedXML (whole workbook in memory)", s => new ClosedXmlTableWorkbookWriter(s), output));
            return 0;
        }
        finally
        {
            if (!arguments.Flag("--keep"))
            {
                File.Delete(contactsFile);
                File.Delete(agentsFile);
                BenchDatabase.DeleteFiles(databaseFile);
                foreach (var file in outputs) File.Delete(file);
            }
        }
    }

    private static async Task<string> RawAsync(BenchDatabase database, string directory, DateOnly from, DateOnly to, string what,
        Func<Stream, ITableWorkbookWriter> writer, TextWriter output)
    {
        var path = Path.Combine(directory, $"export-bench-{Guid.NewGuid():N}.xlsx");
        RawExportResult result;
        var watch = Stopwatch.StartNew();
        using (var memory = MemorySampler.Start())
        {
            watch.Restart();
            result = await database.WithScopeAsync(async sp =>
            {
                await using var stream = File.Create(path);
                return await sp.GetRequiredService<RawExportService>().WriteAsync(RawExportKind.Contacts, from, to, DataScope.Everything, DocumentLanguage.Of("sv-SE"), stream, writer);
            });
            watch.Stop();
            memory.Dispose();
            output.WriteLine($"Raw contacts export, {what}:");
            output.WriteLine($"  {result.Rows:N0} rows in {watch.Elapsed.TotalSeconds:0.00} s = {result.Rows / watch.Elapsed.TotalSeconds:N0} rows/s " +
                             $"(CPU {memory.CpuUsed.TotalSeconds:0.00} s), {new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB; {MemoryLine(memory)}");
        }
        return path;
    }

    private static async Task<string> KpiAsync(BenchDatabase database, string directory, DateOnly from, DateOnly to, string what,
        Func<Stream, ITableWorkbookWriter> writer, TextWriter output)
    {
        var path = Path.Combine(directory, $"export-bench-kpi-{Guid.NewGuid():N}.xlsx");
        using var memory = MemorySampler.Start();
        var watch = Stopwatch.StartNew();
        await database.WithScopeAsync(async sp =>
        {
            await using var stream = File.Create(path);
            return await sp.GetRequiredService<KpiExportService>()
                .ForRequestAsync(new KpiRequest { From = from, To = to, AsOfUtc = new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc) }, DocumentLanguage.Of("sv-SE"), stream, writer);
        });
        watch.Stop();
        memory.Dispose();
        output.WriteLine($"KPI workbook, all teams, {from:yyyy-MM-dd} to {to:yyyy-MM-dd} ({to.DayNumber - from.DayNumber + 1:N0} days), {what}:");
        output.WriteLine($"  {watch.Elapsed.TotalSeconds:0.00} s (CPU {memory.CpuUsed.TotalSeconds:0.00} s), {new FileInfo(path).Length / 1024.0:N0} kB; {MemoryLine(memory)}");
        return path;
    }

    private static string MemoryLine(MemorySampler memory) =>
        $"working set {Mb(memory.Baseline)} MB before, peak {Mb(memory.PeakBytes)} MB (+{Mb(memory.PeakBytes - memory.Baseline)} MB); peak managed heap {Mb(memory.PeakManagedBytes)} MB";

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture);
}

/// <summary>Reads every row and computes every cell's value, and writes nothing: the export's cost without the workbook.</summary>
internal sealed class ReadOnlyTableWriter : ITableWorkbookWriter
{
    public long Cells { get; private set; }

    public async Task<long> AddSheetAsync<T>(string name, IReadOnlyList<XlColumn<T>> columns, IAsyncEnumerable<T> rows, XlSheetOptions<T>? options = null,
        CancellationToken ct = default)
    {
        long count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            count++;
            foreach (var column in columns)
                if (column.Value(row).Kind != XlValueKind.Empty) Cells++;
        }
        return count;
    }

    public void Complete()
    {
    }

    public void Dispose()
    {
    }
}
