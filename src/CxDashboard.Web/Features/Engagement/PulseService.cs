using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Engagement;

/// <summary>A pulse answer as the form sends it: eNPS 0–10 (optional) and a 1–5 answer (or none) per item number.</summary>
public sealed record PulseSubmission(int? Enps, IReadOnlyDictionary<int, int?> Items);

public enum PulseSubmitOutcome
{
    Accepted,
    NothingAnswered,
    Invalid,
    Unknown,
}

/// <summary>A team's pulse link for the admin page, with how far this month's pulse has come.</summary>
public sealed record TeamPulseStatus(int TeamId, string Team, string? Token, DateTime? CreatedAtUtc, int AnswersThisMonth)
{
    /// <summary>Only "enough" or not below the threshold, so the count itself says nothing about a handful of people.</summary>
    public bool ReachedThreshold => AnswersThisMonth >= EngagementCalculator.AnonymityThreshold;
}

public static class PulseAnswerRules
{
    /// <summary>At least one statement answered; every answer 1–5 on a statement of this pulse; eNPS 0–10 when given.</summary>
    public static PulseSubmitOutcome Check(PulseSubmission submission, PulseStatements statements)
    {
        var known = statements.All.Select(s => s.Item).ToHashSet();
        if (submission.Enps is < 0 or > 10) return PulseSubmitOutcome.Invalid;
        foreach (var (item, value) in submission.Items)
        {
            if (value is null) continue;
            if (!known.Contains(item) || value is < 1 or > 5) return PulseSubmitOutcome.Invalid;
        }
        return submission.Items.Values.Any(v => v is not null) ? PulseSubmitOutcome.Accepted : PulseSubmitOutcome.NothingAnswered;
    }
}

/// <summary>
/// The anonymous engagement pulse: a team's link takes answers for the current month (organisation time zone).
/// An answer row holds the team, the month, eNPS and the items, nothing else: no user, IP address, cookie or time.
/// </summary>
public sealed class PulseService(CxDbContext db, PulseStatements statements, OrganisationSettingsService organisation, TimeProvider clock)
{
    public PulseStatements Statements => statements;

    public async Task<(int Id, string Name)?> FindTeamAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return null;
        var team = await db.TeamPulseLinks.AsNoTracking().Where(l => l.Token == token && l.Team!.IsActive)
            .Select(l => new { l.TeamId, l.Team!.Name }).SingleOrDefaultAsync(ct);
        return team is null ? null : (team.TeamId, team.Name);
    }

    /// <summary>The first day of the current month in the organisation's time zone: the period answers go to.</summary>
    public async Task<DateOnly> CurrentPeriodAsync(CancellationToken ct = default)
    {
        var today = (await organisation.GetTimeAsync(ct)).Today(clock);
        return new DateOnly(today.Year, today.Month, 1);
    }

    public async Task<PulseSubmitOutcome> SubmitAsync(string token, PulseSubmission submission, CancellationToken ct = default)
    {
        if (await FindTeamAsync(token, ct) is not { } team) return PulseSubmitOutcome.Unknown;
        var check = PulseAnswerRules.Check(submission, statements);
        if (check != PulseSubmitOutcome.Accepted) return check;

        var answer = new EngagementAnswer
        {
            TeamId = team.Id,
            Period = await CurrentPeriodAsync(ct),
            Source = EngagementSource.Pulse,
            Enps = submission.Enps,
        };
        foreach (var (item, value) in submission.Items) answer.SetItem(item, value);
        db.EngagementAnswers.Add(answer);
        await db.SaveChangesAsync(ct);
        return PulseSubmitOutcome.Accepted;
    }

    public async Task<IReadOnlyList<TeamPulseStatus>> ListAsync(CancellationToken ct = default)
    {
        var period = await CurrentPeriodAsync(ct);
        var teams = await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var links = await db.TeamPulseLinks.AsNoTracking().ToDictionaryAsync(l => l.TeamId, ct);
        var answers = await db.EngagementAnswers.AsNoTracking().Where(a => a.Period == period && a.Source == EngagementSource.Pulse)
            .GroupBy(a => a.TeamId).Select(g => new { TeamId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.TeamId, g => g.Count, ct);
        return teams.Select(t => new TeamPulseStatus(t.Id, t.Name, links.GetValueOrDefault(t.Id)?.Token, links.GetValueOrDefault(t.Id)?.CreatedAtUtc,
            answers.GetValueOrDefault(t.Id))).ToList();
    }

    /// <summary>Gives a team a new pulse link; the old one stops working at once.</summary>
    public async Task<string> RenewLinkAsync(int teamId, CancellationToken ct = default)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct)) throw new ArgumentException($"No team with id {teamId}.", nameof(teamId));
        var link = await db.TeamPulseLinks.SingleOrDefaultAsync(l => l.TeamId == teamId, ct);
        if (link is null)
        {
            link = new TeamPulseLink { TeamId = teamId, Token = SurveyInvitationService.NewToken() };
            db.TeamPulseLinks.Add(link);
        }
        else
        {
            link.Token = SurveyInvitationService.NewToken();
        }
        link.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return link.Token;
    }

    public static string PathFor(string token) => $"/pulse/{token}";

    public static string PeriodName(DateOnly period) => period.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
