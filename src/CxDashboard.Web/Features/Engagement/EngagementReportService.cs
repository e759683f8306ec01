using System.Globalization;
using System.Security.Claims;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Dashboard;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Presentation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Engagement;

public sealed record EngagementFilter(string? From, string? To, int? Team);

/// <summary>One team-month: engagement (hidden under the threshold) beside the team's CSAT and contact-based FCR.</summary>
public sealed record EngagementRow(int? TeamId, string Team, DateOnly Period, EngagementResult Engagement, KpiCounts Cx, int TeamsLeftOut = 0)
{
    public bool IsTotal => TeamId is null;
}

public sealed record EngagementView
{
    public required DateOnly FromMonth { get; init; }
    public required DateOnly ToMonth { get; init; }
    public required int? TeamId { get; init; }
    public required string ScopeDescription { get; init; }
    public required IReadOnlyList<Choice> TeamChoices { get; init; }

    /// <summary>Every visible team for every month of the range, team by team.</summary>
    public required IReadOnlyList<EngagementRow> Rows { get; init; }

    /// <summary>The last month's rows and the total over teams that reached the threshold.</summary>
    public required IReadOnlyList<EngagementRow> LatestMonth { get; init; }
    public required EngagementRow LatestTotal { get; init; }

    /// <summary>Per month, the teams that reached the threshold together (the table's total rows).</summary>
    public required IReadOnlyList<EngagementRow> Totals { get; init; }
    public required string TrendSvg { get; init; }
    public required IReadOnlyList<string> TrendColumns { get; init; }
    public required IReadOnlyList<(string Month, IReadOnlyList<string> Values)> TrendRows { get; init; }
    public required int WindowDays { get; init; }

    /// <summary>Why the page opened on an earlier month than the current one (no months chosen); null otherwise.</summary>
    public string? OpenedOnNote { get; init; }

    /// <summary>Whether any pulse answers exist for the months at all (to tell "no answers" from "under the threshold").</summary>
    public bool AnyAnswers { get; init; }
    public bool AnyShown => Rows.Any(r => !r.Engagement.Suppressed);

    /// <summary>Whether the range reaches into the month still open (its figures are published when it ends).</summary>
    public bool EndsInOpenMonth => Totals.Count > 0 && Totals[^1].Engagement.MonthOpen;
}

/// <summary>
/// The Engagement page: engagement index and eNPS per team and month (through <see cref="EngagementQueryService"/>, so
/// a team-month under 5 answers or not yet ended shows nothing), beside the same teams' CSAT and contact-based FCR, in
/// the user's scope.
/// </summary>
public sealed class EngagementReportService(
    CxDbContext db,
    EngagementQueryService engagement,
    KpiQueryService queries,
    UserScopeService scopes,
    ScopedFilters scopedFilters,
    OrganisationSettingsService organisation,
    EngagementPageText text,
    TimeProvider clock)
{
    public const int DefaultMonths = 6;

    /// <summary>Team lines drawn in the trend chart; with more teams the chart shows the combined index only.</summary>
    private const int MaxTeamLines = 8;

    private static readonly string[] Palette = [Charts.Blue, Charts.Green, Charts.Orange, Charts.Purple, "#00838f", "#ad1457", "#5d4037", Charts.Grey];

    public async Task<EngagementView> BuildAsync(EngagementFilter filter, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var scope = await scopes.ScopeForAsync(user, ct);
        var settings = await organisation.GetAsync(ct);
        var today = (await organisation.GetTimeAsync(ct)).Today(clock);
        var currentMonth = new DateOnly(today.Year, today.Month, 1);
        await scopedFilters.CheckTeamAsync(filter.Team, scope, ct);
        var visibleTeams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Where(t => scope.AllowsTeam(t.Id)).ToList();
        // Without a choice the page ends on the last month that has ended with answers: the current month publishes nothing yet.
        var openOn = await LastEndedMonthWithAnswersAsync(currentMonth, visibleTeams.Select(t => t.Id).ToList(), ct) ?? currentMonth.AddMonths(-1);
        var (fromMonth, toMonth) = Range(filter, openOn);
        string? openedOnNote = filter.To is null && toMonth < currentMonth
            ? text.OpenedOnEarlierMonth(toMonth, currentMonth, today.Day)
            : null;

        var teamId = filter.Team;

        var perTeam = await engagement.ForPeriodsAsync(fromMonth, toMonth, teamId, scope, ct);
        var combined = await engagement.CombinedAsync(fromMonth, toMonth, teamId, scope, ct);
        var cx = new Dictionary<DateOnly, Dictionary<int, KpiCounts>>();
        for (var month = fromMonth; month <= toMonth; month = month.AddMonths(1))
        {
            var query = new MetricQuery
            {
                From = month,
                To = month.AddMonths(1).AddDays(-1),
                TeamId = teamId,
                WindowDays = settings.RepeatWindowDays,
                AsOfUtc = clock.GetUtcNow().UtcDateTime,
            };
            cx[month] = await queries.ByTeamAsync(query, scope, ct);
        }

        var rows = perTeam
            .Select(t => new EngagementRow(t.TeamId, t.Team, t.Period, t.Result, cx[t.Period].GetValueOrDefault(t.TeamId) ?? KpiCounts.Empty))
            .OrderBy(r => r.Team, StringComparer.CurrentCulture).ThenBy(r => r.Period)
            .ToList();
        var totals = combined.ToDictionary(c => c.Period, c => new EngagementRow(null, text.AllShownTeams, c.Period, c.Result,
            KpiCounts.Sum(rows.Where(r => r.Period == c.Period).Select(r => r.Cx)), c.TeamsLeftOut));

        var anyAnswers = await db.EngagementAnswers.AnyAsync(a => a.Period >= fromMonth && a.Period <= toMonth, ct);
        var (svg, columns, trendRows) = Trend(rows, totals, fromMonth, toMonth);
        return new EngagementView
        {
            FromMonth = fromMonth,
            ToMonth = toMonth,
            TeamId = teamId,
            ScopeDescription = teamId is { } id ? text.OneTeam(visibleTeams.First(t => t.Id == id).Name)
                : Vocabulary.Current.Scope(false, scope.TeamIds is not null ? visibleTeams.Select(t => t.Name).ToList() : null),
            TeamChoices = visibleTeams.Select(t => new Choice(t.Id.ToString(CultureInfo.InvariantCulture), t.Name)).ToList(),
            Rows = rows,
            LatestMonth = rows.Where(r => r.Period == toMonth).ToList(),
            LatestTotal = totals[toMonth],
            Totals = totals.Values.OrderBy(t => t.Period).ToList(),
            TrendSvg = svg,
            TrendColumns = columns,
            TrendRows = trendRows,
            WindowDays = settings.RepeatWindowDays,
            OpenedOnNote = openedOnNote,
            AnyAnswers = anyAnswers && visibleTeams.Count > 0,
        };
    }

    /// <summary>The last month that has ended with pulse answers of the visible teams: where the page opens without a choice.</summary>
    private async Task<DateOnly?> LastEndedMonthWithAnswersAsync(DateOnly currentMonth, List<int> teams, CancellationToken ct) =>
        await db.EngagementAnswers.AsNoTracking()
            .Where(a => a.Period < currentMonth && teams.Contains(a.TeamId))
            .OrderByDescending(a => a.Period).Select(a => (DateOnly?)a.Period).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The month range asked for (YYYY-MM), or the last <see cref="DefaultMonths"/> months up to the one asked for (or
    /// <paramref name="defaultLastMonth"/>); checked by <see cref="PeriodRule"/> (at most <see cref="PeriodRule.MaxMonths"/> months).
    /// </summary>
    public static (DateOnly From, DateOnly To) Range(EngagementFilter filter, DateOnly defaultLastMonth)
    {
        DateOnly? asked = string.IsNullOrWhiteSpace(filter.From) ? null : PeriodRule.ParseMonth(filter.From, "from");
        var to = string.IsNullOrWhiteSpace(filter.To) ? defaultLastMonth : PeriodRule.ParseMonth(filter.To, "to");
        var earliest = new DateOnly(PeriodRule.Earliest.Year, PeriodRule.Earliest.Month, 1);
        var from = asked ?? (to.AddMonths(-(DefaultMonths - 1)) is var start && start < earliest ? earliest : start);
        return PeriodRule.CheckMonths(from, to);
    }

    public static string MonthLabel(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private (string Svg, IReadOnlyList<string> Columns, IReadOnlyList<(string, IReadOnlyList<string>)> Rows) Trend(
        IReadOnlyList<EngagementRow> rows, IReadOnlyDictionary<DateOnly, EngagementRow> totals, DateOnly from, DateOnly to)
    {
        var months = new List<DateOnly>();
        for (var m = from; m <= to; m = m.AddMonths(1)) months.Add(m);
        var teams = rows.Select(r => r.Team).Distinct().ToList();
        var lines = teams.Count <= MaxTeamLines
            ? teams.Select((team, i) => new ChartSeries(team,
                months.Select(m => rows.First(r => r.Team == team && r.Period == m).Engagement.EngagementIndex).ToList(), Palette[i % Palette.Length])).ToList()
            : [new ChartSeries(text.AllShownTeams, months.Select(m => totals[m].Engagement.EngagementIndex).ToList(), Charts.Blue)];

        var labels = months.Select(MonthLabel).ToList();
        var plot = Charts.TrendPlot(text.TrendTitle, text.TrendAxis, labels, lines, yMin: 0, yMax: 100);
        var described = lines.Select(l =>
        {
            var shown = l.Values.Zip(labels).Where(p => p.First is not null).Select(p => $"{p.Second} {Display.Number(p.First)}").ToList();
            return $"{l.Name}: {(shown.Count == 0 ? text.NoPublishedMonth : string.Join(", ", shown))}";
        });
        var aria = text.TrendDescription(from, to, string.Join("; ", described));
        var svg = Charts.ToSvg(plot, 720, 300, aria);
        var tableRows = months.Select((m, i) => (MonthLabel(m), (IReadOnlyList<string>)lines.Select(l => Display.Number(l.Values[i])).ToList())).ToList();
        return (svg, lines.Select(l => l.Name).ToList(), tableRows);
    }
}
