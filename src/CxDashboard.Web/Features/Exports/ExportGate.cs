using System.Globalization;
using System.Security.Claims;
using CxDashboard.Web.Features.Requests;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Exports;

/// <summary>Settings of the web's file exports (section "Exports").</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Exports made at the same time by the whole instance (workbooks, packs, raw rows).</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>Exports one user may have in the making at the same time.</summary>
    public int MaxConcurrentPerUser { get; set; } = 1;

    /// <summary>What a refused request is told to wait before trying again.</summary>
    public int RetryAfterSeconds { get; set; } = 10;
}

/// <summary>
/// Limits how many exports run at once, per user and overall, so one person's long export never holds up the others:
/// a request over a limit is refused at once (429 with Retry-After and a message), never queued.
/// </summary>
public sealed class ExportGate(IOptionsMonitor<ExportOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _byUser = new(StringComparer.Ordinal);
    private int _running;

    private static class Words
    {
        public const string YoursRunning = "Your previous export is still being made. Wait until it has downloaded, then try again.";
        public const string ServerBusy = "{0} exports are being made right now, the most this server makes at once. Try again in {1} seconds.";
    }

    /// <summary>Takes a slot for <paramref name="userKey"/>'s export; dispose it when the file is made.</summary>
    public IDisposable Enter(string userKey)
    {
        var settings = options.CurrentValue;
        var retryAfter = TimeSpan.FromSeconds(Math.Max(1, settings.RetryAfterSeconds));
        lock (_lock)
        {
            var mine = _byUser.GetValueOrDefault(userKey);
            if (mine >= Math.Max(1, settings.MaxConcurrentPerUser))
                throw new RequestRefusedException(Words.YoursRunning, StatusCodes.Status429TooManyRequests, retryAfter);
            if (_running >= Math.Max(1, settings.MaxConcurrent))
                throw new RequestRefusedException(string.Format(CultureInfo.InvariantCulture, Words.ServerBusy, _running, (int)retryAfter.TotalSeconds),
                    StatusCodes.Status429TooManyRequests, retryAfter);
            _byUser[userKey] = mine + 1;
            _running++;
        }
        return new Slot(this, userKey);
    }

    /// <summary>Takes a slot for the signed-in user's export.</summary>
    public IDisposable Enter(ClaimsPrincipal user) =>
        Enter(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "anonymous");

    /// <summary>Exports being made now (for tests and diagnostics).</summary>
    public int Running
    {
        get { lock (_lock) return _running; }
    }

    private void Leave(string userKey)
    {
        lock (_lock)
        {
            _running--;
            if (_byUser[userKey] <= 1) _byUser.Remove(userKey);
            else _byUser[userKey]--;
        }
    }

    private sealed class Slot(ExportGate gate, string userKey) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) gate.Leave(userKey);
        }
    }
}
