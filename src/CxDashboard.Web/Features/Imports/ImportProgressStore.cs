using System.Collections.Concurrent;
using CxDashboard.Web.Features.Ingestion;

namespace CxDashboard.Web.Features.Imports;

/// <summary>How far a running check or import is, for the progress bar.</summary>
public sealed record RunProgress(long RowsDone, long? RowsTotal, long BytesRead, long BytesTotal, long Errors, double Seconds)
{
    public double RowsPerSecond => Seconds > 0 ? RowsDone / Seconds : 0;

    /// <summary>0–100: by rows when the total is known from the preview, else by bytes read.</summary>
    public double Percent => RowsTotal is > 0 ? Math.Min(100, 100.0 * RowsDone / RowsTotal.Value)
        : BytesTotal > 0 ? Math.Min(100, 100.0 * BytesRead / BytesTotal) : 0;
}

/// <summary>
/// Progress of the runs in this app instance, in memory: the import's own transaction holds the database's write
/// lock, so progress cannot be written there while it runs. A run the store does not know (the instance restarted)
/// shows as interrupted.
/// </summary>
public sealed class ImportProgressStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<long, RunProgress> _runs = new();

    public IProgress<ImportProgress> Track(long runId, long? rowsTotal, long bytesTotal)
    {
        var started = clock.GetTimestamp();
        _runs[runId] = new RunProgress(0, rowsTotal, 0, bytesTotal, 0, 0);
        return new SynchronousProgress(p => _runs[runId] = new RunProgress(
            p.RowsDone, rowsTotal, p.BytesRead ?? 0, p.BytesTotal ?? bytesTotal, p.Errors, clock.GetElapsedTime(started).TotalSeconds));
    }

    public RunProgress? Get(long runId) => _runs.TryGetValue(runId, out var progress) ? progress : null;

    public void Forget(long runId) => _runs.TryRemove(runId, out _);

    /// <summary>Reports on the importing thread (Progress&lt;T&gt; would post to the thread pool and arrive late or out of order).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
