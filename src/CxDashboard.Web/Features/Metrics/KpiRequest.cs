using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>A KPI request as the CLI and the API receive it: filters by their external names.</summary>
public sealed record KpiRequest
{
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }

    /// <summary>Team name or numeric id.</summary>
    public string? Team { get; init; }

    /// <summary>The agent's external id (agent_id in files).</summary>
    public string? Agent { get; init; }

    /// <summary>phone, chat, email, messaging, social or selfservice.</summary>
    public string? Channel { get; init; }

    /// <summary>A contact reason code.</summary>
    public string? Reason { get; init; }

    /// <summary>W in days; the organisation's setting when not given.</summary>
    public int? WindowDays { get; init; }
    public bool SameReasonOnly { get; init; }

    /// <summary>The time FCR decidability is judged at; now when not given.</summary>
    public DateTime? AsOfUtc { get; init; }
}

/// <summary>A request that names something that does not exist, or asks for something impossible.</summary>
public sealed class KpiRequestException(string message) : Requests.RequestRefusedException(message);

/// <summary>Resolves <see cref="KpiRequest"/>s into <see cref="MetricQuery"/>s and answers them as <see cref="KpiReport"/>s.</summary>
public sealed class KpiReportService(
    CxDbContext db,
    KpiQueryService queries,
    OrganisationSettingsService organisation,
    TimeProvider clock)
{
    public async Task<KpiReport> GetAsync(KpiRequest request, DataScope scope, CancellationToken ct = default)
    {
        var query = await ResolveAsync(request, ct);
        var counts = await queries.TotalsAsync(query, scope, ct);
        var settings = await organisation.GetAsync(ct);
        return KpiReport.Create(counts, query, settings.TimeZoneId,
            new KpiReportFilters(request.Team, request.Agent, request.Channel?.ToLowerInvariant(), request.Reason));
    }

    public async Task<MetricQuery> ResolveAsync(KpiRequest request, CancellationToken ct = default)
    {
        PeriodRule.Check(request.From, request.To);
        if (request.AsOfUtc is { } asOf) PeriodRule.CheckTime(asOf, "asOf");
        if (request.WindowDays is < 1 or > 90)
            throw new KpiRequestException("The window must be 1 to 90 days.");

        var settings = await organisation.GetAsync(ct);
        Channel? channel = null;
        if (request.Channel is not null)
        {
            if (!Channels.TryParse(request.Channel, out var parsed))
                throw new KpiRequestException($"Unknown channel '{request.Channel}'. Use one of: {Channels.AllCodes}.");
            channel = parsed;
        }

        return new MetricQuery
        {
            From = request.From,
            To = request.To,
            TeamId = request.Team is null ? null : await FindTeamAsync(request.Team, ct),
            AgentId = request.Agent is null ? null : await FindAgentAsync(request.Agent, ct),
            Channel = channel,
            ReasonId = request.Reason is null ? null : await FindReasonAsync(request.Reason, ct),
            WindowDays = request.WindowDays ?? settings.RepeatWindowDays,
            SameReasonOnly = request.SameReasonOnly,
            AsOfUtc = request.AsOfUtc ?? clock.GetUtcNow().UtcDateTime,
        };
    }

    public async Task<int> FindTeamAsync(string nameOrId, CancellationToken ct = default)
    {
        var byName = await db.Teams.Where(t => t.Name == nameOrId).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct)
                     ?? (await db.Teams.AsNoTracking().ToListAsync(ct))
                         .FirstOrDefault(t => string.Equals(t.Name, nameOrId, StringComparison.OrdinalIgnoreCase))?.Id;
        if (byName is { } id) return id;
        if (int.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) &&
            await db.Teams.AnyAsync(t => t.Id == numeric, ct))
            return numeric;
        throw new KpiRequestException($"Unknown team '{nameOrId}'.");
    }

    private async Task<int> FindAgentAsync(string externalId, CancellationToken ct) =>
        await db.Agents.Where(a => a.ExternalId == externalId).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
        ?? throw new KpiRequestException($"Unknown agent '{externalId}'.");

    private async Task<int> FindReasonAsync(string code, CancellationToken ct) =>
        await db.ContactReasons.Where(r => r.Code == code).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct)
        ?? await db.ContactReasons.Where(r => r.Code.ToUpper() == code.ToUpper()).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct)
        ?? throw new KpiRequestException($"Unknown contact reason '{code}'.");
}
