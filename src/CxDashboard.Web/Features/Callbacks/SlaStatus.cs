using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>Where a case stands against its due time, as a status word (never colour alone) and a detail line.</summary>
public sealed record SlaStatus(string CssClass, string Word, string Detail)
{
    /// <summary>Under this much time left, an open case is shown as due soon.</summary>
    public static readonly TimeSpan DueSoon = TimeSpan.FromHours(2);

    public static SlaStatus For(DateTime dueAtUtc, DateTime? firstAttemptAtUtc, DateTime nowUtc)
    {
        if (firstAttemptAtUtc is { } first)
        {
            return first <= dueAtUtc
                ? new("status-green", "SLA met", $"first attempt {CallbackText.Span(dueAtUtc - first)} before the due time")
                : new("status-amber", "SLA missed", $"first attempt {CallbackText.Span(first - dueAtUtc)} after the due time");
        }
        if (nowUtc > dueAtUtc) return new("status-red", "Overdue", $"by {CallbackText.Span(nowUtc - dueAtUtc)}, no attempt yet");
        var left = dueAtUtc - nowUtc;
        return left <= DueSoon
            ? new("status-amber", "Due soon", $"{CallbackText.Span(left)} left")
            : new("status-none", "Due", $"in {CallbackText.Span(left)}");
    }

    public static (string CssClass, string Word) Priority(int priority) => CallbackPriority.Label(priority) switch
    {
        "Urgent" => ("prio-urgent", "Urgent"),
        "High" => ("prio-high", "High"),
        _ => ("prio-normal", "Normal"),
    };

    /// <summary>One line on why a trigger flagged the customer: "CSAT 1, not resolved", "4 contacts in 7 days".</summary>
    public static string Why(TriggerView trigger, int repeatWindowDays) => trigger.Rule switch
    {
        CallbackRule.RepeatContacts => $"{trigger.ContactsInWindow} contacts in {repeatWindowDays} days",
        _ => $"CSAT {trigger.Csat}" + (trigger.Resolved == false ? ", not resolved" : ""),
    };
}
