namespace CxDashboard.Web.Features.Engagement;

/// <summary>One pulse answer as the calculation needs it: eNPS (0–10, optional) and the items answered (1–5).</summary>
public sealed record PulseAnswer(int? Enps, IReadOnlyList<int> Items);

/// <summary>
/// A team-month's engagement. <see cref="Suppressed"/>: it carries no figures, either because fewer than
/// <see cref="EngagementCalculator.AnonymityThreshold"/> people answered or because the month is still open
/// (<see cref="MonthOpen"/>, see <see cref="EngagementPublication"/>).
/// </summary>
public sealed record EngagementResult(int? Responses, double? EngagementIndex, double? Enps, int? EnpsAnswered, bool Suppressed, bool MonthOpen = false)
{
    public static readonly EngagementResult Hidden = new(null, null, null, null, true);

    /// <summary>The month has not ended: its answers are still being collected and nothing is published.</summary>
    public static readonly EngagementResult Collecting = new(null, null, null, null, true, MonthOpen: true);
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

/// <summary>
/// When a team-month's engagement figures may leave the app (pages, charts, exports, CLI, API, reports, the maturity
/// KPIs): only once the month has ended in the organisation's time zone, only with at least
/// <see cref="EngagementCalculator.AnonymityThreshold"/> answers, and rounded to one decimal as the pages show them.
/// While a month is open its figures would move with every answer, and two looks before and after a colleague
/// answered would give that colleague's answer away; once it has ended, pulse answers no longer reach it.
/// </summary>
public static class EngagementPublication
{
    public static bool IsPublished(DateOnly month, DateOnly today) => today >= PublishedOn(month);

    /// <summary>The first day a month's figures are shown: the day after it ends.</summary>
    public static DateOnly PublishedOn(DateOnly month) => new DateOnly(month.Year, month.Month, 1).AddMonths(1);

    public static EngagementResult Publish(IReadOnlyCollection<PulseAnswer> answers, DateOnly month, DateOnly today)
    {
        if (!IsPublished(month, today)) return EngagementResult.Collecting;
        var result = EngagementCalculator.Calculate(answers);
        return result.Suppressed ? result : result with { EngagementIndex = Round(result.EngagementIndex), Enps = Round(result.Enps) };
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;
}
