using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Maturity.Actions;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Rounds;
using CxDashboard.Web.Features.Maturity.Scoring;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Maturity.Results;

/// <summary>
/// Scores rounds from the database into <see cref="MaturityRoundResult"/>s: only submitted raters count, texts come
/// from the round's own model version, and changes compare with the closed round before it.
/// </summary>
public sealed class MaturityResultsService(CxDbContext db, MaturityModelService models, MaturityRoundService rounds, ImprovementActionService actions)
{
    public async Task<MaturityRoundResult?> GetAsync(int roundId, CancellationToken ct = default)
    {
        var round = await rounds.GetSummaryAsync(roundId, ct);
        if (round is null) return null;
        var previous = await rounds.PreviousClosedAsync(round, ct);
        var previousResult = previous is null ? null : await ScoreAsync(previous, null, null, ct);
        return await ScoreAsync(round, previous, previousResult, ct);
    }

    /// <summary>Every closed round, oldest first, each compared with the one before it.</summary>
    public async Task<IReadOnlyList<MaturityRoundResult>> ClosedHistoryAsync(CancellationToken ct = default)
    {
        var closed = (await rounds.ListAsync(ct)).Where(r => !r.IsOpen).Reverse().ToList();
        var results = new List<MaturityRoundResult>();
        foreach (var round in closed)
            results.Add(await ScoreAsync(round, results.LastOrDefault()?.Round, results.LastOrDefault(), ct));
        return results;
    }

    /// <summary>
    /// For the monthly leadership report: the latest closed round's results, the previous closed round's, and the
    /// improvement actions (every open or in-progress action, plus all actions of the latest round). Null before any round is closed.
    /// </summary>
    public async Task<MaturityLeadershipSummary?> GetLatestClosedAsync(CancellationToken ct = default)
    {
        var latest = await rounds.LatestClosedAsync(ct);
        if (latest is null) return null;
        var current = (await GetAsync(latest.Id, ct))!;
        var previous = current.Previous is { } p ? await GetAsync(p.Id, ct) : null;
        return new MaturityLeadershipSummary(current, previous, await actions.ForRoundSummaryAsync(latest.Id, ct));
    }

    private async Task<MaturityRoundResult> ScoreAsync(MaturityRoundSummary round, MaturityRoundSummary? previous, MaturityRoundResult? previousResult, CancellationToken ct)
    {
        var model = (await models.GetVersionAsync(round.ModelVersionId, ct))!.Definition;
        var targets = await rounds.TargetsAsync(round.Id, ct);
        var raters = await db.MaturityRaters.AsNoTracking().Where(r => r.RoundId == round.Id).Select(r => new { r.UserId, r.SubmittedAtUtc }).ToListAsync(ct);
        var submitted = raters.Where(r => r.SubmittedAtUtc is not null).Select(r => r.UserId).ToList();
        var ratings = await db.MaturityRatings.AsNoTracking()
            .Where(r => r.RoundId == round.Id && submitted.Contains(r.RaterUserId))
            .Select(r => new StatementRating(r.RaterUserId, r.StatementKey, r.Score))
            .ToListAsync(ct);

        var inputs = model.Capabilities.Select(c => new CapabilityScoringInput(
            c.Key,
            c.Statements.Select(s => s.Key).ToList(),
            targets.TryGetValue(c.Key, out var target) ? target : null,
            previousResult?.Capability(c.Key)?.Score.Mean));
        var scores = MaturityScoring.ScoreAll(inputs, ratings);
        return new MaturityRoundResult
        {
            Round = round,
            Model = model,
            Previous = previous,
            Capabilities = model.Capabilities.Select((c, i) => new CapabilityResult(i + 1, c, scores[i])).ToList(),
            RatersAsked = raters.Count,
            RatersSubmitted = submitted.Count,
        };
    }
}
