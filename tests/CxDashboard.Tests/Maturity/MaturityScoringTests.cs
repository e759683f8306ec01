using CxDashboard.Web.Features.Maturity.Scoring;

namespace CxDashboard.Tests.Maturity;

/// <summary>
/// Scoring by hand-made rounds. Every expected figure is worked out in the comments (and can be checked with Excel:
/// AVERAGE, STDEV.P and QUARTILE.INC over the rater levels).
/// </summary>
public sealed class MaturityScoringTests
{
    private const double Precision = 1e-9;
    private static readonly CapabilityScoringInput Callback = new("organisation", ["org-1", "org-2"], TargetLevel: 4, PreviousMean: 2.0);

    private static StatementRating R(string rater, string statement, int? score) => new(rater, statement, score);

    /// <summary>
    ///   rater  org-1  org-2   rater level
    ///   R1     2      3       2.5
    ///   R2     4      dk      4.0  (don't know left out)
    ///   R3     dk     dk      –    (knew nothing: not counted)
    ///   R4     1      2       1.5
    /// Levels 1.5, 2.5, 4.0: mean 8/3 = 2.6667; population SD √(((−7/6)² + (−1/6)² + (4/3)²)/3) = 1.02740;
    /// QUARTILE.INC: Q1 at h = 0.5 → 1.5 + 0.5·1.0 = 2.0, Q3 at h = 1.5 → 2.5 + 0.5·1.5 = 3.25, IQR 1.25 > 1: disagreement.
    /// Gap 4 − 8/3 = 1.3333; change 8/3 − 2.0 = 0.6667.
    /// </summary>
    private static readonly StatementRating[] HandMadeRound =
    [
        R("R1", "org-1", 2), R("R1", "org-2", 3),
        R("R2", "org-1", 4), R("R2", "org-2", null),
        R("R3", "org-1", null), R("R3", "org-2", null),
        R("R4", "org-1", 1), R("R4", "org-2", 2),
        R("R1", "other-1", 5), // another capability's statement: ignored here
    ];

    [Fact]
    public void The_mean_is_the_mean_of_rater_levels_with_dont_know_left_out()
    {
        var score = MaturityScoring.ScoreCapability(Callback, HandMadeRound);

        Assert.Equal(8.0 / 3, score.Mean!.Value, Precision);
        Assert.Equal(3, score.Raters);
        Assert.Equal([1.5, 2.5, 4.0], score.RaterLevels);
        Assert.Equal(5, score.Ratings);
        Assert.Equal(3, score.DontKnows);
    }

    [Fact]
    public void Spread_is_the_population_standard_deviation_and_the_inclusive_quartiles_of_rater_levels()
    {
        var score = MaturityScoring.ScoreCapability(Callback, HandMadeRound);

        Assert.Equal(1.0274023338281628, score.StandardDeviation!.Value, Precision);
        Assert.Equal(2.0, score.LowerQuartile!.Value, Precision);
        Assert.Equal(3.25, score.UpperQuartile!.Value, Precision);
        Assert.Equal(1.25, score.InterquartileRange!.Value, Precision);
        Assert.True(score.Disagreement);
    }

    [Fact]
    public void Gap_is_target_minus_mean_and_change_is_mean_minus_the_previous_mean()
    {
        var score = MaturityScoring.ScoreCapability(Callback, HandMadeRound);

        Assert.Equal(4 - 8.0 / 3, score.Gap!.Value, Precision);
        Assert.Equal(8.0 / 3 - 2.0, score.Change!.Value, Precision);
        Assert.Equal(4, score.TargetLevel);
        Assert.Equal(2.0, score.PreviousMean);
    }

    [Fact]
    public void A_mean_above_target_gives_a_negative_gap_and_a_fall_a_negative_change()
    {
        var score = MaturityScoring.ScoreCapability(Callback with { TargetLevel = 2, PreviousMean = 5.0 }, [R("A", "org-1", 4), R("A", "org-2", 5)]);

        Assert.Equal(-2.5, score.Gap!.Value, Precision);
        Assert.Equal(-0.5, score.Change!.Value, Precision);
    }

    [Fact]
    public void Each_statement_has_its_mean_count_dont_knows_and_distribution()
    {
        var score = MaturityScoring.ScoreCapability(Callback, HandMadeRound);

        var first = score.Statements.Single(s => s.Key == "org-1"); // 2, 4, 1 and one don't know
        Assert.Equal(7.0 / 3, first.Mean!.Value, Precision);
        Assert.Equal(3, first.Ratings);
        Assert.Equal(1, first.DontKnows);
        Assert.Equal([1, 1, 0, 1, 0], first.Distribution);
        var second = score.Statements.Single(s => s.Key == "org-2"); // 3, 2 and two don't knows
        Assert.Equal(2.5, second.Mean!.Value, Precision);
        Assert.Equal([0, 1, 1, 0, 0], second.Distribution);
        Assert.Equal(2, second.DontKnows);
    }

    [Fact]
    public void Every_rater_weighs_the_same_however_many_statements_they_could_score()
    {
        // A scored one statement 5; B scored two statements 1 and 1. Rater levels 5 and 1: mean 3, not (5+1+1)/3.
        var score = MaturityScoring.ScoreCapability(Callback, [R("A", "org-1", 5), R("A", "org-2", null), R("B", "org-1", 1), R("B", "org-2", 1)]);

        Assert.Equal(3.0, score.Mean!.Value, Precision);
    }

    [Fact]
    public void A_single_rater_has_a_level_but_no_spread()
    {
        var score = MaturityScoring.ScoreCapability(Callback, [R("Solo", "org-1", 3), R("Solo", "org-2", 4)]);

        Assert.Equal(3.5, score.Mean!.Value, Precision);
        Assert.Equal(1, score.Raters);
        Assert.Null(score.StandardDeviation);
        Assert.Null(score.InterquartileRange);
        Assert.False(score.Disagreement);
        Assert.Equal(0.5, score.Gap!.Value, Precision);
        Assert.Equal(1.5, score.Change!.Value, Precision);
    }

    [Fact]
    public void No_ratings_give_no_level_no_gap_and_no_change()
    {
        var score = MaturityScoring.ScoreCapability(Callback, []);

        Assert.Null(score.Mean);
        Assert.Equal(0, score.Raters);
        Assert.Null(score.StandardDeviation);
        Assert.Null(score.Gap);
        Assert.Null(score.Change);
        Assert.All(score.Statements, s => Assert.Null(s.Mean));
    }

    [Fact]
    public void Only_dont_know_answers_count_as_dont_knows_and_give_no_level()
    {
        var score = MaturityScoring.ScoreCapability(Callback, [R("A", "org-1", null), R("A", "org-2", null), R("B", "org-1", null)]);

        Assert.Null(score.Mean);
        Assert.Equal(0, score.Raters);
        Assert.Equal(3, score.DontKnows);
        Assert.Equal(0, score.Ratings);
    }

    [Theory]
    [InlineData(2, 4, 1.0, false)] // QUARTILE.INC of {2, 4}: 2.5 and 3.5 — exactly one level is not disagreement
    [InlineData(2, 5, 1.5, true)]  // 2.75 and 4.25
    [InlineData(3, 3, 0.0, false)]
    public void Disagreement_is_an_interquartile_range_strictly_above_one_level(int first, int second, double iqr, bool disagree)
    {
        var score = MaturityScoring.ScoreCapability(Callback, [R("A", "org-1", first), R("B", "org-1", second)]);

        Assert.Equal(iqr, score.InterquartileRange!.Value, Precision);
        Assert.Equal(disagree, score.Disagreement);
    }

    [Fact]
    public void Quartiles_follow_excel_quartile_inc()
    {
        // QUARTILE.INC({1,2,3,4}, 1) = 1.75 and (…, 3) = 3.25; PERCENTILE.INC({1,2,3,4}, 0.9) = 3.7.
        Assert.Equal((1.75, 3.25), MaturityScoring.Quartiles([1, 2, 3, 4]));
        Assert.Equal(3.7, MaturityScoring.Quantile([1, 2, 3, 4], 0.9), Precision);
        Assert.Equal(7.0, MaturityScoring.Quantile([7], 0.25));
        Assert.Equal(1.0, MaturityScoring.Quantile([1, 2, 3, 4], 0));
        Assert.Equal(4.0, MaturityScoring.Quantile([1, 2, 3, 4], 1));
    }

    [Fact]
    public void The_population_standard_deviation_divides_by_n()
    {
        Assert.Equal(1.0, MaturityScoring.PopulationStandardDeviation([1, 3])!.Value, Precision); // sample SD would be 1.414
        Assert.Equal(0.0, MaturityScoring.PopulationStandardDeviation([2.5])!.Value);
        Assert.Null(MaturityScoring.PopulationStandardDeviation([]));
    }

    [Fact]
    public void Capabilities_rank_by_gap_largest_first_and_those_without_a_gap_last_in_model_order()
    {
        CapabilityScore Score(string key, double? mean, int? target) => new() { Key = key, Mean = mean, TargetLevel = target, Gap = target - mean };
        var ranked = MaturityScoring.RankByGap(
        [
            Score("no-target", 1.0, null),
            Score("small", 2.8, 3),
            Score("above", 4.5, 4),
            Score("large", 1.5, 4),
            Score("unrated", null, 4),
            Score("tie-lower-mean", 2.0, 2), // gap 0, as "tie-higher-mean": the lower level goes first
            Score("tie-higher-mean", 3.0, 3),
        ]);

        Assert.Equal(["large", "small", "tie-lower-mean", "tie-higher-mean", "above", "no-target", "unrated"], ranked.Select(s => s.Key));
    }

    [Fact]
    public void The_overall_level_is_the_mean_of_the_capabilities_means()
    {
        CapabilityScore Score(double? mean) => new() { Key = Guid.NewGuid().ToString(), Mean = mean };
        Assert.Equal(2.5, MaturityScoring.OverallMean([Score(2), Score(3), Score(null)])!.Value, Precision);
        Assert.Null(MaturityScoring.OverallMean([Score(null)]));
    }

    [Fact]
    public void A_score_outside_one_to_five_or_a_statement_rated_twice_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MaturityScoring.ScoreCapability(Callback, [R("A", "org-1", 6)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaturityScoring.ScoreCapability(Callback, [R("A", "org-1", 0)]));
        Assert.Throws<ArgumentException>(() => MaturityScoring.ScoreCapability(Callback, [R("A", "org-1", 3), R("A", "org-1", 4)]));
    }
}
