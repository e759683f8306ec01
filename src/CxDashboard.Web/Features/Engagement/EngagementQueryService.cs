using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Engagement;

public sealed record TeamEngagement(int TeamId, string Team, DateOnly Period, EngagementResult Result);

/// <summary>Engagement of several teams together in one month.</summary>
public sealed record CombinedEngagement(DateOnly Period, EngagementResult Result, int TeamsIncluded, int TeamsLeftOut);

/// <summary>
/// Engagement per team and month as it may be shown: always through <see cref="EngagementPublication"/>, so the
/// anonymity threshold and the rule that an open month publishes nothing hold wherever figures leave the app.
/// </summary>
public sealed class EngagementQueryService(CxDbContext db, OrganisationSettingsService organisation, TimeProvider clock)
{
    /// <summary>Today in the organisation's time zone: what decides whether a month has ended.</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken ct = default) => (await organisation.GetTimeAsync(ct)).Today(clock);

    public async Task<IReadOnlyList<TeamEngagement>> ForPeriodsAsync(
        DateOnly fromMonth, DateOnly toMonth, int? teamId, DataScope scope, CancellationToken ct = default)
    {
        var today = await TodayAsync(ct);
        var (teams, answers) = await LoadAsync(fromMonth, toMonth, teamId, scope, ct);
        var result = new List<TeamEngagement>();
        for (var month = fromMonth; month <= toMonth; month = month.AddMonths(1))
        {
            foreach (var team in teams)
                result.Add(new TeamEngagement(team.Id, team.Name, month, EngagementPublication.Publish(answers[(team.Id, month)].ToList(), month, today)));
        }
        return result;
    }

    /// <summary>
    /// The teams' answers together, per month, counting only teams that reached the threshold on their own: a total
    /// that included a small team would let its results be worked out by subtracting the other teams.
    /// </summary>
    public async Task<IReadOnlyList<CombinedEngagement>> CombinedAsync(
        DateOnly fromMonth, DateOnly toMonth, int? teamId, DataScope scope, CancellationToken ct = default)
    {
        var today = await TodayAsync(ct);
        var (teams, answers) = await LoadAsync(fromMonth, toMonth, teamId, scope, ct);
        var result = new List<CombinedEngagement>();
        for (var month = fromMonth; month <= toMonth; month = month.AddMonths(1))
        {
            if (!EngagementPublication.IsPublished(month, today))
            {
                result.Add(new CombinedEngagement(month, EngagementResult.Collecting, 0, 0));
                continue;
            }
            var perTeam = teams.Select(t => answers[(t.Id, month)].ToList()).Where(a => a.Count > 0).ToList();
            var included = perTeam.Where(a => a.Count >= EngagementCalculator.AnonymityThreshold).ToList();
            result.Add(new CombinedEngagement(month, EngagementPublication.Publish(included.SelectMany(a => a).ToList(), month, today),
                included.Count, perTeam.Count - included.Count));
        }
        return result;
    }

    /// <summary>
    /// The latest month within the range that is published and has answers from the teams in scope, or null. For
    /// figures that pool teams (the maturity model's engagement KPIs).
    /// </summary>
    public async Task<DateOnly?> LatestPublishedMonthAsync(DateOnly fromMonth, DateOnly toMonth, DataScope scope, CancellationToken ct = default)
    {
        var today = await TodayAsync(ct);
        var lastEnded = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (toMonth > lastEnded) toMonth = lastEnded;
        var teams = (await db.Teams.AsNoTracking().Select(t => t.Id).ToListAsync(ct)).Where(scope.AllowsTeam).ToList();
        return await db.EngagementAnswers.AsNoTracking()
            .Where(a => a.Period >= fromMonth && a.Period <= toMonth && teams.Contains(a.TeamId))
            .MaxAsync(a => (DateOnly?)a.Period, ct);
    }

    /// <summary>Answers so far per team in a month (every source), for the pulse's administration page.</summary>
    public async Task<IReadOnlyDictionary<int, int>> AnswerCountsAsync(DateOnly month, CancellationToken ct = default) =>
        await db.EngagementAnswers.AsNoTracking().Where(a => a.Period == month)
            .GroupBy(a => a.TeamId).Select(g => new { TeamId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TeamId, g => g.Count, ct);

    private async Task<(List<Data.Entities.Team> Teams, ILookup<(int TeamId, DateOnly Period), PulseAnswer> Answers)> LoadAsync(
        DateOnly fromMonth, DateOnly toMonth, int? teamId, DataScope scope, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => teamId == null || t.Id == teamId).OrderBy(t => t.Name).ToListAsync(ct);
        teams = teams.Where(t => scope.AllowsTeam(t.Id)).ToList();
        var teamIds = teams.Select(t => t.Id).ToList();

        var answers = await db.EngagementAnswers.AsNoTracking()
            .Where(a => a.Period >= fromMonth && a.Period <= toMonth && teamIds.Contains(a.TeamId))
            .ToListAsync(ct);
        return (teams, answers.ToLookup(
            a => (a.TeamId, a.Period),
            a => new PulseAnswer(a.Enps, a.Items.Where(i => i is not null).Select(i => i!.Value).ToList())));
    }
}
