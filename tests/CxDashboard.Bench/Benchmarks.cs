namespace CxDashboard.Bench;

/// <summary>One benchmark: a verb with its own options, printing what it measured.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Usage { get; }
    Task<int> RunAsync(BenchArguments arguments, TextWriter output);
}

public static class Benchmarks
{
    public static readonly IReadOnlyList<IBenchmark> All =
    [
        new ImportBenchmark(),
        new DashboardBenchmark(),
        new ExportBenchmark(),
        new ReportBenchmark(),
        new LoadBenchmark(),
    ];
}

public static class BenchmarkRunner
{
    public static async Task<int> RunAsync(string[] args, IReadOnlyList<IBenchmark> benchmarks)
    {
        var benchmark = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
        if (benchmark is null)
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project tests/CxDashboard.Bench -- BENCHMARK [options]");
            foreach (var b in benchmarks) Console.Error.WriteLine($"  {b.Name} {b.Usage}");
            return 2;
        }
        try
        {
            return await benchmark.RunAsync(new BenchArguments(args[1..]), Console.Out);
        }
        catch (BenchArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine($"usage: {benchmark.Name} {benchmark.Usage}");
            return 2;
        }
    }
}

public sealed class BenchArgumentException(string message) : Exception(message);

/// <summary>--name value options and --flag switches.</summary>
public sealed class BenchArguments(string[] args)
{
    public long Long(string name, long defaultValue)
    {
        var text = Value(name);
        if (text is null) return defaultValue;
        return long.TryParse(text.Replace("_", ""), out var value) && value > 0
            ? value
            : throw new BenchArgumentException($"{name}: '{text}' is not a positive whole number");
    }

    public string? Value(string name)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0) return null;
        return index + 1 < args.Length ? args[index + 1] : throw new BenchArgumentException($"{name} needs a value");
    }

    public bool Flag(string name) => args.Contains(name);
}
