using System.Security.Claims;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Actions;
using CxDashboard.Web.Features.Maturity.Kpis;
using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Maturity.Results;
using CxDashboard.Web.Features.Maturity.Rounds;
using CxDashboard.Web.Features.Maturity.Scoring;
using CxDashboard.Web.Features.Organisation;

namespace CxDashboard.Web.Features.Maturity;

/// <summary>A round in the overview's list, with its headline figures.</summary>
public sealed record MaturityRoundRow(MaturityRoundSummary Round, int RatersAsked, int RatersSubmitted, double? OverallMean, double? Change);

public sealed record MaturityOverview(
    IReadOnlyList<MaturityRoundRow> Rounds,
    IReadOnlyList<MaturityRoundSummary> AwaitingMyRating,
    MaturityLeadershipSummary? Latest,
    string? LatestRadarSvg,
    int OverdueActions,
    int ActiveActions);

public sealed record MaturityRoundPage(
    MaturityRoundResult Result,
    string RadarSvg,
    IReadOnlyList<RaterProgress> Raters,
    CapabilityKpiBoard Kpis,
    IReadOnlyList<ImprovementActionView> Actions,
    IReadOnlyList<RaterComment> Comments,
    IReadOnlyList<IndividualRating>? IndividualRatings,
    bool IsRater,
    bool HasSubmitted,
    TimeZoneInfo TimeZone);

/// <summary>A capability's score in one closed round, for its history.</summary>
public sealed record CapabilityHistoryRow(MaturityRoundSummary Round, CapabilityScore Score);

public sealed record MaturityCapabilityPage(
    MaturityModelSnapshot Model,
    MaturityCapability Capability,
    IReadOnlyList<CapabilityHistoryRow> History,
    MaturityRoundResult? LatestRound,
    IReadOnlyList<CapabilityKpiView> Kpis,
    CapabilityKpiBoard KpiBoard,
    IReadOnlyList<ImprovementActionView> Actions);

/// <summary>Builds the maturity pages' views, so page models stay thin. Individual ratings only for administrators.</summary>
public sealed class MaturityPageQueries(
    MaturityRoundService rounds,
    MaturityResultsService results,
    MaturityModelService models,
    ImprovementActionService actions,
    CapabilityKpiService kpis,
    UserScopeService scopes,
    OrganisationSettingsService organisation)
{
    public async Task<MaturityOverview> OverviewAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var closed = await results.ClosedHistoryAsync(ct);
        var rows = new List<MaturityRoundRow>();
        foreach (var round in await rounds.ListAsync(ct))
        {
            var result = round.IsOpen ? await results.GetAsync(round.Id, ct) : closed.First(r => r.Round.Id == round.Id);
            rows.Add(new MaturityRoundRow(round, result!.RatersAsked, result.RatersSubmitted, result.OverallMean, result.OverallChange));
        }
        var latest = await results.GetLatestClosedAsync(ct);
        var active = await actions.ListAsync(new ImprovementActionFilter { ActiveOnly = true }, ct);
        return new MaturityOverview(
            rows,
            await rounds.AwaitingRaterAsync(userId, ct),
            latest,
            latest is null ? null : MaturityRadar.Svg(latest.Current, LocalizedText.CurrentLanguage),
            active.Count(a => a.IsOverdue),
            active.Count);
    }

    public async Task<MaturityRoundPage?> RoundAsync(int roundId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var result = await results.GetAsync(roundId, ct);
        if (result is null) return null;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var isAdmin = user.IsInRole(Roles.Admin);
        var raters = await rounds.RaterProgressAsync(roundId, result.Model.AllStatements.Count(), ct);
        var me = raters.FirstOrDefault(r => r.UserId == userId);
        return new MaturityRoundPage(
            result,
            MaturityRadar.Svg(result, LocalizedText.CurrentLanguage),
            raters,
            await kpis.ForCapabilitiesAsync(result.Model.Capabilities, await scopes.ScopeForAsync(user, ct), ct),
            await actions.ForRoundSummaryAsync(roundId, ct),
            await rounds.CommentsAsync(roundId, withNames: isAdmin, ct),
            isAdmin ? await rounds.IndividualRatingsAsync(roundId, ct) : null,
            me is not null,
            me?.Submitted == true,
            (await organisation.GetTimeAsync(ct)).TimeZone);
    }

    /// <summary>A capability of the current model: its history over closed rounds, the latest round's statements, live KPIs and actions.</summary>
    public async Task<MaturityCapabilityPage?> CapabilityAsync(string key, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var model = await models.GetCurrentAsync(ct);
        var capability = model.Definition.Capability(key);
        if (capability is null) return null;
        var history = await results.ClosedHistoryAsync(ct);
        var rows = history.Where(r => r.Capability(key) is not null)
            .Select(r => new CapabilityHistoryRow(r.Round, r.Capability(key)!.Score)).Reverse().ToList();
        var board = await kpis.ForCapabilitiesAsync([capability], await scopes.ScopeForAsync(user, ct), ct);
        return new MaturityCapabilityPage(
            model,
            capability,
            rows,
            history.LastOrDefault(r => r.Capability(key) is not null),
            board.For(key),
            board,
            await actions.ListAsync(new ImprovementActionFilter { CapabilityKey = key }, ct));
    }
}
