using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Presentation;

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
                ? Make("status-green", "Met", CallbackText.Span(dueAtUtc - first))
                : Make("status-amber", "Missed", CallbackText.Span(first - dueAtUtc));
        }
        if (nowUtc > dueAtUtc) return Make("status-red", "Overdue", CallbackText.Span(nowUtc - dueAtUtc));
        var left = dueAtUtc - nowUtc;
        return left <= DueSoon ? Make("status-amber", "DueSoon", CallbackText.Span(left)) : Make("status-none", "Due", CallbackText.Span(left));

        static SlaStatus Make(string cssClass, string state, string span) =>
            new(cssClass, Vocabulary.Current[$"CallbackSla.{state}"], Vocabulary.Current.Format($"CallbackSla.{state}.Detail", span));
    }

    public static (string CssClass, string Word) Priority(int priority)
    {
        var label = CallbackPriority.Label(priority);
        var css = label switch { "Urgent" => "prio-urgent", "High" => "prio-high", _ => "prio-normal" };
        return (css, Vocabulary.Current[$"CallbackPriority.{label}"]);
    }

    /// <summary>One line on why a trigger flagged the customer: "CSAT 1, not resolved", "4 contacts in 7 days".</summary>
    public static string Why(TriggerView trigger, int repeatWindowDays) => trigger.Rule switch
    {
        CallbackRule.RepeatContacts => Vocabulary.Current.Format("CallbackWhy.RepeatContacts", trigger.ContactsInWindow, repeatWindowDays),
        _ => Vocabulary.Current.Format(trigger.Resolved == false ? "CallbackWhy.CsatNotResolved" : "CallbackWhy.Csat", trigger.Csat),
    };
}
