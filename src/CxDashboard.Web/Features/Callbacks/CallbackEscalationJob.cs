using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Presentation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Callbacks;

public sealed record EscalationRunResult(DateTime AsOfUtc, int Escalated, int PrioritiesChanged, int OpenCases)
{
    public string Summary => $"{Escalated} overdue case(s) escalated, {PrioritiesChanged} priorit(ies) refreshed, {OpenCases} open case(s)";
}

/// <summary>
/// The escalation job (Hangfire recurring, every 15 minutes by default): an open case past its due time without any
/// attempt is marked escalated (audited; managers see it on the dashboard). Each case escalates once, also when two
/// runs overlap (the update only takes cases not yet escalated). It also refreshes the age part of open cases' priority.
/// </summary>
public sealed class CallbackEscalationJob(CxDbContext db, CallbackSettingsService settingsService, TimeProvider clock, ILogger<CallbackEscalationJob> logger)
{
    public const string RecurringJobId = "escalate-overdue-callbacks";
    private const int CasesPerTransaction = 500;

    public async Task<EscalationRunResult> RunAsync(DateTime? asOfUtc = null, CancellationToken ct = default)
    {
        var asOf = DateTime.SpecifyKind(asOfUtc ?? clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc);
        var configuration = await settingsService.GetAsync(ct);

        var overdue = await db.CallbackCases.AsNoTracking()
            .Where(c => c.Status == CallbackCaseStatus.Open && c.EscalatedAtUtc == null && c.FirstAttemptAtUtc == null && c.DueAtUtc < asOf)
            .Select(c => new { c.Id, c.DueAtUtc })
            .ToListAsync(ct);
        var escalated = 0;
        // One transaction (one flush to disk) per chunk, not per case: a go-live run can escalate thousands.
        foreach (var chunk in overdue.Chunk(CasesPerTransaction))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var c in chunk)
            {
                // Claims the escalation atomically: of two overlapping runs only one updates the row and writes the event.
                var claimed = await db.CallbackCases
                    .Where(x => x.Id == c.Id && x.Status == CallbackCaseStatus.Open && x.EscalatedAtUtc == null && x.FirstAttemptAtUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.EscalatedAtUtc, asOf).SetProperty(x => x.Version, x => x.Version + 1), ct);
                if (claimed == 0) continue;
                db.CallbackCaseEvents.Add(new CallbackCaseEvent
                {
                    CaseId = c.Id,
                    AtUtc = asOf,
                    Kind = CallbackEventKind.Escalated,
                    Detail = $"Escalated: due {configuration.Time.ToLocal(c.DueAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} " +
                             $"and no attempt yet (overdue by {CallbackText.Span(asOf - c.DueAtUtc, Vocabulary.For(System.Globalization.CultureInfo.InvariantCulture))})",
                });
                escalated++;
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var open = await db.CallbackCases.AsNoTracking()
            .Where(c => c.Status == CallbackCaseStatus.Open)
            .Select(c => new { c.Id, c.Priority, c.FirstTriggeredAtUtc, Triggers = c.Triggers.Select(t => new { t.Rule, t.Csat }).ToList() })
            .ToListAsync(ct);
        var changed = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var c in open)
            {
                var priority = CallbackPriority.Compute(c.Triggers.Select(t => (t.Rule, t.Csat)).ToList(), c.FirstTriggeredAtUtc, asOf);
                if (priority == c.Priority) continue;
                // Priority is derived data, not a decision: no audit event and no concurrency token bump (users' forms stay valid).
                changed += await db.CallbackCases.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Priority, priority), ct);
            }
            await transaction.CommitAsync(ct);
        }

        var result = new EscalationRunResult(asOf, escalated, changed, open.Count);
        logger.LogInformation("Callback escalation as of {AsOf:u}: {Summary}", asOf, result.Summary);
        return result;
    }
}
