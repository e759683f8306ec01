using System.Text;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Maturity.Actions;
using CxDashboard.Web.Features.Maturity.Results;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Presentation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// Gathers the monthly leadership report's figures from the product's own query services (the same numbers as the
/// dashboard, the kpis verb and the API), for the whole organisation, as of now.
/// </summary>
public sealed class MonthlyReportService(
    CxDbContext db,
    KpiQueryService queries,
    KpiTargetService targets,
    EngagementQueryService engagement,
    MaturityResultsService maturity,
    CallbackKpiService callbacks,
    ImprovementActionService actions,
    OrganisationSettingsService organisation,
    ReportOptions options,
    TimeProvider clock)
{
    /// <summary>Contact reasons listed by dissatisfaction and by repeats.</summary>
    public const int TopReasons = 5;

    public const int CommentsPerReason = 2;

    /// <summary>Longer comments are shortened at a word boundary.</summary>
    public const int MaxCommentLength = 240;

    /// <summary>The organisation-wide report (Leadership, Admin, unscoped managers, the library's file).</summary>
    public Task<MonthlyReport> BuildAsync(DateOnly month, CancellationToken ct = default) => BuildAsync(month, DataScope.Everything, null, ct);

    public Task<MonthlyReport> BuildAsync(DateOnly month, DataScope scope, CancellationToken ct = default) => BuildAsync(month, scope, null, ct);

    /// <summary>
    /// The report for a scope: everything, or some teams (a team-limited manager's report: every figure, comment, callback,
    /// engagement row and coaching action from those teams only). An agent's or an empty scope has no report.
    /// Written in <paramref name="language"/> (see <see cref="ReportOptions.LanguageOf"/>), else the library's language.
    /// </summary>
    public async Task<MonthlyReport> BuildAsync(DateOnly month, DataScope scope, string? language, CancellationToken ct = default)
    {
        var cultureName = options.LanguageOf(language);
        if (scope.SeesNothing || scope.AgentId is not null)
            throw new ArgumentException("A monthly report is made for the whole organisation or for teams.", nameof(scope));
        month = new DateOnly(month.Year, month.Month, 1);
        var lastDay = month.AddMonths(1).AddDays(-1);
        var settings = await organisation.GetAsync(ct);
        var time = await organisation.GetTimeAsync(ct);
        var scopeTeams = scope.TeamIds is { } ids
            ? await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct)
            : null;
        var query = new MetricQuery
        {
            From = month,
            To = lastDay,
            WindowDays = settings.RepeatWindowDays,
            AsOfUtc = clock.GetUtcNow().UtcDateTime,
        };
        // A calendar month compares with the calendar month before: the one rule the dashboard and workbook use too.
        var previousQuery = query.PreviousPeriod();

        // One pass by day over thirteen months gives the trend, the previous month and the same month last year.
        var byDay = await queries.ByDayAsync(query.ForPeriod(month.AddMonths(-12), lastDay), scope, ct);
        KpiCounts MonthOf(DateOnly first)
        {
            var last = first.AddMonths(1).AddDays(-1);
            return KpiCounts.Sum(byDay.Where(d => d.Key >= first && d.Key <= last).Select(d => d.Value));
        }

        var loadedTargets = await targets.LoadAsync(ct);
        var byChannel = await queries.ByChannelAsync(query, scope, ct);
        var byChannelBefore = await queries.ByChannelAsync(previousQuery, scope, ct);
        var reasons = await ReasonsAsync(query, previousQuery, scope, ct);

        var report = new MonthlyReport
        {
            Month = month,
            OrganisationName = settings.Name,
            ScopeTeams = scopeTeams,
            CultureName = cultureName,
            TimeZone = time.TimeZone,
            AsOfUtc = query.AsOfUtc,
            WindowDays = query.WindowDays,
            Current = MonthOf(month),
            Previous = MonthOf(previousQuery.From),
            LastYear = MonthOf(month.AddYears(-1)),
            Targets = KpiDefinitions.All
                .Select(d => (d.Kind, Target: loadedTargets.For(d.Kind)))
                .Where(t => t.Target is not null)
                .ToDictionary(t => t.Kind, t => t.Target!),
            Trend = Enumerable.Range(0, 12).Select(i => month.AddMonths(i - 11)).Select(m => new MonthCounts(m, MonthOf(m))).ToList(),
            Channels = Channels.All.Where(c => byChannel.ContainsKey(c) || byChannelBefore.ContainsKey(c))
                .Select(c => new ChannelMonth(c, byChannel.GetValueOrDefault(c) ?? KpiCounts.Empty, byChannelBefore.GetValueOrDefault(c) ?? KpiCounts.Empty))
                .ToList(),
            ReasonsByDissatisfaction = reasons.ByDissatisfaction,
            ReasonsByRepeats = reasons.ByRepeats,
            Callbacks = new CallbackMonth(
                await callbacks.GetAsync(new CallbackKpiRequest { From = month, To = lastDay, AsOfUtc = query.AsOfUtc, TeamScope = scope.TeamIds }, ct),
                await callbacks.GetAsync(new CallbackKpiRequest { From = previousQuery.From, To = previousQuery.To, AsOfUtc = query.AsOfUtc, TeamScope = scope.TeamIds }, ct)),
            Engagement = await EngagementAsync(query, scope, ct),
            Maturity = await MaturityAsync(lastDay, ct),
            OpenActions = await OpenActionsAsync(time.Today(clock), scope, ct),
        };
        using (ReportCulture.Use(report.CultureName))
            return report with { Summary = MonthlySummaryWriter.Write(report) };
    }

    private async Task<(IReadOnlyList<ReasonHighlight> ByDissatisfaction, IReadOnlyList<ReasonHighlight> ByRepeats)> ReasonsAsync(
        MetricQuery query, MetricQuery previousQuery, DataScope scope, CancellationToken ct)
    {
        var now = await queries.ByReasonAsync(query, scope, ct);
        var before = await queries.ByReasonAsync(previousQuery, scope, ct);
        var names = await db.ContactReasons.AsNoTracking().ToDictionaryAsync(r => r.Id, r => (r.Code, r.Name), ct);

        var byDissatisfaction = now.Where(r => r.Value.CsatNegative > 0)
            .OrderByDescending(r => r.Value.CsatNegative).ThenByDescending(r => r.Value.Dissatisfied.Percent).ThenBy(r => r.Key)
            .Take(TopReasons).ToList();
        var byRepeats = now.Where(r => r.Value.RepeatContacts > 0)
            .OrderByDescending(r => r.Value.RepeatContacts).ThenByDescending(r => r.Value.RepeatRate.Percent).ThenBy(r => r.Key)
            .Take(TopReasons).ToList();

        var commented = byDissatisfaction.Take(MonthlyReportView.CommentedReasons).Select(r => r.Key)
            .Concat(byRepeats.Take(MonthlyReportView.CommentedReasons).Select(r => r.Key)).ToHashSet();
        var candidates = await CommentCandidatesAsync(query, commented, scope, ct);
        var windowTicks = ContactRules.WindowTicks(query.WindowDays);

        // A comment is quoted once in the report: the repeats section passes over those the dissatisfaction section used.
        var quoted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var dissatisfaction = byDissatisfaction.Select((r, i) => Highlight(r.Key, r.Value, before, names,
            i < MonthlyReportView.CommentedReasons ? PickComments(candidates, r.Key, c => c.Csat <= 2, quoted) : [])).ToList();
        var repeats = byRepeats.Select((r, i) => Highlight(r.Key, r.Value, before, names,
            i < MonthlyReportView.CommentedReasons ? PickComments(candidates, r.Key, c => c.PrevGapTicks <= windowTicks, quoted) : [])).ToList();
        return (dissatisfaction, repeats);
    }

    /// <summary>A response with a comment from a customer who was not satisfied (CSAT 1–3), with what it rates.</summary>
    private sealed record CommentCandidate(int ReasonId, int? TeamId, string Comment, int Csat, DateTime ReceivedAtUtc, long Id, DateOnly Date, Channel Channel, long? PrevGapTicks);

    /// <summary>
    /// The month's survey responses with a comment and CSAT 1–3 on contacts of these reasons. One query that walks the
    /// month's contacts by their date index (a reason filter in SQL would lead SQLite to the reason index and all
    /// history), so its cost follows the month; the reasons are picked in memory.
    /// </summary>
    private async Task<IReadOnlyList<CommentCandidate>> CommentCandidatesAsync(MetricQuery query, IReadOnlySet<int> reasonIds, DataScope scope, CancellationToken ct)
    {
        if (reasonIds.Count == 0) return [];
        var rows = await (
                from contact in db.Contacts.AsNoTracking()
                where contact.LocalDate >= query.From && contact.LocalDate <= query.To
                join response in db.SurveyResponses.AsNoTracking() on contact.Id equals response.ContactId
                where response.Kind == SurveyResponseKind.PostContact && response.Csat <= 3 && response.Comment != null && response.Comment != ""
                select new CommentCandidate(contact.ReasonId, contact.TeamId, response.Comment!, response.Csat, response.ReceivedAtUtc, response.Id,
                    contact.LocalDate, contact.Channel, contact.PrevGapTicks))
            .ToListAsync(ct);
        return rows.Where(r => reasonIds.Contains(r.ReasonId) && (scope.TeamIds is not { } teams || r.TeamId is { } team && teams.Contains(team))).ToList();
    }

    /// <summary>
    /// Real comments of one reason that show the problem: from dissatisfied customers (CSAT 1–2), or for repeats from
    /// customers who had to get in touch again (CSAT 1–3); lowest score first, newest first, no two alike.
    /// </summary>
    private static IReadOnlyList<CustomerComment> PickComments(IReadOnlyList<CommentCandidate> candidates, int reasonId, Func<CommentCandidate, bool> shows,
        HashSet<string> quoted)
    {
        var picked = candidates.Where(c => c.ReasonId == reasonId && shows(c))
            .OrderBy(c => c.Csat).ThenByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new CustomerComment(CleanComment(c.Comment), c.Csat, c.Date, c.Channel))
            .Where(c => c.Text.Length > 0 && !quoted.Contains(c.Text))
            .DistinctBy(c => c.Text, StringComparer.OrdinalIgnoreCase)
            .Take(CommentsPerReason)
            .ToList();
        quoted.UnionWith(picked.Select(c => c.Text));
        return picked;
    }

    private static ReasonHighlight Highlight(int reasonId, KpiCounts counts, IReadOnlyDictionary<int, KpiCounts> before,
        IReadOnlyDictionary<int, (string Code, string Name)> names, IReadOnlyList<CustomerComment> comments)
    {
        var (code, name) = names.TryGetValue(reasonId, out var known) ? known : ($"#{reasonId}", Vocabulary.Current.Format("Report.UnknownReason", reasonId));
        return new ReasonHighlight(code, name, counts, before.GetValueOrDefault(reasonId) ?? KpiCounts.Empty, comments);
    }

    /// <summary>One line of plain text: control characters and runs of whitespace become single spaces; long text is shortened.</summary>
    public static string CleanComment(string comment)
    {
        var text = new StringBuilder(comment.Length);
        foreach (var ch in comment.Trim())
        {
            var c = char.IsControl(ch) || char.IsWhiteSpace(ch) ? ' ' : ch;
            if (c == ' ' && (text.Length == 0 || text[^1] == ' ')) continue;
            text.Append(c);
        }
        var clean = text.ToString().Trim();
        if (clean.Length <= MaxCommentLength) return clean;
        var cut = clean.LastIndexOf(' ', MaxCommentLength - 1);
        return clean[..(cut > MaxCommentLength / 2 ? cut : MaxCommentLength - 1)].TrimEnd(' ', ',', '.', ';', ':') + "…";
    }

    private async Task<EngagementMonth> EngagementAsync(MetricQuery query, DataScope scope, CancellationToken ct)
    {
        var month = query.From;
        var teams = await engagement.ForPeriodsAsync(month, month, null, scope, ct);
        var total = (await engagement.CombinedAsync(month, month, null, scope, ct)).Single();
        var cx = await queries.ByTeamAsync(query, scope, ct);
        var answers = db.EngagementAnswers.Where(a => a.Period == month);
        if (scope.TeamIds is { } ids) answers = answers.Where(a => ids.Contains(a.TeamId));
        var anyAnswers = await answers.AnyAsync(ct);
        return new EngagementMonth(month,
            teams.Select(t => new TeamEngagementMonth(t.Team, t.Result, cx.GetValueOrDefault(t.TeamId) ?? KpiCounts.Empty)).ToList(),
            total, anyAnswers);
    }

    /// <summary>Open and in-progress coaching actions aimed at a KPI, per KPI and owner (the manager who planned them).</summary>
    private async Task<IReadOnlyList<KpiOpenActions>> OpenActionsAsync(DateOnly today, DataScope scope, CancellationToken ct)
    {
        var actions = db.CoachingActions.AsNoTracking()
            .Where(a => a.FocusKpi != null && (a.Status == CoachingActionStatus.Open || a.Status == CoachingActionStatus.InProgress));
        if (scope.TeamIds is { } ids) actions = actions.Where(a => a.Agent!.TeamId != null && ids.Contains(a.Agent.TeamId.Value));
        var open = await actions
            .Select(a => new { Kind = a.FocusKpi!.Value, a.DueDate, Owner = a.CreatedBy!.DisplayName })
            .ToListAsync(ct);
        return open.GroupBy(a => a.Kind)
            .Select(g => new KpiOpenActions(g.Key, g.Count(), g.Count(a => a.DueDate < today),
                g.GroupBy(a => string.IsNullOrWhiteSpace(a.Owner) ? Vocabulary.Current["Report.UnknownOwner"] : a.Owner)
                    .Select(o => new ActionOwner(o.Key, o.Count())).OrderByDescending(o => o.Actions).ThenBy(o => o.Name, StringComparer.Ordinal).ToList()))
            .OrderBy(k => k.Kind)
            .ToList();
    }

    /// <summary>The latest closed round assessed by the end of the month, the round before it, and its actions.</summary>
    private async Task<MaturityLeadershipSummary?> MaturityAsync(DateOnly lastDay, CancellationToken ct)
    {
        var history = await maturity.ClosedHistoryAsync(ct);
        var index = history.ToList().FindLastIndex(r => r.Round.AssessedOn <= lastDay);
        if (index < 0) return null;
        var current = history[index];
        return new MaturityLeadershipSummary(current, index > 0 ? history[index - 1] : null, await actions.ForRoundSummaryAsync(current.Round.Id, ct));
    }
}
