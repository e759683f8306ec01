using System.Security.Claims;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>What the dashboard passes to its callback section: its period and team filter, and the targets it has already read.</summary>
public sealed record CallbackSummaryRequest(DateOnly From, DateOnly To, int? Team, KpiTargets? Targets = null);

public sealed record EscalatedCase(long CaseId, string Customer, DateTime DueAtUtc, DateTime EscalatedAtUtc, string? Assignee, string? Team);

/// <summary>The dashboard's callback section: the KPIs for the period and the escalated cases still without an attempt, which need a manager.</summary>
public sealed record CallbackSummary(CallbackKpis Kpis, IReadOnlyList<EscalatedCase> Escalated, TimeZoneInfo TimeZone, bool CanOpenCases, DateTime NowUtc,
    CallbackTargetView SlaMet, CallbackTargetView Recovery);

/// <summary>A callback KPI's status against its target (the team's where the dashboard shows one team), and the target in words ("≥ 90,0 %").</summary>
public sealed record CallbackTargetView(TargetStatus Status, string? Target)
{
    public static CallbackTargetView For(KpiTargets targets, KpiKind kpi, double? value, int? teamId) =>
        new(targets.Evaluate(kpi, value, teamId), Presentation.Display.Target(KpiDefinitions.Get(kpi), targets.For(kpi, teamId)));
}

public sealed class CallbackSummaryService(
    CxDbContext db,
    CallbackKpiService kpis,
    UserScopeService scopes,
    KpiTargetService targetService,
    Organisation.OrganisationSettingsService organisation,
    Microsoft.AspNetCore.Authorization.IAuthorizationService authorization,
    TimeProvider clock)
{
    public const int EscalatedShown = 8;

    public async Task<CallbackSummary> BuildAsync(CallbackSummaryRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var scope = await scopes.ScopeForAsync(user, ct);
        var teamScope = scope.IsUnrestricted ? null : scope.TeamIds ?? new HashSet<int>();
        var numbers = await kpis.GetAsync(new CallbackKpiRequest { From = request.From, To = request.To, TeamId = request.Team, TeamScope = teamScope }, ct);

        var escalated = db.CallbackCases.AsNoTracking().Where(c => c.Status == CallbackCaseStatus.Open && c.EscalatedAtUtc != null && c.FirstAttemptAtUtc == null);
        if (request.Team is { } team) escalated = escalated.Where(c => c.TeamId == team);
        if (teamScope is not null)
        {
            var teams = teamScope.ToList();
            escalated = escalated.Where(c => c.TeamId != null && teams.Contains(c.TeamId.Value));
        }
        var rows = await escalated.OrderBy(c => c.DueAtUtc).Take(EscalatedShown)
            .Select(c => new EscalatedCase(c.Id, c.Customer!.Name ?? c.Customer.ExternalId, c.DueAtUtc, c.EscalatedAtUtc!.Value,
                c.AssignedTo != null ? c.AssignedTo.DisplayName : null, c.Team != null ? c.Team.Name : null))
            .ToListAsync(ct);
        // Links only where the user may follow them: the case pages' own policy decides (leadership may not open cases).
        var canOpen = (await authorization.AuthorizeAsync(user, null, Policies.WorkCallbacks)).Succeeded;
        var targets = request.Targets ?? await targetService.LoadAsync(ct);
        return new CallbackSummary(numbers, rows, (await organisation.GetTimeAsync(ct)).TimeZone, canOpen, clock.GetUtcNow().UtcDateTime,
            CallbackTargetView.For(targets, KpiKind.CallbackSlaMetPercent, numbers.SlaMetPercent, request.Team),
            CallbackTargetView.For(targets, KpiKind.RecoveryRate, numbers.RecoveryRatePercent, request.Team));
    }
}
