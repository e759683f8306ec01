using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Security;
using CxDashboard.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Engagement;

/// <summary>A pulse answer as the form sends it: eNPS 0–10 (optional) and a 1–5 answer (or none) per item number.</summary>
public sealed record PulseSubmission(int? Enps, IReadOnlyDictionary<int, int?> Items);

public enum PulseSubmitOutcome
{
    Accepted,
    NothingAnswered,
    Invalid,
    Unknown,

    /// <summary>The team's pulse has as many answers this month as the team has members (plus a margin).</summary>
    TeamFull,

    /// <summary>Many answers to this link came from the client's address within the hour.</summary>
    AddressBusy,
}

/// <summary>Limits on answering the pulse (section <c>Pulse</c>), against one person answering again and again.</summary>
public sealed class PulseOptions
{
    public const string Section = "Pulse";

    /// <summary>Answers to one team's link from one client address within <see cref="AddressWindowMinutes"/>.</summary>
    public int MaxAnswersPerAddress { get; set; } = 10;
    public int AddressWindowMinutes { get; set; } = 60;

    /// <summary>
    /// Pulse answers a team-month takes beyond the team's active agents (its lead, a newcomer not yet imported); a
    /// team with no active agents has no such cap.
    /// </summary>
    public int AnswersAboveTeamSize { get; set; } = 2;
}

/// <summary>
/// A team's pulse link and how its months stand, for the admin page, through the same publication rule as the
/// Engagement page: answers so far this month (every source; under the threshold only "fewer than 5"), and whether
/// last month's figures were published.
/// </summary>
public sealed record TeamPulseStatus(
    int TeamId, string Team, bool HasLink, DateTime? CreatedAtUtc, int AnswersThisMonth, int? PulseAnswerCap, EngagementResult LastMonth)
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
/// Repeated answers are limited without identifying anyone: a browser cookie holding the month (see the page), at most
/// <see cref="PulseOptions.MaxAnswersPerAddress"/> answers per link and client address an hour (counted in memory,
/// never stored), and at most as many answers per team-month as the team has members plus a margin.
/// </summary>
public sealed class PulseService(
    CxDbContext db,
    PulseStatements statements,
    OrganisationSettingsService organisation,
    EngagementQueryService engagement,
    AttemptCounters counters,
    IOptionsMonitor<PulseOptions> options,
    TimeProvider clock)
{
    public PulseStatements Statements => statements;

    public async Task<(int Id, string Name)?> FindTeamAsync(string token, CancellationToken ct = default)
    {
        if (LinkTokens.LookupHash(token) is not { } hash) return null;
        var team = await db.TeamPulseLinks.AsNoTracking().Where(l => l.TokenHash == hash && l.Team!.IsActive)
            .Select(l => new { l.TeamId, l.Team!.Name }).SingleOrDefaultAsync(ct);
        return team is null ? null : (team.TeamId, team.Name);
    }

    /// <summary>The first day of the current month in the organisation's time zone: the period answers go to.</summary>
    public async Task<DateOnly> CurrentPeriodAsync(CancellationToken ct = default)
    {
        var today = (await organisation.GetTimeAsync(ct)).Today(clock);
        return new DateOnly(today.Year, today.Month, 1);
    }

    /// <param name="clientAddress">Who is answering, as the limits count it (<see cref="ClientAddress"/>); kept in memory for the hour only.</param>
    public async Task<PulseSubmitOutcome> SubmitAsync(string token, PulseSubmission submission, string clientAddress, CancellationToken ct = default)
    {
        if (await FindTeamAsync(token, ct) is not { } team) return PulseSubmitOutcome.Unknown;
        var check = PulseAnswerRules.Check(submission, statements);
        if (check != PulseSubmitOutcome.Accepted) return check;

        var o = options.CurrentValue;
        var addressKey = string.Create(CultureInfo.InvariantCulture, $"pulse:{team.Id}:{clientAddress}");
        var window = TimeSpan.FromMinutes(Math.Max(1, o.AddressWindowMinutes));
        if (counters.PulseAnswers.IsOverLimit(addressKey, o.MaxAnswersPerAddress, window, out _)) return PulseSubmitOutcome.AddressBusy;
        var period = await CurrentPeriodAsync(ct);
        if (await PulseAnswerCapAsync(team.Id, o, ct) is { } cap
            && await db.EngagementAnswers.CountAsync(a => a.TeamId == team.Id && a.Period == period && a.Source == EngagementSource.Pulse, ct) >= cap)
            return PulseSubmitOutcome.TeamFull;

        var answer = new EngagementAnswer
        {
            TeamId = team.Id,
            Period = period,
            Source = EngagementSource.Pulse,
            Enps = submission.Enps,
        };
        foreach (var (item, value) in submission.Items) answer.SetItem(item, value);
        db.EngagementAnswers.Add(answer);
        await db.SaveChangesAsync(ct);
        counters.PulseAnswers.Record(addressKey, window);
        return PulseSubmitOutcome.Accepted;
    }

    private async Task<int?> PulseAnswerCapAsync(int teamId, PulseOptions o, CancellationToken ct) =>
        CapFor(await db.Agents.CountAsync(a => a.TeamId == teamId && a.IsActive, ct), o);

    /// <summary>The most pulse answers a team-month takes: its active agents plus the margin; none when no agent is known.</summary>
    private static int? CapFor(int activeAgents, PulseOptions o) => activeAgents == 0 ? null : activeAgents + Math.Max(0, o.AnswersAboveTeamSize);

    public async Task<IReadOnlyList<TeamPulseStatus>> ListAsync(CancellationToken ct = default)
    {
        var period = await CurrentPeriodAsync(ct);
        var o = options.CurrentValue;
        var teams = await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var links = await db.TeamPulseLinks.AsNoTracking().ToDictionaryAsync(l => l.TeamId, ct);
        var answers = await engagement.AnswerCountsAsync(period, ct);
        var lastMonth = (await engagement.ForPeriodsAsync(period.AddMonths(-1), period.AddMonths(-1), null, DataScope.Everything, ct))
            .ToDictionary(t => t.TeamId, t => t.Result);
        var members = await db.Agents.AsNoTracking().Where(a => a.IsActive && a.TeamId != null)
            .GroupBy(a => a.TeamId!.Value).Select(g => new { TeamId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.TeamId, g => g.Count, ct);
        return teams.Select(t =>
        {
            var link = links.GetValueOrDefault(t.Id);
            return new TeamPulseStatus(t.Id, t.Name, link is not null, link?.CreatedAtUtc, answers.GetValueOrDefault(t.Id),
                CapFor(members.GetValueOrDefault(t.Id), o), lastMonth.GetValueOrDefault(t.Id) ?? EngagementResult.Hidden);
        }).ToList();
    }

    /// <summary>
    /// Gives a team a new pulse link and returns its token, the only time it can be read (only its hash is kept); the
    /// old link stops working at once.
    /// </summary>
    public async Task<string> RenewLinkAsync(int teamId, CancellationToken ct = default)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct)) throw new ArgumentException($"No team with id {teamId}.", nameof(teamId));
        var token = LinkTokens.New();
        var link = await db.TeamPulseLinks.SingleOrDefaultAsync(l => l.TeamId == teamId, ct);
        if (link is null)
        {
            link = new TeamPulseLink { TeamId = teamId, TokenHash = LinkTokens.Hash(token) };
            db.TeamPulseLinks.Add(link);
        }
        else
        {
            link.TokenHash = LinkTokens.Hash(token);
        }
        link.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return token;
    }

    public static string PathFor(string token) => $"/pulse/{token}";

    public static string PeriodName(DateOnly period) => period.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
