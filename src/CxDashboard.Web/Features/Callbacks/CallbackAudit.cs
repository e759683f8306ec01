using System.Globalization;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>Writes a case's audit trail: every change to a case goes with one of these, in the same save.</summary>
public static class CallbackAudit
{
    public static void Add(CallbackCase callbackCase, CallbackEventKind kind, string? userId, DateTime atUtc, string detail) =>
        callbackCase.Events.Add(new CallbackCaseEvent
        {
            Kind = kind,
            UserId = userId,
            AtUtc = atUtc,
            Detail = detail.Length > 2000 ? detail[..2000] : detail,
        });
}

/// <summary>Words for the enums, as pages, exports and the CLI show them (the vocabulary), and their codes.</summary>
public static class CallbackText
{
    /// <summary>In place of the team (and agent) of a contact outside a team-limited viewer's teams.</summary>
    public static string AnotherTeam => Vocabulary.Current["Callback.AnotherTeam"];

    public static string Outcome(CallbackOutcome outcome) => Vocabulary.Current.CallbackOutcome(outcome);

    /// <summary>The code in JSON and on the command line.</summary>
    public static string OutcomeCode(CallbackOutcome outcome) => outcome switch
    {
        CallbackOutcome.ReachedResolved => "reached-resolved",
        CallbackOutcome.ReachedNotResolved => "reached-not-resolved",
        CallbackOutcome.Unreachable => "unreachable",
        CallbackOutcome.Declined => "declined",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    public static string Rule(CallbackRule rule) => Vocabulary.Current.CallbackRule(rule);

    public static string RuleCode(CallbackRule rule) => rule switch
    {
        CallbackRule.LowCsat => "low-csat",
        CallbackRule.NotResolved => "not-resolved",
        CallbackRule.RepeatContacts => "repeat-contacts",
        _ => rule.ToString().ToLowerInvariant(),
    };

    public static string Channel(CallbackChannel channel) => Vocabulary.Current.CallbackChannel(channel);

    public static string Result(CallbackAttemptResult result) => Vocabulary.Current.CallbackResult(result);

    /// <summary>The worklist's status filter in words ("open", "overdue", …: the codes of <see cref="WorklistFilter.Statuses"/>).</summary>
    public static string WorklistStatus(string code) => Vocabulary.Current[$"CallbackList.{code}"];

    /// <summary>"3 h 20 min", "2 d 4 h", "12 min": a span for humans.</summary>
    public static string Span(TimeSpan span, Vocabulary? words = null)
    {
        words ??= Vocabulary.Current;
        span = span.Duration();
        if (span.TotalDays >= 1) return words.Format("Unit.Span.DaysHours", (int)span.TotalDays, span.Hours);
        if (span.TotalHours >= 1) return words.Format("Unit.Span.HoursMinutes", (int)span.TotalHours, span.Minutes);
        return words.Format("Unit.Span.Minutes", Math.Max(1, (int)Math.Round(span.TotalMinutes)));
    }
}
