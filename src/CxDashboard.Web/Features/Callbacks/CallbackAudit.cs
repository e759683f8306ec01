using CxDashboard.Web.Data.Entities;

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

/// <summary>Words for the enums, as pages, exports and the CLI show them.</summary>
public static class CallbackText
{
    /// <summary>In place of the team (and agent) of a contact outside a team-limited viewer's teams.</summary>
    public const string AnotherTeam = "another team";

    public static string Outcome(CallbackOutcome outcome) => outcome switch
    {
        CallbackOutcome.ReachedResolved => "Reached, resolved",
        CallbackOutcome.ReachedNotResolved => "Reached, not resolved",
        CallbackOutcome.Unreachable => "Unreachable",
        CallbackOutcome.Declined => "Declined",
        _ => outcome.ToString(),
    };

    /// <summary>The code in JSON and on the command line.</summary>
    public static string OutcomeCode(CallbackOutcome outcome) => outcome switch
    {
        CallbackOutcome.ReachedResolved => "reached-resolved",
        CallbackOutcome.ReachedNotResolved => "reached-not-resolved",
        CallbackOutcome.Unreachable => "unreachable",
        CallbackOutcome.Declined => "declined",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    public static string Rule(CallbackRule rule) => rule switch
    {
        CallbackRule.LowCsat => "Low CSAT",
        CallbackRule.NotResolved => "Not resolved",
        CallbackRule.RepeatContacts => "Repeat contacts",
        _ => rule.ToString(),
    };

    public static string RuleCode(CallbackRule rule) => rule switch
    {
        CallbackRule.LowCsat => "low-csat",
        CallbackRule.NotResolved => "not-resolved",
        CallbackRule.RepeatContacts => "repeat-contacts",
        _ => rule.ToString().ToLowerInvariant(),
    };

    public static string Channel(CallbackChannel channel) => channel switch
    {
        CallbackChannel.Phone => "Phone",
        CallbackChannel.TextMessage => "Text message",
        CallbackChannel.Email => "E-mail",
        _ => channel.ToString(),
    };

    public static string Result(CallbackAttemptResult result) => result switch
    {
        CallbackAttemptResult.Reached => "Reached",
        CallbackAttemptResult.NoAnswer => "No answer",
        CallbackAttemptResult.LeftMessage => "Left a message",
        CallbackAttemptResult.WrongNumber => "Wrong number",
        _ => result.ToString(),
    };

    /// <summary>"3 h 20 min", "2 d 4 h", "12 min": a span for humans.</summary>
    public static string Span(TimeSpan span)
    {
        span = span.Duration();
        if (span.TotalDays >= 1) return $"{(int)span.TotalDays} d {span.Hours} h";
        if (span.TotalHours >= 1) return $"{(int)span.TotalHours} h {span.Minutes} min";
        return $"{Math.Max(1, (int)Math.Round(span.TotalMinutes))} min";
    }
}
