using System.Collections.Concurrent;

namespace CxDashboard.Web.Features.Security;

/// <summary>
/// Counts events (failed sign-ins, failed API keys, pulse answers) per key in a sliding window, in this process's
/// memory only: nothing about a client is written to the database. Time comes from <see cref="TimeProvider"/>.
/// Memory is bounded: keys whose window has passed are dropped, and past <see cref="MaxKeys"/> live keys new keys
/// are not counted (the limit then fails open rather than refusing everyone).
/// </summary>
public sealed class AttemptCounter(TimeProvider clock)
{
    public const int MaxKeys = 200_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>Whether the key has had <paramref name="limit"/> events within <paramref name="window"/>; if so, how long until one expires.</summary>
    public bool IsOverLimit(string key, int limit, TimeSpan window, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_windows.TryGetValue(key, out var events)) return false;
        var now = clock.GetUtcNow();
        lock (events)
        {
            events.DropBefore(now - window);
            if (events.Count < Math.Max(1, limit)) return false;
            retryAfter = events.OldestWithin(limit) + window - now;
            if (retryAfter < TimeSpan.FromSeconds(1)) retryAfter = TimeSpan.FromSeconds(1);
            return true;
        }
    }

    public void Record(string key, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        Sweep(now, window);
        if (_windows.Count >= MaxKeys && !_windows.ContainsKey(key)) return;
        var events = _windows.GetOrAdd(key, _ => new Window());
        lock (events)
        {
            events.DropBefore(now - window);
            events.Add(now);
        }
    }

    public void Clear(string key) => _windows.TryRemove(key, out _);

    /// <summary>Drops keys with no event in the window, at most once per window.</summary>
    private void Sweep(DateTimeOffset now, TimeSpan window)
    {
        if (now < _nextSweep) return;
        _nextSweep = now + window;
        foreach (var (key, events) in _windows)
        {
            bool empty;
            lock (events)
            {
                events.DropBefore(now - window);
                empty = events.Count == 0;
            }
            if (empty) _windows.TryRemove(key, out _);
        }
    }

    /// <summary>The times of one key's events, oldest first; at most <see cref="Capacity"/> are kept.</summary>
    private sealed class Window
    {
        private const int Capacity = 1_000;
        private readonly Queue<DateTimeOffset> _times = new();

        public int Count => _times.Count;

        public void Add(DateTimeOffset time)
        {
            if (_times.Count == Capacity) _times.Dequeue();
            _times.Enqueue(time);
        }

        public void DropBefore(DateTimeOffset start)
        {
            while (_times.Count > 0 && _times.Peek() <= start) _times.Dequeue();
        }

        /// <summary>The event whose expiry brings the count back under <paramref name="limit"/>.</summary>
        public DateTimeOffset OldestWithin(int limit) => _times.ElementAt(Math.Max(0, _times.Count - Math.Max(1, limit)));
    }
}
