using System.Diagnostics;

namespace CxDashboard.Bench;

/// <summary>
/// Samples the process's working set while a piece of work runs, for its peak. (Process.PeakWorkingSet64 covers the
/// whole process life, including generating the input, so it cannot isolate one step.)
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;

    private MemorySampler()
    {
        Baseline = Current();
        _cpuAtStart = CpuTime();
        PeakBytes = Baseline;
        _thread = new Thread(Run) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    private readonly TimeSpan _cpuAtStart;

    public long Baseline { get; }

    /// <summary>CPU time the process used while sampling: less distorted than wall time on a busy machine.</summary>
    public TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
    public TimeSpan CpuUsed { get; private set; }
    public long PeakBytes { get; private set; }
    public long PeakManagedBytes { get; private set; }

    public static MemorySampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return new MemorySampler();
    }

    private static long Current()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private void Run()
    {
        while (!_stop)
        {
            PeakBytes = Math.Max(PeakBytes, Current());
            PeakManagedBytes = Math.Max(PeakManagedBytes, GC.GetTotalMemory(false));
            Thread.Sleep(20);
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        CpuUsed = CpuTime();
        PeakBytes = Math.Max(PeakBytes, Current());
    }
}

/// <summary>Samples another process's working set (a server the benchmark started) while a piece of work runs, for its peak.</summary>
public sealed class ProcessMemorySampler : IDisposable
{
    private readonly Process _process;
    private readonly Thread _thread;
    private volatile bool _stop;

    private ProcessMemorySampler(int processId)
    {
        _process = Process.GetProcessById(processId);
        PeakBytes = Current();
        _thread = new Thread(Run) { IsBackground = true, Name = "process memory sampler" };
        _thread.Start();
    }

    public long PeakBytes { get; private set; }

    public static ProcessMemorySampler Start(int processId) => new(processId);

    public long Current()
    {
        lock (_process)
        {
            _process.Refresh();
            return _process.HasExited ? 0 : _process.WorkingSet64;
        }
    }

    private void Run()
    {
        while (!_stop)
        {
            PeakBytes = Math.Max(PeakBytes, Current());
            Thread.Sleep(20);
        }
    }

    public void Dispose()
    {
        if (_stop) return;
        _stop = true;
        _thread.Join();
        PeakBytes = Math.Max(PeakBytes, Current());
        _process.Dispose();
    }
}
