using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Engagement;

public sealed record TeamEngagement(int TeamId, string Team, DateOnly Period, EngagementResult Result);

/// <summary>Engagement per team and month, always through <see cref="EngagementCalculator"/> so the anonymity threshold holds everywhere.</summary>
public sealed class EngagementQueryService(CxDbContext db)
{
    public async Task<IReadOnlyList<TeamEngagement>> ForPeriodsAsync(
        DateOnly fromMonth, DateOnly toMonth, int? teamId, DataScope scope, CancellationToken ct = default)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => teamId == null || t.Id == teamId).OrderBy(t => t.Name).ToListAsync(ct);
        teams = teams.Where(t => scope.AllowsTeam(t.Id)).ToList();
        var teamIds = teams.Select(t => t.Id).ToList();

        var answers = await db.EngagementAnswers.AsNoTracking()
            .Where(a => a.Period >= fromMonth && a.Period <= toMonth && teamIds.Contains(a.TeamId))
            .ToListAsync(ct);
        var byTeamMonth = answers.ToLookup(a => (a.TeamId, a.Period));

        var result = new List<TeamEngagement>();
        for (var month = fromMonth; month <= toMonth; month = month.AddMonths(1))
        {
            foreach (var team in teams)
            {
                var pulse = byTeamMonth[(team.Id, month)]
                    .Select(a => new PulseAnswer(a.Enps, a.Items.Where(i => i is not null).Select(i => i!.Value).ToList()))
                    .ToList();
                result.Add(new TeamEngagement(team.Id, team.Name, month, EngagementCalculator.Calculate(pulse)));
            }
        }
        return result;
    }
}
