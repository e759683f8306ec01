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
