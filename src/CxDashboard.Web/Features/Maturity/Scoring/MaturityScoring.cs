namespace CxDashboard.Web.Features.Maturity.Scoring;

/// <summary>One rater's answer to one statement: a score 1–5, or null for "don't know".</summary>
public sealed record StatementRating(string RaterId, string StatementKey, int? Score);

/// <summary>What scoring needs to know of a capability: its statements, the round's target and the previous round's mean.</summary>
public sealed record CapabilityScoringInput(string Key, IReadOnlyList<string> StatementKeys, int? TargetLevel = null, double? PreviousMean = null);

/// <summary>One statement across raters: mean of the scores given, how many scored it, how many did not know, and how many gave 1…5.</summary>
public sealed record StatementScore(string Key, double? Mean, int Ratings, int DontKnows, IReadOnlyList<int> Distribution);

/// <summary>A capability's result in a round. Unrounded; pages round for display.</summary>
public sealed record CapabilityScore
{
    public required string Key { get; init; }

    /// <summary>The mean of the raters' levels; null when nobody scored any of its statements.</summary>
    public double? Mean { get; init; }

    /// <summary>Raters who scored at least one of its statements (a rater who only answered "don't know" is not counted).</summary>
    public int Raters { get; init; }

    /// <summary>Each counted rater's level (the mean of their scores here), ascending; no identities.</summary>
    public IReadOnlyList<double> RaterLevels { get; init; } = [];

    /// <summary>Population standard deviation of the raters' levels; null with fewer than two raters.</summary>
    public double? StandardDeviation { get; init; }

    public double? LowerQuartile { get; init; }
    public double? UpperQuartile { get; init; }

    /// <summary>Upper minus lower quartile of the raters' levels; null with fewer than two raters.</summary>
    public double? InterquartileRange { get; init; }

    /// <summary>The raters disagree: the inter-quartile range is more than one level.</summary>
    public bool Disagreement { get; init; }

    public int? TargetLevel { get; init; }

    /// <summary>Target minus mean: positive is the distance still to go, negative is beyond the target.</summary>
    public double? Gap { get; init; }

    public double? PreviousMean { get; init; }

    /// <summary>Mean minus the previous round's mean.</summary>
    public double? Change { get; init; }

    /// <summary>Statement scores given (1–5), over all raters.</summary>
    public int Ratings { get; init; }
    public int DontKnows { get; init; }
    public IReadOnlyList<StatementScore> Statements { get; init; } = [];
}

/// <summary>
/// Scores a maturity round: per capability, the raters' mean level, the spread between raters, the gap to the target
/// and the change since the previous round.
///
/// - A rater's level for a capability is the mean of the scores they gave its statements, "don't know" left out.
///   Each rater then weighs the same, however many statements they could score; a rater who knew none is not counted.
/// - The capability's mean is the mean of those rater levels, and the spread is between those levels.
/// - Standard deviation is the population form (divide by n): the raters are everyone asked, not a sample of a
///   larger group whose variance we estimate, and the figure describes how far apart these people are.
///   With one rater there is no spread between raters, so SD and IQR are null rather than a misleading 0.
/// - Quartiles use linear interpolation between closest ranks (Hyndman–Fan type 7, as Excel's QUARTILE.INC, R's and
///   NumPy's default): for sorted x₁…xₙ, the p-quantile is at h = (n − 1)·p + 1, interpolated between x⌊h⌋ and x⌈h⌉.
///   So anyone can reproduce a figure from the exported ratings with QUARTILE.INC.
/// - Disagreement is flagged when the IQR is more than one level (strictly).
/// </summary>
public static class MaturityScoring
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const double DisagreementIqr = 1.0;

    public static IReadOnlyList<CapabilityScore> ScoreAll(IEnumerable<CapabilityScoringInput> capabilities, IReadOnlyCollection<StatementRating> ratings) =>
        capabilities.Select(c => ScoreCapability(c, ratings)).ToList();

    public static CapabilityScore ScoreCapability(CapabilityScoringInput capability, IEnumerable<StatementRating> ratings)
    {
        var statementKeys = capability.StatementKeys.ToHashSet();
        var own = ratings.Where(r => statementKeys.Contains(r.StatementKey)).ToList();
        foreach (var rating in own)
        {
            if (rating.Score is { } score && score is < MinScore or > MaxScore)
                throw new ArgumentOutOfRangeException(nameof(ratings), score, $"A score is {MinScore} to {MaxScore} (statement {rating.StatementKey}).");
        }
        if (own.GroupBy(r => (r.RaterId, r.StatementKey)).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new ArgumentException($"Rater {duplicate.Key.RaterId} rated {duplicate.Key.StatementKey} twice.", nameof(ratings));

        var raterLevels = own.Where(r => r.Score is not null)
            .GroupBy(r => r.RaterId)
            .Select(g => g.Average(r => (double)r.Score!.Value))
            .Order()
            .ToList();
        var mean = Mean(raterLevels);
        (double Lower, double Upper)? quartiles = raterLevels.Count >= 2 ? Quartiles(raterLevels) : null;
        var iqr = quartiles is { } q ? q.Upper - q.Lower : (double?)null;

        return new CapabilityScore
        {
            Key = capability.Key,
            Mean = mean,
            Raters = raterLevels.Count,
            RaterLevels = raterLevels,
            StandardDeviation = raterLevels.Count >= 2 ? PopulationStandardDeviation(raterLevels) : null,
            LowerQuartile = quartiles?.Lower,
            UpperQuartile = quartiles?.Upper,
            InterquartileRange = iqr,
            Disagreement = iqr > DisagreementIqr,
            TargetLevel = capability.TargetLevel,
            Gap = capability.TargetLevel is { } target && mean is { } m ? target - m : null,
            PreviousMean = capability.PreviousMean,
            Change = Difference(mean, capability.PreviousMean),
            Ratings = own.Count(r => r.Score is not null),
            DontKnows = own.Count(r => r.Score is null),
            Statements = capability.StatementKeys.Select(key => ScoreStatement(key, own)).ToList(),
        };
    }

    /// <summary>Largest gap first (furthest below target); capabilities without a gap (no target or no scores) last, in model order.</summary>
    public static IReadOnlyList<CapabilityScore> RankByGap(IEnumerable<CapabilityScore> scores) =>
        scores.Select((score, index) => (score, index))
            .OrderBy(x => x.score.Gap is null)
            .ThenByDescending(x => x.score.Gap ?? 0)
            .ThenBy(x => x.score.Mean ?? double.MaxValue)
            .ThenBy(x => x.index)
            .Select(x => x.score)
            .ToList();

    /// <summary>
    /// A change between rounds (now minus before): always from the unrounded means, computed here once; pages, exports,
    /// the CLI and the monthly report round it only to show it (<see cref="Presentation.Display.RoundForDisplay"/>).
    /// </summary>
    public static double? Difference(double? now, double? before) => now is { } n && before is { } b ? n - b : null;

    /// <summary>The organisation's overall level: the mean of the capabilities' means (each capability weighs the same).</summary>
    public static double? OverallMean(IEnumerable<CapabilityScore> scores) => Mean(scores.Where(s => s.Mean is not null).Select(s => s.Mean!.Value).ToList());

    public static double? Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? null : values.Average();

    /// <summary>√(Σ(x − mean)² ÷ n); null for no values.</summary>
    public static double? PopulationStandardDeviation(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return null;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    /// <summary>The p-quantile (0 ≤ p ≤ 1) by linear interpolation between closest ranks (type 7, Excel QUARTILE.INC / PERCENTILE.INC).</summary>
    public static double Quantile(IReadOnlyList<double> sortedValues, double p)
    {
        if (sortedValues.Count == 0) throw new ArgumentException("No values.", nameof(sortedValues));
        if (p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "p is 0 to 1.");
        var h = (sortedValues.Count - 1) * p;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sortedValues.Count - 1);
        return sortedValues[below] + (h - below) * (sortedValues[above] - sortedValues[below]);
    }

    public static (double Lower, double Upper) Quartiles(IReadOnlyList<double> sortedValues) =>
        (Quantile(sortedValues, 0.25), Quantile(sortedValues, 0.75));

    private static StatementScore ScoreStatement(string key, IReadOnlyList<StatementRating> ratings)
    {
        var forStatement = ratings.Where(r => r.StatementKey == key).ToList();
        var scores = forStatement.Where(r => r.Score is not null).Select(r => r.Score!.Value).ToList();
        var distribution = Enumerable.Range(MinScore, MaxScore).Select(level => scores.Count(s => s == level)).ToList();
        return new StatementScore(key, scores.Count == 0 ? null : scores.Average(), scores.Count, forStatement.Count - scores.Count, distribution);
    }
}
