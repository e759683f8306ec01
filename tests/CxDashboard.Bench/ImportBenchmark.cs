using System.Diagnostics;
using System.Globalization;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Bench;

/// <summary>
/// Imports a generated contacts file into a fresh database through the real ImportService, then loads the same file into
/// a bare table (no validation, no indexes) with the database's own bulk load for comparison: the sqlite3 shell's .import
/// on SQLite, psql's \copy on PostgreSQL (<c>--provider postgres</c>).
/// </summary>
public sealed class ImportBenchmark : IBenchmark
{
    public string Name => "import";
    public string Usage => "[--contacts N (default 1000000)] [--provider sqlite|postgres [--postgres CONNECTION-STRING]] [--work-dir DIR] [--no-reimport] [--keep]";

    private const string PostgresDatabase = "cx_bench_import", PostgresBareDatabase = "cx_bench_bare";

    public async Task<int> RunAsync(BenchArguments arguments, TextWriter output)
    {
        var rows = arguments.Long("--contacts", 1_000_000);
        var directory = arguments.Value("--work-dir") ?? Path.Combine(Path.GetTempPath(), "cxdashboard-bench");
        Directory.CreateDirectory(directory);
        var contactsFile = Path.Combine(directory, $"contacts-{rows}.csv");
        var agentsFile = Path.Combine(directory, "agents.csv");
        var databaseFile = Path.Combine(directory, "import-bench.db");
        var bareFile = Path.Combine(directory, "sqlite3-import.db");
        var postgres = BenchDatabase.OnPostgres(arguments) ? BenchDatabase.PostgresServer(arguments) : null;

        try
        {
            var generation = Stopwatch.StartNew();
            SyntheticContactsFile.WriteAgents(agentsFile);
            SyntheticContactsFile.WriteContacts(contactsFile, rows);
            var megabytes = new FileInfo(contactsFile).Length / 1024.0 / 1024.0;
            output.WriteLine($"Generated {rows:N0} contacts ({megabytes:0.0} MB) in {generation.Elapsed.TotalSeconds:0.0} s: {contactsFile}");

            using var database = postgres is null
                ? await BenchDatabase.CreateAsync(databaseFile)
                : await BenchDatabase.CreatePostgresAsync(postgres, PostgresDatabase);
            await ImportAsync(database, ImportKind.Agents, agentsFile);

            output.WriteLine();
            output.WriteLine($"Import into a fresh {database.Provider} database ({Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}):");
            var (first, firstMemory) = await MeasureAsync(database, contactsFile);
            Report(output, "first import", first, firstMemory);
            if (!arguments.Flag("--no-reimport"))
            {
                var (again, againMemory) = await MeasureAsync(database, contactsFile);
                Report(output, "re-import (unchanged)", again, againMemory);
            }

            output.WriteLine();
            var (tool, bare) = postgres is null
                ? ("sqlite3 .import --csv", Sqlite3Import(bareFile, contactsFile))
                : ("psql \\copy", await PsqlCopyAsync(postgres, contactsFile));
            if (bare is { } seconds)
            {
                output.WriteLine($"  {tool} into a bare table: {seconds:0.00} s, {rows / seconds:N0} rows/s");
                output.WriteLine($"  ratio: the importer takes {first.Duration.TotalSeconds / seconds:0.0}× the time of {tool} " +
                                 $"({first.RowsPerSecond / (rows / seconds) * 100:0} % of its rate); with its afterwork {firstMemory.WithAfterwork.TotalSeconds / seconds:0.0}×");
            }
            else
            {
                output.WriteLine($"  {tool}: the tool is not installed (apt-get install {(postgres is null ? "sqlite3" : "postgresql-client")}), no comparison.");
            }
            output.WriteLine($"  load average at the end: {LoadAverage()}");
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
                if (postgres is not null)
                {
                    await BenchDatabase.DropPostgresAsync(postgres, PostgresDatabase);
                    await BenchDatabase.DropPostgresAsync(postgres, PostgresBareDatabase);
                }
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

    /// <summary>The 1-, 5- and 15-minute load averages (the machine may be shared: numbers measured under load are noisy).</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>
    /// Seconds for psql's \copy of the CSV into a bare table (text columns, no indexes) in a fresh database on the same
    /// server, or null without psql.
    /// </summary>
    private static async Task<double?> PsqlCopyAsync(string server, string csvFile)
    {
        await BenchDatabase.DropPostgresAsync(server, PostgresBareDatabase);
        await using (var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{PostgresBareDatabase}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = PostgresBareDatabase };
        var header = File.ReadLines(csvFile).First().Split(',');
        var start = new ProcessStartInfo("psql")
        {
            ArgumentList =
            {
                "-v", "ON_ERROR_STOP=1", "-h", settings.Host!, "-p", settings.Port.ToString(CultureInfo.InvariantCulture), "-U", settings.Username!,
                "-d", PostgresBareDatabase,
                "-c", $"CREATE TABLE bare_table ({string.Join(", ", header.Select(h => $"\"{h}\" text"))})",
                "-c", $"\\copy bare_table FROM '{csvFile}' WITH (FORMAT csv, HEADER true)",
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        if (settings.Password is { } password) start.Environment["PGPASSWORD"] = password;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"psql failed: {errors}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        return stopwatch.Elapsed.TotalSeconds;
    }

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
