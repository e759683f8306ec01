using System.Globalization;
using System.Security.Claims;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Dashboard;
using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Presentation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Exports;

public sealed record ExportFile(string FileName, byte[] Content)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// A temporary file a download is written into before anything is sent, so a refused or failed export answers with
    /// an explanation, never half a workbook; it deletes itself when the response has been sent.
    /// </summary>
    public static FileStream Temporary() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
}

/// <summary>
/// Gathers the KPI workbook for a filter. The CLI names filters as the `kpis` verb does and sees everything; the web
/// starts from the dashboard's filter and the signed-in user's scope. The Summary comes from the same query as the
/// `kpis` JSON and the API, so its numbers are theirs. The workbook is streamed into the output
/// (<see cref="StreamingXlsxWriter"/>): its size in memory does not grow with the period.
/// </summary>
public sealed class KpiExportService(
    CxDbContext db,
    KpiQueryService queries,
    KpiReportService reports,
    KpiTargetService targets,
    DashboardService dashboard,
    OrganisationSettingsService organisation,
    CallbackKpiService callbacks,
    TimeProvider clock)
{
    /// <summary>Writes the workbook for a `kpis`-style request into <paramref name="output"/>; returns its file name.</summary>
    public async Task<string> ForRequestAsync(KpiRequest request, DocumentLanguage language, Stream output, Func<Stream, ITableWorkbookWriter>? writerFactory = null,
        CancellationToken ct = default)
    {
        using var words = language.Use();
        var query = await reports.ResolveAsync(request, ct);
        var filters = new KpiReportFilters(request.Team, request.Agent, request.Channel?.ToLowerInvariant(), request.Reason);
        return await WriteAsync(query, DataScope.Everything, ExportText.For(language)["all teams"], filters, language, output, writerFactory, ct);
    }

    /// <summary>Writes the workbook of the dashboard's filters, in the user's scope, into <paramref name="output"/>; returns its file name.</summary>
    public async Task<string> ForDashboardAsync(DashboardFilter filter, ClaimsPrincipal user, DocumentLanguage language, Stream output, CancellationToken ct = default)
    {
        using var words = language.Use();
        var (query, scope, _, _) = await dashboard.ResolveAsync(filter, user, ct);
        var visibleTeams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Where(t => scope.IsUnrestricted || scope.AllowsTeam(t.Id)).ToList();
        var team = query.TeamId is { } teamId ? await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(ct) : null;
        var agent = query.AgentId is { } agentId ? await db.Agents.Where(a => a.Id == agentId).Select(a => a.ExternalId).FirstOrDefaultAsync(ct) : null;
        var reason = query.ReasonId is { } reasonId ? await db.ContactReasons.Where(r => r.Id == reasonId).Select(r => r.Code).FirstOrDefaultAsync(ct) : null;
        var filters = new KpiReportFilters(team, agent, query.Channel?.Code(), reason);
        return await WriteAsync(query, scope, DashboardService.DescribeScope(scope, visibleTeams, scope.AgentId is not null), filters, language, output, null, ct);
    }

    private async Task<string> WriteAsync(MetricQuery query, DataScope scope, string scopeDescription, KpiReportFilters filters, DocumentLanguage language,
        Stream output, Func<Stream, ITableWorkbookWriter>? writerFactory, CancellationToken ct)
    {
        var t = ExportText.For(language);
        var settings = await organisation.GetAsync(ct);
        var totals = await queries.TotalsAsync(query, scope, ct);
        var previous = await queries.TotalsAsync(query.PreviousPeriod(), scope, ct);
        var byDay = await queries.ByDayAsync(query, scope, ct);
        var byTeam = await queries.ByTeamAsync(query, scope, ct);
        var byAgent = await queries.ByAgentAsync(query, scope, ct);
        var byReason = await queries.ByReasonAsync(query, scope, ct);
        var byChannel = await queries.ByChannelAsync(query, scope, ct);

        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var agents = await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new { a.ExternalId, a.Name, a.TeamId }, ct);
        var reasons = await db.ContactReasons.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);

        var content = new KpiWorkbookContent
        {
            Title = t.Format("CX KPIs {0}", Period(query.From, query.To)),
            Language = language,
            OrganisationName = settings.Name,
            Query = query,
            Summary = KpiReport.Create(totals, query, settings.TimeZoneId, filters),
            Totals = totals,
            Previous = previous,
            Targets = await targets.LoadAsync(ct),
            TargetTeamId = query.TeamId,
            ScopeDescription = scopeDescription,
            Filters = Describe(t, filters, query, teams, agents.ToDictionary(a => a.Key, a => a.Value.Name), reasons),
            ExportedAtUtc = clock.GetUtcNow().UtcDateTime,
            Teams = byTeam.OrderByDescending(kv => kv.Value.Contacts)
                .Select(kv => new KpiBreakdownRow(kv.Key == 0 ? t["No team (self-service)"] : teams.GetValueOrDefault(kv.Key) ?? t.Format("Team id {0}", kv.Key), kv.Value))
                .ToList(),
            Agents = byAgent.Where(kv => kv.Key != 0).OrderByDescending(kv => kv.Value.Contacts)
                .Select(kv =>
                {
                    var agent = agents.GetValueOrDefault(kv.Key);
                    return new KpiBreakdownRow(agent?.Name ?? t.Format("Agent {0}", kv.Key), kv.Value, agent?.ExternalId,
                        agent?.TeamId is { } teamId ? teams.GetValueOrDefault(teamId) : null);
                })
                .ToList(),
            Reasons = byReason.OrderByDescending(kv => kv.Value.Contacts)
                .Select(kv =>
                {
                    var reason = reasons.GetValueOrDefault(kv.Key);
                    var share = totals.Contacts == 0 ? 0 : 100.0 * kv.Value.Contacts / totals.Contacts;
                    var complexity = reason?.Complexity ?? 3;
                    return new ReasonBreakdownRow(reason?.Code ?? "?", reason?.Name ?? t.Format("Reason {0}", kv.Key), complexity, share,
                        SelfServiceCandidates.IsCandidate(share, complexity), kv.Value);
                })
                .ToList(),
            Channels = Channels.All.Where(byChannel.ContainsKey).Select(c => new KpiBreakdownRow(language.Words.Channel(c), byChannel[c], c.Code())).ToList(),
            Days = Enumerable.Range(0, query.Days).Select(i => query.From.AddDays(i))
                .Select(day => (day, byDay.GetValueOrDefault(day, KpiCounts.Empty))),
            Callbacks = scope.AgentId is not null || scope.SeesNothing ? null : await callbacks.GetAsync(new CallbackKpiRequest
            {
                From = query.From, To = query.To, TeamId = query.TeamId, TeamScope = scope.TeamIds, AsOfUtc = query.AsOfUtc,
            }, ct),
        };

        using (var writer = (writerFactory ?? (s => new StreamingXlsxWriter(s)))(output))
        {
            await KpiWorkbook.WriteAsync(content, writer, ct);
        }
        return FileName(query, filters);
    }

    private static IReadOnlyList<string> Describe(DocumentText t, KpiReportFilters filters, MetricQuery query, IReadOnlyDictionary<int, string> teams,
        IReadOnlyDictionary<int, string> agents, IReadOnlyDictionary<int, ContactReason> reasons)
    {
        var described = new List<string>();
        if (query.TeamId is { } team) described.Add(t.Format("team {0}", teams.GetValueOrDefault(team, filters.Team ?? "?")));
        if (query.AgentId is { } agent) described.Add(t.Format("agent {0} ({1})", agents.GetValueOrDefault(agent, "?"), filters.Agent));
        if (query.Channel is { } channel) described.Add(t.Format("channel {0}", t.Language.Words.Channel(channel)));
        if (query.ReasonId is { } reason && reasons.GetValueOrDefault(reason) is { } r) described.Add(t.Format("reason {0} ({1})", r.Name, r.Code));
        if (query.SameReasonOnly) described.Add(t["repeats and FCR: same reason only"]);
        return described;
    }

    public static string FileName(MetricQuery query, KpiReportFilters filters)
    {
        var parts = new List<string> { "cx-kpis", query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        foreach (var part in new[] { filters.Team, filters.Agent, filters.Channel, filters.Reason })
            if (!string.IsNullOrWhiteSpace(part)) parts.Add(ExportFileNames.Slug(part));
        return string.Join('-', parts) + ".xlsx";
    }

    private static string Period(DateOnly from, DateOnly to) => Presentation.Display.Period(from, to);
}
