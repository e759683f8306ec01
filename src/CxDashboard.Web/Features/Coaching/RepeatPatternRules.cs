using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Coaching;

/// <summary>
/// An agent's handle time and "came back" rate (their contacts after which the same customer contacted us again within
/// W days) beside the rest of their team's, and whether they show the pattern.
/// </summary>
public sealed record RepeatPattern(
    double? AgentHandleSeconds,
    double? RestHandleSeconds,
    Proportion AgentCameBack,
    Proportion RestCameBack,
    ProportionComparison? CameBackTest,
    bool TooFewToJudge,
    bool ShortHandleTime,
    bool ManyRepeats)
{
    /// <summary>Short calls and significantly more customers coming back: the calls end before the problem is solved.</summary>
    public bool ShortCallsManyRepeats => ShortHandleTime && ManyRepeats;

    /// <summary>The agent's handle time as a share of the rest of the team's (0.7 = 30 % shorter).</summary>
    public double? HandleTimeRatio => AgentHandleSeconds is { } a && RestHandleSeconds is { } r && r > 0 ? a / r : null;
}

/// <summary>
/// "Short calls, many repeats": handle time rewards ending calls early, and the customer then calls back (domain.md).
/// The repeats that are the agent's are the ones that follow their contacts: a contact the same customer followed up
/// within W days (the complement of contact-based FCR, over decidable contacts). An agent (or an agent on one contact
/// reason) shows the pattern when their average handle time is at most <see cref="RepeatPatternOptions.ShortHandleRatio"/>
/// of the rest of the team's and significantly more of their customers came back than the rest of the team's
/// (two-proportion z-test, one-sided p below <see cref="RepeatPatternOptions.MaxPValue"/>), with at least
/// <see cref="RepeatPatternOptions.MinContacts"/> decidable contacts on each side.
/// </summary>
public static class RepeatPatternRules
{
    /// <summary>Decidable contacts after which the same customer contacted us again within W days.</summary>
    public static Proportion CameBack(this KpiCounts counts) => new(counts.FcrDecidable - counts.FcrResolved, counts.FcrDecidable);

    public static string DescribeRule(RepeatPatternOptions o, int windowDays) => Presentation.Vocabulary.Current.Format("Glossary.RepeatPatternRule",
        o.ShortHandleRatio * 100, windowDays, o.MaxPValue, o.MinContacts);

    /// <param name="agent">The agent's counts.</param>
    /// <param name="restOfTeam">The team's counts without the agent's.</param>
    public static RepeatPattern Assess(KpiCounts agent, KpiCounts restOfTeam, RepeatPatternOptions options)
    {
        var test = ProportionTest.Compare(agent.CameBack(), restOfTeam.CameBack(), options.MinContacts);
        var tooFew = test is null || agent.AverageHandleSeconds is null || restOfTeam.AverageHandleSeconds is null;
        var shortHandle = !tooFew && agent.AverageHandleSeconds <= options.ShortHandleRatio * restOfTeam.AverageHandleSeconds;
        var manyRepeats = test is { } t && t.IsHigher(options.MaxPValue);
        return new RepeatPattern(agent.AverageHandleSeconds, restOfTeam.AverageHandleSeconds, agent.CameBack(), restOfTeam.CameBack(),
            test, tooFew, shortHandle, !tooFew && manyRepeats);
    }
}
