using System.Linq.Expressions;
using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>
/// What "most urgent first" means, in one place for the worklist, the API, the CLI and the callback export: open cases
/// before closed ones; among open cases, those overdue (past due with no attempt) or escalated first, then the highest
/// priority, then the earliest due time; closed cases most recently closed first.
/// </summary>
public static class CallbackUrgency
{
    /// <summary>Past its due time with no contact attempt yet.</summary>
    public static Expression<Func<CallbackCase, bool>> IsOverdue(DateTime nowUtc) =>
        c => c.Status == CallbackCaseStatus.Open && c.FirstAttemptAtUtc == null && c.DueAtUtc < nowUtc;

    public static IOrderedQueryable<CallbackCase> MostUrgentFirst(this IQueryable<CallbackCase> cases, DateTime nowUtc) =>
        cases.OrderBy(c => c.Status)
            .ThenByDescending(c => c.Status == CallbackCaseStatus.Open && (c.EscalatedAtUtc != null || (c.FirstAttemptAtUtc == null && c.DueAtUtc < nowUtc)))
            .ThenByDescending(c => c.Status == CallbackCaseStatus.Open ? c.Priority : 0)
            .ThenByDescending(c => c.ClosedAtUtc)
            .ThenBy(c => c.DueAtUtc)
            .ThenBy(c => c.Id);
}
