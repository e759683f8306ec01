using CxDashboard.DemoData;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Coaching.Demo;

/// <summary>
/// Gives the demo organisation the coaching its managers would be doing, in the agents' own language (Swedish), following
/// the agents' profiles in <c>seed-data/demo/organisation.json</c>: the agent whose results dropped lately is being
/// coached now, the agents with short calls and many repeats have an open action on repeats, new starters listen in with
/// experienced colleagues (one of them overdue), and the agent coached months ago has a finished action.
/// Team Luleå's actions are the team lead's, the others the manager's. Deterministic: dates count from today.
/// </summary>
public sealed class CoachingDemoSeeder(CxDbContext db, OrganisationSettingsService organisation, TimeProvider clock)
{
    public const string ManagerLogin = "manager@demo.local";
    public const string TeamLeadLogin = "teamlead@demo.local";

    private sealed record Plan(string Title, string? Notes, KpiKind? Focus, string? ReasonCode, CoachingActionStatus Status,
        int CreatedDaysAgo, int DueInDays, int? CompletedDaysAgo = null);

    /// <summary>What a manager agrees with an agent of each profile; several agents of one profile take turns over the variants.</summary>
    private static readonly Dictionary<string, Plan[]> PlansByProfile = new()
    {
        ["declining"] =
        [
            new("Gå igenom de senaste missnöjda svaren tillsammans och hitta mönstret",
                "Resultaten har sjunkit de senaste veckorna. Vi lyssnar på tre samtal tillsammans och stämmer av hur arbetsbelastningen känns.",
                KpiKind.CsatPercent, null, CoachingActionStatus.InProgress, CreatedDaysAgo: 6, DueInDays: 8),
        ],
        ["quickRepeat"] =
        [
            new("Bekräfta att fakturafrågan är löst innan samtalet avslutas",
                "Många kunder ringer tillbaka inom en vecka om samma faktura. Sammanfatta vad som är gjort och fråga om något är oklart.",
                KpiKind.RepeatContactRate, "FAKTURA", CoachingActionStatus.Open, CreatedDaysAgo: 9, DueInDays: 12),
            new("Kontrollera att felet är åtgärdat innan du avslutar felanmälan",
                "Be kunden testa medan ni är kvar i samtalet. Hellre ett par minuter längre samtal än ett nytt samtal i morgon.",
                KpiKind.ContactFcrPercent, "FEL", CoachingActionStatus.Open, CreatedDaysAgo: 4, DueInDays: 17),
        ],
        ["learning"] =
        [
            new("Medlyssning med en erfaren kollega två gånger i veckan",
                "Fokus på felanmälningar: ställ kontrollfrågorna i felsökningsguiden innan du bokar tekniker.",
                KpiKind.SurveyFcrPercent, "FEL", CoachingActionStatus.InProgress, CreatedDaysAgo: 20, DueInDays: 10),
            new("Gå igenom rutinen för flytt och anstånd med handledaren",
                null, KpiKind.SurveyFcrPercent, "FLYTT", CoachingActionStatus.Open, CreatedDaysAgo: 25, DueInDays: -3),
        ],
        ["coached"] =
        [
            new("Ta den tid samtalet behöver och kontrollera att frågan är löst innan du avslutar",
                "Medlyssning varannan vecka under två månader. Återkontakterna ligger nu i nivå med teamets.",
                KpiKind.RepeatContactRate, null, CoachingActionStatus.Done, CreatedDaysAgo: 125, DueInDays: -65, CompletedDaysAgo: 70),
        ],
    };

    public async Task SeedAsync(DemoOrganisation config, CancellationToken ct = default)
    {
        if (await db.CoachingActions.AnyAsync(ct)) return;
        var time = await organisation.GetTimeAsync(ct);
        var today = time.Today(clock);
        var coaches = await db.Users.AsNoTracking().Where(u => u.Email == ManagerLogin || u.Email == TeamLeadLogin)
            .ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
        if (!coaches.TryGetValue(ManagerLogin, out var manager)) return;
        var teamLead = coaches.GetValueOrDefault(TeamLeadLogin, manager);
        var agents = await db.Agents.AsNoTracking().Where(a => a.Email != null)
            .Select(a => new { a.Id, a.Email, Team = a.Team == null ? null : a.Team.Name }).ToListAsync(ct);
        var agentsByEmail = agents.ToDictionary(a => a.Email!, StringComparer.OrdinalIgnoreCase);
        var reasons = await db.ContactReasons.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Id, ct);
        var firstTeam = config.Teams.Count > 0 ? config.Teams[0].Name : null;

        var turns = new Dictionary<string, int>();
        foreach (var configured in config.Agents)
        {
            if (!PlansByProfile.TryGetValue(configured.Profile, out var plans) || !agentsByEmail.TryGetValue(configured.Email, out var agent)) continue;
            var turn = turns.GetValueOrDefault(configured.Profile);
            turns[configured.Profile] = turn + 1;
            var plan = plans[turn % plans.Length];
            var created = time.StartOfDayUtc(today.AddDays(-plan.CreatedDaysAgo)).AddHours(10);
            var completed = plan.CompletedDaysAgo is { } daysAgo ? today.AddDays(-daysAgo) : (DateOnly?)null;
            db.CoachingActions.Add(new CoachingAction
            {
                AgentId = agent.Id,
                Title = plan.Title,
                Notes = plan.Notes,
                FocusKpi = plan.Focus,
                ReasonId = plan.ReasonCode is { } code && reasons.TryGetValue(code, out var reasonId) ? reasonId : null,
                DueDate = today.AddDays(plan.DueInDays),
                Status = plan.Status,
                CreatedByUserId = agent.Team == firstTeam ? teamLead : manager,
                CreatedAtUtc = created,
                UpdatedAtUtc = completed is { } done ? time.StartOfDayUtc(done).AddHours(15) : created,
                CompletedOn = completed,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
