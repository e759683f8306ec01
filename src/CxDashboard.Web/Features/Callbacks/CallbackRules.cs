using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>
/// The flagging rules of domain.md with the organisation's thresholds (pure: no database). A response triggers one
/// rule at most (the more severe one), a contact triggers the repeat rule when it is at least the N-th contact of
/// its customer within the window.
/// </summary>
public sealed class CallbackRules(CallbackSettings settings)
{
    public CallbackSettings Settings { get; } = settings;

    public TimeSpan RepeatWindow => TimeSpan.FromDays(Settings.RepeatWindowDays);

    /// <summary>The rule a post-contact response triggers, or null. Only post-contact responses flag anyone.</summary>
    public CallbackRule? ForResponse(SurveyResponseKind kind, int csat, bool? resolved)
    {
        if (kind != SurveyResponseKind.PostContact) return null;
        if (Settings.LowCsatEnabled && csat <= Settings.LowCsatMax) return CallbackRule.LowCsat;
        if (Settings.NotResolvedEnabled && resolved == false && csat <= Settings.NotResolvedCsatMax) return CallbackRule.NotResolved;
        return null;
    }

    /// <summary>
    /// The contacts of one customer that complete a repeat count: index i of <paramref name="sortedStarts"/> (ascending)
    /// when the contact N−1 places earlier started at most the window before it ("≥ 3 contacts within 7 days", the
    /// window inclusive as in the repeat-contact definition). Returns each with the number of contacts in its window.
    /// </summary>
    public IEnumerable<(int Index, int ContactsInWindow)> RepeatTriggers(IReadOnlyList<DateTime> sortedStarts)
    {
        if (!Settings.RepeatContactsEnabled) yield break;
        var n = Settings.RepeatContacts;
        var first = 0;
        for (var i = 0; i < sortedStarts.Count; i++)
        {
            while (sortedStarts[i] - sortedStarts[first] > RepeatWindow) first++;
            var inWindow = i - first + 1;
            if (inWindow >= n) yield return (i, inWindow);
        }
    }

    /// <summary>The response-rule thresholds as words, for pages and the README ("CSAT ≤ 2").</summary>
    public string Describe(CallbackRule rule) => rule switch
    {
        CallbackRule.LowCsat => $"CSAT ≤ {Settings.LowCsatMax}",
        CallbackRule.NotResolved => $"not resolved, CSAT ≤ {Settings.NotResolvedCsatMax}",
        CallbackRule.RepeatContacts => $"≥ {Settings.RepeatContacts} contacts in {Settings.RepeatWindowDays} days",
        _ => rule.ToString(),
    };
}

/// <summary>
/// A case's priority, 1–100, higher first (the worklist then orders by due time):
///   severity of the worst trigger: a response scores 60 − 10 × CSAT (CSAT 1 = 50, 2 = 40, 3 = 30, …, at least 10);
///                                  a repeat-contact trigger scores 30;
/// + repeats: 10 for each further trigger on the case, at most 20;
/// + age:     5 for each full 24 hours since the first trigger, at most 30.
/// So a fresh CSAT 1 (50) comes before a fresh CSAT 2 (40), a CSAT 2 that came back twice (60) before both, and a
/// case waiting for days climbs. Age points are refreshed by the escalation job (every 15 minutes by default).
/// </summary>
public static class CallbackPriority
{
    public const int RepeatPointsEach = 10;
    public const int RepeatPointsMax = 20;
    public const int AgePointsPerDay = 5;
    public const int AgePointsMax = 30;
    public const int UrgentFrom = 70;
    public const int HighFrom = 50;

    public static int Severity(CallbackRule rule, int? csat) => rule == CallbackRule.RepeatContacts
        ? 30
        : Math.Clamp(60 - 10 * (csat ?? 3), 10, 50);

    public static int Compute(IReadOnlyCollection<(CallbackRule Rule, int? Csat)> triggers, DateTime firstTriggeredAtUtc, DateTime nowUtc)
    {
        if (triggers.Count == 0) return 1;
        var severity = triggers.Max(t => Severity(t.Rule, t.Csat));
        var repeats = Math.Min(RepeatPointsMax, RepeatPointsEach * (triggers.Count - 1));
        var days = Math.Max(0, (int)((nowUtc - firstTriggeredAtUtc).TotalHours / 24));
        var age = Math.Min(AgePointsMax, AgePointsPerDay * days);
        return Math.Clamp(severity + repeats + age, 1, 100);
    }

    public static string Label(int priority) => priority >= UrgentFrom ? "Urgent" : priority >= HighFrom ? "High" : "Normal";
}
