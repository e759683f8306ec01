namespace CxDashboard.Web.Features.Security;

/// <summary>The process's attempt counters, one per thing limited (a singleton).</summary>
public sealed class AttemptCounters(TimeProvider clock)
{
    /// <summary>Failed sign-ins per client address and per recognised browser.</summary>
    public AttemptCounter Login { get; } = new(clock);

    /// <summary>Requests with a missing, unknown or revoked API key, per client address.</summary>
    public AttemptCounter ApiKeyFailures { get; } = new(clock);

    /// <summary>Pulse answers per team link and client address.</summary>
    public AttemptCounter PulseAnswers { get; } = new(clock);
}
