using CxDashboard.Web.Features.Coaching;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Tests.Coaching;

/// <summary>The statistics behind coaching alerts and the "short calls, many repeats" pattern, against hand-computed values.</summary>
public sealed class CoachingRulesTests
{
    private static readonly CoachingAlertOptions Alerts = new();
    private static readonly RepeatPatternOptions Patterns = new();

    [Fact]
    public void The_two_proportion_test_matches_the_hand_computed_z_and_p()
    {
        // 60 of 100 against 75 of 100: pooled 0.675, SE = √(0.675 × 0.325 × 0.02) = 0.066238, z = −0.15 / 0.066238.
        var test = ProportionTest.Compare(new Proportion(60, 100), new Proportion(75, 100))!.Value;
        Assert.Equal(-2.264554, test.Z, 5);
        Assert.Equal(0.011770, test.PLower, 5);
        Assert.Equal(0.988230, test.PHigher, 5);
        Assert.Equal(-15, test.DifferencePoints, 9);
        Assert.True(test.IsLower(0.05));
        Assert.False(test.IsLower(0.01));
    }

    [Theory]
    [InlineData(20, 29, 90, 120)] // 29 < 30 responses
    [InlineData(90, 120, 20, 29)]
    [InlineData(30, 30, 100, 100)] // no misses at all: 0 expected misses, the normal approximation does not hold
    [InlineData(1, 40, 2, 200)] // 3 hits pooled: under 5 expected in the smaller sample
    public void Small_samples_are_never_compared(long hitsA, long nA, long hitsB, long nB) =>
        Assert.Null(ProportionTest.Compare(new Proportion(hitsA, nA), new Proportion(hitsB, nB)));

    [Fact]
    public void Normal_tail_is_accurate()
    {
        Assert.Equal(0.5, ProportionTest.NormalUpperTail(0), 7);
        Assert.Equal(0.025, ProportionTest.NormalUpperTail(1.959964), 6);
        Assert.Equal(0.9750, ProportionTest.NormalUpperTail(-1.959964), 4);
        Assert.Equal(0.00620967, ProportionTest.NormalUpperTail(2.5), 7);
    }

    private static KpiCounts Counts(long responses, long positive, long contacts = 0, long repeats = 0) => new()
    {
        Responses = responses, CsatPositive = positive, Contacts = contacts, RepeatContacts = repeats,
    };

    [Fact]
    public void A_significant_csat_drop_is_an_alert()
    {
        // 80 % of 120 before, 60 % of 40 now: z = −2.53, one-sided p = 0.0057 < 0.01; 20 points ≥ 5.
        var shifts = CoachingAlertRules.Assess(Counts(40, 24), Counts(120, 96), null, null, Alerts);
        var csat = shifts.Single(s => s.Metric == CoachingMetric.Csat);
        Assert.Equal(ShiftVerdict.SignificantlyWorse, csat.Verdict);
        Assert.Equal(-20, csat.ChangePoints!.Value, 9);
        Assert.Equal(0.0057060, csat.WorsePValue!.Value, 5);
        Assert.Equal(ShiftVerdict.TooFewToJudge, shifts.Single(s => s.Metric == CoachingMetric.RepeatContactRate).Verdict);
    }

    [Fact]
    public void A_drop_that_is_not_significant_enough_is_not_an_alert()
    {
        // 60 of 100 against 75 of 100: p = 0.0118, above 0.01.
        var csat = CoachingAlertRules.Assess(Counts(100, 60), Counts(100, 75), null, null, Alerts).Single(s => s.Metric == CoachingMetric.Csat);
        Assert.Equal(ShiftVerdict.NoSignificantChange, csat.Verdict);
    }

    [Fact]
    public void A_certain_but_tiny_change_is_not_an_alert()
    {
        // 78 % against 80 % on very large samples is significant, but 2 points are below the 5 worth acting on.
        var csat = CoachingAlertRules.Assess(Counts(100_000, 78_000), Counts(100_000, 80_000), null, null, Alerts).Single(s => s.Metric == CoachingMetric.Csat);
        Assert.True(csat.Test!.Value.IsLower(0.0001));
        Assert.Equal(ShiftVerdict.NoSignificantChange, csat.Verdict);
    }

    [Fact]
    public void Even_a_dramatic_drop_on_a_small_sample_is_not_flagged()
    {
        // 0 of 10 satisfied now against 100 of 120 before: 10 responses are too few.
        var csat = CoachingAlertRules.Assess(Counts(10, 0), Counts(120, 100), null, null, Alerts).Single(s => s.Metric == CoachingMetric.Csat);
        Assert.Equal(ShiftVerdict.TooFewToJudge, csat.Verdict);
        Assert.Null(csat.Test);
    }

    [Fact]
    public void A_rising_repeat_rate_is_an_alert_and_a_falling_one_is_better()
    {
        // 25 % of 200 contacts repeat now against 15 % of 200 before: z = 2.5, p = 0.0062; 10 points ≥ 3.
        var worse = CoachingAlertRules.Assess(Counts(0, 0, 200, 50), Counts(0, 0, 200, 30), null, null, Alerts).Single(s => s.Metric == CoachingMetric.RepeatContactRate);
        Assert.Equal(ShiftVerdict.SignificantlyWorse, worse.Verdict);
        Assert.Equal(0.0062097, worse.WorsePValue!.Value, 5);
        var better = CoachingAlertRules.Assess(Counts(0, 0, 200, 30), Counts(0, 0, 200, 50), null, null, Alerts).Single(s => s.Metric == CoachingMetric.RepeatContactRate);
        Assert.Equal(ShiftVerdict.SignificantlyBetter, better.Verdict);
    }

    [Fact]
    public void A_drop_the_whole_team_shares_is_not_the_agents()
    {
        // The agent fell from 80 % to 60 %, but so did the rest of the team (2,000 responses each): no alert.
        var shared = CoachingAlertRules.Assess(Counts(40, 24), Counts(120, 96), Counts(2000, 1220), Counts(2000, 1600), Alerts)
            .Single(s => s.Metric == CoachingMetric.Csat);
        Assert.Equal(ShiftVerdict.SharedWithTeam, shared.Verdict);
        Assert.Equal(-19, shared.RestChangePoints!.Value, 9);

        // The same drop while the rest of the team held steady at 80 % is the agent's.
        var own = CoachingAlertRules.Assess(Counts(40, 24), Counts(120, 96), Counts(2000, 1600), Counts(2000, 1600), Alerts)
            .Single(s => s.Metric == CoachingMetric.Csat);
        Assert.Equal(ShiftVerdict.SignificantlyWorse, own.Verdict);
        // Difference in differences: −20 − 0 points; SE = √(0.6·0.4/40 + 0.8·0.2/120 + 2 × 0.8·0.2/2000) = 0.086564.
        Assert.Equal(-20, own.VersusTeamChange!.Value.DifferencePoints, 9);
        Assert.Equal(-2.3104, own.VersusTeamChange!.Value.Z, 3);
    }

    [Fact]
    public void Windows_are_the_last_full_days_and_the_days_before_them()
    {
        var (recent, baseline) = CoachingAlertRules.Windows(new DateOnly(2026, 3, 31), Alerts);
        Assert.Equal(new DatePeriod(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 30)), recent);
        Assert.Equal(new DatePeriod(new DateOnly(2025, 12, 9), new DateOnly(2026, 3, 2)), baseline);
        Assert.Equal(28, recent.Days);
        Assert.Equal(84, baseline.Days);
    }

    /// <summary>Decidable contacts of which <paramref name="cameBack"/> were followed by another contact of the same customer within W.</summary>
    private static KpiCounts Handled(long contacts, long cameBack, double averageSeconds) => new()
    {
        Contacts = contacts, FcrDecidable = contacts, FcrResolved = contacts - cameBack,
        ContactsWithHandleTime = contacts, HandleSecondsTotal = (long)(contacts * averageSeconds),
    };

    [Fact]
    public void Short_calls_with_significantly_more_repeats_show_the_pattern()
    {
        // 50 of 200 customers came back against 30 of 200 for the rest of the team (p = 0.006 < 0.05); 180 s is 60 % of 300 s.
        var pattern = RepeatPatternRules.Assess(Handled(200, 50, 180), Handled(200, 30, 300), Patterns);
        Assert.True(pattern.ShortHandleTime);
        Assert.True(pattern.ManyRepeats);
        Assert.True(pattern.ShortCallsManyRepeats);
        Assert.Equal(0.6, pattern.HandleTimeRatio!.Value, 9);
        Assert.Equal(25, pattern.AgentCameBack.Percent!.Value, 9);
        Assert.Equal(0.0062097, pattern.CameBackTest!.Value.PHigher, 5);
    }

    [Fact]
    public void Long_calls_or_ordinary_repeats_do_not_show_the_pattern()
    {
        Assert.False(RepeatPatternRules.Assess(Handled(200, 50, 290), Handled(200, 30, 300), Patterns).ShortCallsManyRepeats);
        Assert.False(RepeatPatternRules.Assess(Handled(200, 32, 180), Handled(200, 30, 300), Patterns).ShortCallsManyRepeats);
        // Incoming repeats (customers who had called before) are not the agent's doing: only customers coming back after the agent count.
        var incoming = new KpiCounts { Contacts = 200, RepeatContacts = 120, FcrDecidable = 200, FcrResolved = 170, ContactsWithHandleTime = 200, HandleSecondsTotal = 200 * 180 };
        Assert.False(RepeatPatternRules.Assess(incoming, Handled(200, 30, 300), Patterns).ShortCallsManyRepeats);
        var tooFew = RepeatPatternRules.Assess(Handled(20, 15, 100), Handled(200, 30, 300), Patterns);
        Assert.True(tooFew.TooFewToJudge);
        Assert.False(tooFew.ShortCallsManyRepeats);
    }

    [Fact]
    public void The_rest_of_the_team_is_the_team_without_the_agent()
    {
        var team = new KpiCounts { Contacts = 100, RepeatContacts = 20, Responses = 30, CsatPositive = 24 };
        var agent = new KpiCounts { Contacts = 40, RepeatContacts = 12, Responses = 10, CsatPositive = 5 };
        var rest = team.Without(agent);
        Assert.Equal(60, rest.Contacts);
        Assert.Equal(8, rest.RepeatContacts);
        Assert.Equal(95, rest.Csat.Percent!.Value, 9);
        Assert.Equal(0, agent.Without(team).Contacts);
    }
}
