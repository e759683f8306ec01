namespace CxDashboard.DemoData;

/// <param name="HandleSeconds">Null when the source system would not have recorded it.</param>
/// <param name="Resolved">Whether the contact really solved the customer's issue (the survey may disagree).</param>
/// <param name="RepeatProbability">Chance the customer comes back about it within the repeat delay window.</param>
internal readonly record struct ContactOutcome(int? HandleSeconds, bool Resolved, double RepeatProbability);

/// <summary>How a contact went: its handle time, whether it resolved the issue, and how likely a repeat is.</summary>
internal sealed class ContactOutcomeModel(ContactBehaviour behaviour)
{
    /// <summary>Spread of handle times around the typical one (log-normal sigma).</summary>
    private const double HandleTimeSpread = 0.35;

    public ContactOutcome Decide(ContactReason reason, ChannelSettings channel, AgentProfile? agent, DeterministicRandom random)
    {
        var range = channel.HandleSeconds;
        var typicalSeconds = range.Typical * ComplexityFactor(reason);
        var seconds = Math.Clamp(
            typicalSeconds * (agent?.HandleTimeFactor ?? 1) * Math.Exp(HandleTimeSpread * random.NextGaussian()),
            range.Min,
            range.Max);
        int? recordedSeconds = random.Chance(range.EmptyShare) ? null : (int)Math.Round(seconds);

        // Only a person can cut a contact short; a bot session's length says nothing about its quality.
        var handleRatio = agent is null ? 1 : seconds / typicalSeconds;
        var shortfall = Math.Max(0, 1 - handleRatio);

        var resolution = behaviour.BaseResolution
            - (channel.ComplexityResolutionPenalty * (reason.Complexity - 1))
            + channel.ResolutionShift
            + (agent?.ResolutionShift ?? 0)
            - (behaviour.ShortHandleResolutionPenalty * shortfall);
        var resolved = random.Chance(Math.Clamp(resolution, 0.05, 0.98));

        var repeat = reason.RepeatPropensity
            * (resolved ? behaviour.ResolvedRepeatFactor : behaviour.UnresolvedRepeatFactor)
            * (agent?.RepeatFactor ?? 1)
            * (handleRatio < 1 ? Math.Pow(handleRatio, -behaviour.ShortHandleRepeatExponent) : 1);

        return new ContactOutcome(recordedSeconds, resolved, Math.Min(repeat, behaviour.MaxRepeatProbability));
    }

    /// <summary>Complex errands take longer: ±15 % per complexity step around the middle (3).</summary>
    private static double ComplexityFactor(ContactReason reason) => 1 + (0.15 * (reason.Complexity - 3));
}
