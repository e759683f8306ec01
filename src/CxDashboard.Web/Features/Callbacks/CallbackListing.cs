using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>A trigger in the case list: its rule and the external id of the response or contact behind it.</summary>
public sealed record CallbackTriggerListing(string Kind, string SourceType, string SourceId, DateTime TriggeredAt, int? Csat, int? ContactsInWindow);

/// <summary>One case as `callbacks list --format json` and GET /api/v1/callbacks write it (instants in UTC).</summary>
public sealed record CallbackCaseListing(
    long CaseId, string CustomerId, string? CustomerName, string Status, bool Escalated, DateTime CreatedAt, DateTime FirstTriggeredAt,
    DateTime DueAt, int Priority, string? Team, string? AssignedTo, DateTime? FirstAttemptAt, int Attempts, bool? SlaMet,
    string? Outcome, string? RootCause, DateTime? ClosedAt, IReadOnlyList<CallbackTriggerListing> Triggers);

/// <summary>Lists cases for machines (CLI and API), most urgent first as on the worklist (<see cref="CallbackUrgency"/>).</summary>
public sealed class CallbackListingService(CxDbContext db, TimeProvider clock)
{
    public static readonly string[] Statuses = ["open", "closed", "all"];

    public async Task<IReadOnlyList<CallbackCaseListing>> ListAsync(string status, CancellationToken ct = default)
    {
        var cases = db.CallbackCases.AsNoTracking();
        cases = status switch
        {
            "open" => cases.Where(c => c.Status == CallbackCaseStatus.Open),
            "closed" => cases.Where(c => c.Status == CallbackCaseStatus.Closed),
            "all" => cases,
            _ => throw new ArgumentException($"Unknown status '{status}': use {string.Join(", ", Statuses)}.", nameof(status)),
        };
        var rows = await cases
            .MostUrgentFirst(clock.GetUtcNow().UtcDateTime)
            .Select(c => new
            {
                c.Id, Customer = c.Customer!.ExternalId, c.Customer.Name, c.Status, c.EscalatedAtUtc, c.CreatedAtUtc, c.FirstTriggeredAtUtc,
                c.DueAtUtc, c.Priority, Team = c.Team!.Name, Assignee = c.AssignedTo!.Email, c.FirstAttemptAtUtc, c.AttemptCount, c.Outcome,
                RootCause = c.RootCauseReason!.Code, c.ClosedAtUtc,
                Triggers = c.Triggers.OrderBy(t => t.TriggeredAtUtc).ThenBy(t => t.Id).Select(t => new
                {
                    t.Rule, t.TriggeredAtUtc, t.Csat, t.ContactsInWindow,
                    Response = t.SurveyResponse != null ? t.SurveyResponse.ExternalId : null, Contact = t.Contact!.ExternalId,
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return rows.Select(c => new CallbackCaseListing(
                c.Id, c.Customer, c.Name, c.Status == CallbackCaseStatus.Open ? "open" : "closed", c.EscalatedAtUtc is not null,
                c.CreatedAtUtc, c.FirstTriggeredAtUtc, c.DueAtUtc, c.Priority, c.Team, c.Assignee, c.FirstAttemptAtUtc, c.AttemptCount,
                c.FirstAttemptAtUtc is { } first ? first <= c.DueAtUtc : null,
                c.Outcome is { } o ? CallbackText.OutcomeCode(o) : null, c.RootCause, c.ClosedAtUtc,
                c.Triggers.Select(t => new CallbackTriggerListing(CallbackText.RuleCode(t.Rule), t.Response is null ? "contact" : "survey-response",
                    t.Response ?? t.Contact, t.TriggeredAtUtc, t.Csat, t.ContactsInWindow)).ToList()))
            .ToList();
    }
}
