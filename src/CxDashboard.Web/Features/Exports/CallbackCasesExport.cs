using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Presentation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Exports;

/// <summary>
/// Callback cases whose first trigger lies in the period (as the callback KPIs count "flagged"): why the customer
/// was flagged, when the case was due, attempts and whether the SLA was met, the outcome and root cause, and the
/// follow-up survey's answer. A team-scoped user gets their teams' cases; an agent none.
/// </summary>
public sealed class CallbackCasesExport(CxDbContext db) : IRawExportSource
{
    public RawExportKind Kind => RawExportKind.Callbacks;

    public async Task<RawExportSheet> SheetAsync(MetricQuery query, DataScope scope, OrganisationTime time, RawExportNames names, DocumentText t, CancellationToken ct)
    {
        // The callback rule's own window ("3 contacts in 7 days"), not the KPIs' repeat window.
        var repeatWindowDays = await db.CallbackSettings.AsNoTracking().OrderBy(s => s.Id).Select(s => (int?)s.RepeatWindowDays).FirstOrDefaultAsync(ct) ?? new CallbackSettings().RepeatWindowDays;
        var from = time.StartOfDayUtc(query.From);
        var to = time.StartOfDayUtc(query.To.AddDays(1));
        var asOf = query.AsOfUtc;
        var cases = db.CallbackCases.AsNoTracking().Where(c => c.FirstTriggeredAtUtc >= from && c.FirstTriggeredAtUtc < to);
        if (scope.SeesNothing || scope.AgentId is not null) cases = cases.Where(c => false);
        if (scope.TeamIds is { } teams)
        {
            var allowed = teams.ToList();
            cases = cases.Where(c => c.TeamId != null && allowed.Contains(c.TeamId.Value));
        }
        var zone = time.TimeZone.Id;
        XlValue Local(DateTime? utc) => XlValue.FromDateTime(utc is { } u ? time.ToLocal(u) : null);

        XlColumn<CaseRow>[] columns =
        [
            new(t["Case"], 8, XlFormat.Integer, c => c.Id),
            new(t["Status"], 9, XlFormat.Text, c => t.LowerFirst(t.Language.Words.CallbackStatus(c.Status))),
            new(t["Team"], 18, XlFormat.Text, c => names.Team(c.TeamId)),
            new(t["Customer id"], 14, XlFormat.Text, c => c.CustomerExternalId),
            new(t["Flagged by"], 16, XlFormat.Text, c => c.FirstRule is { } rule ? t.Language.Words.CallbackRule(rule) : null),
            new(t["Why"], 22, XlFormat.Text, c => Why(t, c, repeatWindowDays)),
            new(t["Triggers"], 8, XlFormat.Integer, c => c.Triggers),
            new(t["Lowest CSAT"], 8, XlFormat.Integer, c => c.LowestCsat),
            new(t["Customer's comment"], 50, XlFormat.Text, c => c.FirstComment),
            new(t.Format("First triggered ({0})", zone), 17, XlFormat.DateTime, c => Local(c.FirstTriggeredAtUtc)),
            new(t.Format("Due ({0})", zone), 17, XlFormat.DateTime, c => Local(c.DueAtUtc)),
            new(t["Priority (1–100)"], 9, XlFormat.Integer, c => c.Priority),
            new(t["Assigned to"], 18, XlFormat.Text, c => c.AssignedTo),
            new(t.Format("First attempt ({0})", zone), 17, XlFormat.DateTime, c => Local(c.FirstAttemptAtUtc)),
            new(t["Attempts"], 8, XlFormat.Integer, c => c.Attempts),
            new(t["Hours to first attempt"], 10, XlFormat.Decimal1, c => (c.FirstAttemptAtUtc - c.FirstTriggeredAtUtc)?.TotalHours),
            new(t["SLA"], 11, XlFormat.Text, c => t[Sla(c, asOf)]),
            new(t["SLA met"], 8, XlFormat.Boolean, c => Sla(c, asOf) switch { "met" => true, "missed" => false, _ => (bool?)null }),
            new(t.Format("Escalated ({0})", zone), 17, XlFormat.DateTime, c => Local(c.EscalatedAtUtc)),
            new(t.Format("Closed ({0})", zone), 17, XlFormat.DateTime, c => Local(c.ClosedAtUtc)),
            new(t["Outcome"], 20, XlFormat.Text, c => c.Outcome is { } o ? t.Language.Words.CallbackOutcome(o) : null),
            new(t["Root cause code"], 13, XlFormat.Text, c => names.ReasonCode(c.RootCauseReasonId)),
            new(t["Root cause"], 24, XlFormat.Text, c => names.Reason(c.RootCauseReasonId)),
            new(t["Closing note"], 40, XlFormat.Text, c => c.ClosingNote),
            new(t["Follow-up CSAT"], 9, XlFormat.Integer, c => c.FollowUpCsat),
            new(t["Recovered"], 9, XlFormat.Boolean, c => c.FollowUpCsat is { } csat ? csat >= 4 : (bool?)null),
        ];
        return RawExportSheet.Create(t["Callback cases"], t["of the case's first trigger (a response's arrival, or the repeat contact's start)"], cases.CountAsync, columns,
            _ => cases.MostUrgentFirst(asOf)
                .Select(c => new CaseRow(
                    c.Id, c.Status, c.TeamId, c.Customer!.ExternalId, c.FirstTriggeredAtUtc, c.DueAtUtc, c.Priority,
                    c.AssignedTo == null ? null : c.AssignedTo.DisplayName, c.FirstAttemptAtUtc, c.AttemptCount, c.EscalatedAtUtc,
                    c.ClosedAtUtc, c.Outcome, c.RootCauseReasonId, c.ClosingNote,
                    c.Triggers.Count(),
                    c.Triggers.OrderBy(t => t.TriggeredAtUtc).ThenBy(t => t.Id).Select(t => (CallbackRule?)t.Rule).FirstOrDefault(),
                    c.Triggers.OrderBy(t => t.TriggeredAtUtc).ThenBy(t => t.Id).Select(t => t.Csat).FirstOrDefault(),
                    c.Triggers.OrderBy(t => t.TriggeredAtUtc).ThenBy(t => t.Id).Select(t => t.SurveyResponse == null ? null : t.SurveyResponse.Resolved).FirstOrDefault(),
                    c.Triggers.OrderBy(t => t.TriggeredAtUtc).ThenBy(t => t.Id).Select(t => t.ContactsInWindow).FirstOrDefault(),
                    c.Triggers.Min(t => t.Csat),
                    c.Triggers.Where(t => t.SurveyResponse != null && t.SurveyResponse.Comment != null && t.SurveyResponse.Comment != "")
                        .OrderBy(t => t.TriggeredAtUtc).Select(t => t.SurveyResponse!.Comment).FirstOrDefault(),
                    db.SurveyResponses.Where(r => r.Kind == SurveyResponseKind.CallbackFollowUp && r.CallbackCaseId == c.Id)
                        .OrderBy(r => r.ReceivedAtUtc).Select(r => (int?)r.Csat).FirstOrDefault()))
                .AsAsyncEnumerable(),
            [
                t["One row per case whose first trigger lies in the period, most urgent first as on the worklist: open cases overdue or escalated, then by priority and due time; closed cases last, most recently closed first."],
                t["SLA: met when the first contact attempt was at or before the due time; missed when it was later or the case is past due without one; not yet due otherwise (not counted, as in the callback KPIs)."],
                t["Recovered: the follow-up survey after the callback scored CSAT 4–5; empty when the customer has not answered one."],
                t["Customer names, phone numbers and e-mail addresses are not exported; the case page has them for the call."],
            ]);
    }

    private static string Why(DocumentText t, CaseRow c, int windowDays) => c.FirstRule switch
    {
        CallbackRule.RepeatContacts => t.Format("{0} contacts in {1} days", c.FirstContactsInWindow, windowDays),
        null => "",
        _ => t.Format(c.FirstResolved == false ? "CSAT {0}, not resolved" : "CSAT {0}", c.FirstCsat),
    };

    private static string Sla(CaseRow c, DateTime asOf) =>
        c.FirstAttemptAtUtc is { } attempt ? attempt <= c.DueAtUtc ? "met" : "missed"
        : c.DueAtUtc < asOf ? "missed" : "not yet due";

    private sealed record CaseRow(
        long Id, CallbackCaseStatus Status, int? TeamId, string CustomerExternalId, DateTime FirstTriggeredAtUtc, DateTime DueAtUtc, int Priority,
        string? AssignedTo, DateTime? FirstAttemptAtUtc, int Attempts, DateTime? EscalatedAtUtc, DateTime? ClosedAtUtc, CallbackOutcome? Outcome,
        int? RootCauseReasonId, string? ClosingNote, int Triggers, CallbackRule? FirstRule, int? FirstCsat, bool? FirstResolved, int? FirstContactsInWindow,
        int? LowestCsat, string? FirstComment, int? FollowUpCsat);
}
