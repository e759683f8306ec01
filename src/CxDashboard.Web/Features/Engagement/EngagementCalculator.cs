namespace CxDashboard.Web.Features.Engagement;

/// <summary>One pulse answer as the calculation needs it: eNPS (0–10, optional) and the items answered (1–5).</summary>
public sealed record PulseAnswer(int? Enps, IReadOnlyList<int> Items);

/// <summary>A team-month's engagement. With fewer than <see cref="EngagementCalculator.AnonymityThreshold"/> answers it carries no figures.</summary>
public sealed record EngagementResult(int? Responses, double? EngagementIndex, double? Enps, int? EnpsAnswered, bool Suppressed)
{
    public static readonly EngagementResult Hidden = new(null, null, null, null, true);
}

/// <summary>The engagement index and eNPS exactly as domain.md defines them, with the anonymity threshold.</summary>
public static class EngagementCalculator
{
    /// <summary>Results are shown for a team only when at least this many people answered.</summary>
    public const int AnonymityThreshold = 5;

    public static EngagementResult Calculate(IReadOnlyCollection<PulseAnswer> answers)
    {
        if (answers.Count < AnonymityThreshold) return EngagementResult.Hidden;

        // Per answer, the mean of the items it answered; then the mean of those, rescaled from 1–5 to 0–100.
        var answerMeans = answers.Where(a => a.Items.Count > 0).Select(a => a.Items.Average()).ToList();
        double? index = answerMeans.Count == 0 ? null : (answerMeans.Average() - 1) / 4 * 100;

        var enpsScores = answers.Where(a => a.Enps is not null).Select(a => a.Enps!.Value).ToList();
        double? enps = enpsScores.Count == 0
            ? null
            : 100.0 * (enpsScores.Count(s => s >= 9) - enpsScores.Count(s => s <= 6)) / enpsScores.Count;
        return new EngagementResult(answers.Count, index, enps, enpsScores.Count, false);
    }
}
