using System.Diagnostics;
using System.Globalization;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>
/// Imports a generated contacts file into a fresh SQLite database through the real ImportService, then loads the same
/// file with the sqlite3 shell's .import into a bare table (no validation, no indexes) for comparison.
/// </summary>
public sealed class ImportBenchmark : IBenchmark
{
    public string Name => "import";
    public string Usage => "[--contacts N (default 1000000)] [--work-dir DIR] [--no-reimport] [--keep]";

    public async Task<int> RunAsync(BenchArguments arguments, TextWriter output)
    {
        var rows = arguments.Long("--contacts", 1_000_000);
        var directory = arguments.Value("--work-dir") ?? Path.Combine(Path.GetTempPath(), "cxdashboard-bench");
        Directory.CreateDirectory(directory);
        var contactsFile = Path.Combine(directory, $"contacts-{rows}.csv");
        var agentsFile = Path.Combine(directory, "agents.csv");
        var databaseFile = Path.Combine(directory, "import-bench.db");
        var bareFile = Path.Combine(directory, "sqlite3-import.db");

        try
        {
            var generation = Stopwatch.StartNew();
            SyntheticContactsFile.WriteAgents(agentsFile);
            SyntheticContactsFile.WriteContacts(contactsFile, rows);
            var megabytes = new FileInfo(contactsFile).Length / 1024.0 / 1024.0;
            output.WriteLine($"Generated {rows:N0} contacts ({megabytes:0.0} MB) in {generation.Elapsed.TotalSeconds:0.0} s: {contactsFile}");

            using var database = await BenchDatabase.CreateAsync(databaseFile);
            await ImportAsync(database, ImportKind.Agents, agentsFile);

            output.WriteLine();
            output.WriteLine($"Import into a fresh database ({Environment.ProcessorCount} cores, .NET {Environment.Version}):");
            var (first, firstMemory) = await MeasureAsync(database, contactsFile);
            Report(output, "first import", first, firstMemory);
            if (!arguments.Flag("--no-reimport"))
            {
                var (again, againMemory) = await MeasureAsync(database, contactsFile);
                Report(output, "re-import (unchanged)", again, againMemory);
            }

            output.WriteLine();
            var bare = Sqlite3Import(bareFile, contactsFile);
            if (bare is { } seconds)
            {
                output.WriteLine($"  sqlite3 .import --csv into a bare table: {seconds:0.00} s, {rows / seconds:N0} rows/s");
                output.WriteLine($"  ratio: the importer takes {first.Duration.TotalSeconds / seconds:0.0}× the time of sqlite3 .import " +
                                 $"({first.RowsPerSecond / (rows / seconds) * 100:0} % of its rate)");
            }
            else
            {
                output.WriteLine("  sqlite3 .import: the sqlite3 shell is not installed (apt-get install sqlite3), no comparison.");
            }
            return 0;
        }
        finally
        {
            if (!arguments.Flag("--keep"))
            {
                File.Delete(contactsFile);
                File.Delete(agentsFile);
                BenchDatabase.DeleteFiles(databaseFile);
                BenchDatabase.DeleteFiles(bareFile);
            }
        }
    }

    private static async Task<(ImportResult Result, Measured Measured)> MeasureAsync(BenchDatabase database, string file)
    {
        using var memory = MemorySampler.Start();
        var stopwatch = Stopwatch.StartNew();
        // Without a job server (as in the CLI) the import's listeners run before it returns: the rebuild of the rollups
        // it left pending, and flagging. The import itself ends at its commit (result.Duration).
        var result = await ImportAsync(database, ImportKind.Contacts, file);
        return (result, new Measured(memory, stopwatch.Elapsed));
    }

    private sealed record Measured(MemorySampler Memory, TimeSpan WithAfterwork);

    internal static async Task<ImportResult> ImportAsync(BenchDatabase database, ImportKind kind, string file)
    {
        var result = await database.WithScopeAsync(async services =>
        {
            await using var stream = File.OpenRead(file);
            return await services.GetRequiredService<ImportService>().ImportFileAsync(kind, stream, new ImportOptions());
        });
        if (!result.WroteData && result.Unchanged != result.Rows)
            throw new InvalidOperationException($"The {kind.Code()} import failed: {result.FileError}{string.Join("; ", result.Errors.Take(5))}");
        return result;
    }

    private static void Report(TextWriter output, string what, ImportResult result, Measured measured)
    {
        var memory = measured.Memory;
        output.WriteLine($"  {what}: {result.Rows:N0} rows ({result.Inserted:N0} inserted, {result.Updated:N0} updated, {result.Unchanged:N0} unchanged) " +
                         $"committed in {result.Duration.TotalSeconds:0.00} s = {result.RowsPerSecond:N0} rows/s");
        var afterwork = measured.WithAfterwork - result.Duration;
        output.WriteLine($"    then {(result.RollupsPending ? "the KPI rollups of its days rebuilt and " : "")}flagging: {afterwork.TotalSeconds:0.00} s; " +
                         $"all: {measured.WithAfterwork.TotalSeconds:0.00} s = {result.Rows / measured.WithAfterwork.TotalSeconds:N0} rows/s " +
                         $"(CPU {memory.CpuUsed.TotalSeconds:0.00} s = {result.Rows / memory.CpuUsed.TotalSeconds:N0} rows per CPU second)");
        output.WriteLine($"    working set: {Mb(memory.Baseline)} MB before, peak {Mb(memory.PeakBytes)} MB during; peak managed heap {Mb(memory.PeakManagedBytes)} MB");
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>Seconds for sqlite3's own CSV import of the file into a fresh file with a bare table, or null without sqlite3.</summary>
    private static double? Sqlite3Import(string databaseFile, string csvFile)
    {
        BenchDatabase.DeleteFiles(databaseFile);
        var header = File.ReadLines(csvFile).First().Split(',');
        var create = $"CREATE TABLE bare_table ({string.Join(", ", header)});";
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var process = Process.Start(new ProcessStartInfo("sqlite3")
            {
                ArgumentList = { databaseFile, create, $".import --csv --skip 1 {csvFile} bare_table" },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"sqlite3 failed: {errors}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        return stopwatch.Elapsed.TotalSeconds;
    }
}
