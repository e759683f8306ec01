using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Engagement;

public sealed record TeamEngagement(int TeamId, string Team, DateOnly Period, EngagementResult Result);

/// <summary>Engagement of several teams together in one month.</summary>
public sealed record CombinedEngagement(DateOnly Period, EngagementResult Result, int TeamsIncluded, int TeamsLeftOut);

/// <summary>Engagement per team and month, always through <see cref="EngagementCalculator"/> so the anonymity threshold holds everywhere.</summary>
public sealed class EngagementQueryService(CxDbContext db)
{
    public async Task<IReadOnlyList<TeamEngagement>> ForPeriodsAsync(
        DateOnly fromMonth, DateOnly toMonth, int? teamId, DataScope scope, CancellationToken ct = default)
    {
        var (teams, answers) = await LoadAsync(fromMonth, toMonth, teamId, scope, ct);
        var result = new List<TeamEngagement>();
        for (var month = fromMonth; month <= toMonth; month = month.AddMonths(1))
        {
            foreach (var team in teams)
                result.Add(new TeamEngagement(team.Id, team.Name, month, EngagementCalculator.Calculate(answers[(team.Id, month)].ToList())));
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
        var (teams, answers) = await LoadAsync(fromMonth, toMonth, teamId, scope, ct);
        var result = new List<CombinedEngagement>();
        for (var month = fromMonth; month <= toMonth; month = month.AddMonths(1))
        {
            var perTeam = teams.Select(t => answers[(t.Id, month)].ToList()).Where(a => a.Count > 0).ToList();
            var included = perTeam.Where(a => a.Count >= EngagementCalculator.AnonymityThreshold).ToList();
            result.Add(new CombinedEngagement(month, EngagementCalculator.Calculate(included.SelectMany(a => a).ToList()),
                included.Count, perTeam.Count - included.Count));
        }
        return result;
    }

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
