using ClosedXML.Excel;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Coaching.Packs;

/// <summary>
/// A coaching pack as a workbook, one table per sheet in long form (an Agent column on every row), so a team pack can be
/// filtered and pivoted: Scorecard, Weekly trend, Repeat patterns, Lowest rated, Coaching actions, Alerts, and for a team
/// pack a Team sheet; About explains the rules.
/// </summary>
public static class CoachingPackWorkbook
{
    public static readonly string[] SheetNames = ["Scorecard", "Weekly trend", "Repeat patterns", "Lowest rated", "Coaching actions", "Alerts"];

    public static byte[] Write(CoachingPack pack)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = pack.Title;
        workbook.Properties.Author = "CxDashboard";
        workbook.Properties.Created = pack.GeneratedAtUtc;
        if (pack.Team is { } team) TeamSheet(workbook.AddWorksheet("Team"), team);

        var cards = pack.Agents;
        ClosedXmlTables.Write(workbook.AddWorksheet(SheetNames[0]), Agent<(AgentScorecard Card, ScorecardKpi Kpi)>(r => r.Card,
        [
            new("KPI", 22, XlFormat.Text, r => r.Kpi.Name),
            new("Agent value", 10, XlFormat.Percent, r => r.Kpi.AgentValue, r => XlFormats.For(r.Kpi.Unit)),
            new("Agent n", 9, XlFormat.Integer, r => r.Kpi.AgentN),
            new("95 % low", 9, XlFormat.Percent, r => r.Kpi.AgentInterval?.Low),
            new("95 % high", 9, XlFormat.Percent, r => r.Kpi.AgentInterval?.High),
            new("Small sample", 9, XlFormat.Boolean, r => r.Kpi.SmallSample),
            new("Team value", 10, XlFormat.Percent, r => r.Kpi.TeamValue, r => XlFormats.For(r.Kpi.Unit)),
            new("Team n", 9, XlFormat.Integer, r => r.Kpi.TeamN),
            new("Target (green)", 10, XlFormat.Percent, r => r.Kpi.Target?.Green, r => XlFormats.For(r.Kpi.Unit)),
            new("Status", 12, XlFormat.Text, r => Display.Status(r.Kpi.Status).Word),
            new("Against the rest of the team", 28, XlFormat.Text, r => r.Kpi.Comparison ?? "no significant difference"),
            new("p (agent worse than the rest, one-sided)", 12, XlFormat.Probability, r => r.Kpi.WorsePValue),
        ]), cards.SelectMany(c => c.Kpis.Select(k => (c, k))).ToList());

        ClosedXmlTables.Write(workbook.AddWorksheet(SheetNames[1]), Agent<(AgentScorecard Card, TrendWeek Week)>(r => r.Card,
        [
            new("Week from", 11, XlFormat.Date, r => r.Week.From),
            new("Week to", 11, XlFormat.Date, r => r.Week.To),
            new("Agent CSAT", 10, XlFormat.Percent, r => r.Week.Agent.Csat.Percent),
            new("Agent responses", 10, XlFormat.Integer, r => r.Week.Agent.Responses),
            new("Team CSAT", 10, XlFormat.Percent, r => r.Week.Team.Csat.Percent),
            new("Team responses", 10, XlFormat.Integer, r => r.Week.Team.Responses),
            new("Agent repeat rate", 11, XlFormat.Percent, r => r.Week.Agent.RepeatRate.Percent),
            new("Agent contacts", 10, XlFormat.Integer, r => r.Week.Agent.Contacts),
            new("Team repeat rate", 11, XlFormat.Percent, r => r.Week.Team.RepeatRate.Percent),
            new("Team contacts", 10, XlFormat.Integer, r => r.Week.Team.Contacts),
        ]), cards.SelectMany(c => c.Trend.Select(w => (c, w))).ToList());

        ClosedXmlTables.Write(workbook.AddWorksheet(SheetNames[2]), Agent<(AgentScorecard Card, ReasonPattern Reason)>(r => r.Card,
        [
            new("Reason code", 13, XlFormat.Text, r => r.Reason.Code),
            new("Reason", 26, XlFormat.Text, r => r.Reason.Name),
            new("Contacts", 9, XlFormat.Integer, r => r.Reason.Agent.Contacts),
            new("Decidable contacts", 10, XlFormat.Integer, r => r.Reason.Pattern.AgentCameBack.N),
            new("Customer came back", 10, XlFormat.Integer, r => r.Reason.Pattern.AgentCameBack.Hits),
            new("Came back", 10, XlFormat.Percent, r => r.Reason.Pattern.AgentCameBack.Percent),
            new("Rest of team decidable contacts", 12, XlFormat.Integer, r => r.Reason.Pattern.RestCameBack.N),
            new("Rest of team came back", 12, XlFormat.Percent, r => r.Reason.Pattern.RestCameBack.Percent),
            new("Extra customers back", 10, XlFormat.Decimal1, r => r.Reason.ExtraCameBack),
            new("Handle time", 10, XlFormat.Duration, r => r.Reason.Pattern.AgentHandleSeconds),
            new("Rest of team handle time", 12, XlFormat.Duration, r => r.Reason.Pattern.RestHandleSeconds),
            new("Short calls, many repeats", 11, XlFormat.Boolean, r => r.Reason.Pattern.ShortCallsManyRepeats),
            new("Too few to judge", 9, XlFormat.Boolean, r => r.Reason.Pattern.TooFewToJudge),
        ]), cards.SelectMany(c => c.Reasons.Select(r => (c, r))).ToList());

        ClosedXmlTables.Write(workbook.AddWorksheet(SheetNames[3]), Agent<(AgentScorecard Card, RatedResponse Response)>(r => r.Card,
        [
            new("Response id", 14, XlFormat.Text, r => r.Response.ResponseId),
            new("Received", 16, XlFormat.DateTime, r => XlValue.FromDateTime(r.Response.ReceivedAtLocal)),
            new("Contact id", 14, XlFormat.Text, r => r.Response.ContactId),
            new("Contact date", 11, XlFormat.Date, r => r.Response.ContactDate),
            new("Reason", 24, XlFormat.Text, r => r.Response.Reason),
            new("Channel", 12, XlFormat.Text, r => r.Response.Channel),
            new("CSAT (1–5)", 8, XlFormat.Integer, r => r.Response.Csat),
            new("Resolved", 8, XlFormat.Boolean, r => r.Response.Resolved),
            new("NPS (0–10)", 8, XlFormat.Integer, r => r.Response.Nps),
            new("Comment", 70, XlFormat.Text, r => r.Response.Comment),
        ]), cards.SelectMany(c => c.LowestRated.Select(r => (c, r))).ToList());

        ClosedXmlTables.Write(workbook.AddWorksheet(SheetNames[4]), Agent<(AgentScorecard Card, CoachingActionView Action)>(r => r.Card,
        [
            new("What to work on", 44, XlFormat.Text, r => r.Action.Title),
            new("Notes", 40, XlFormat.Text, r => r.Action.Notes),
            new("Focus KPI", 16, XlFormat.Text, r => r.Action.FocusKpi is { } k ? KpiDefinitions.Get(k).Name : null),
            new("Reason", 20, XlFormat.Text, r => r.Action.ReasonName),
            new("Due", 11, XlFormat.Date, r => r.Action.DueDate),
            new("Status", 11, XlFormat.Text, r => CoachingActionStatusText.Describe(r.Action.Status)),
            new("Overdue", 8, XlFormat.Boolean, r => r.Action.IsOverdue),
            new("Created by", 18, XlFormat.Text, r => r.Action.CreatedBy),
            new("Created (UTC)", 16, XlFormat.DateTime, r => XlValue.FromDateTime(r.Action.CreatedAtUtc)),
            new("Done on", 11, XlFormat.Date, r => r.Action.CompletedOn),
        ]), cards.SelectMany(c => c.Actions.Where(a => a.IsActive).Select(a => (c, a))).ToList());

        ClosedXmlTables.Write(workbook.AddWorksheet(SheetNames[5]), Agent<(AgentScorecard Card, MetricShift Shift)>(r => r.Card,
        [
            new("Metric", 18, XlFormat.Text, r => CoachingAlertRules.Describe(r.Shift.Metric)),
            new("Verdict", 22, XlFormat.Text, r => Verdict(r.Shift.Verdict)),
            new("Recent from", 11, XlFormat.Date, r => r.Card.AlertWindows.Recent.From),
            new("Recent to", 11, XlFormat.Date, r => r.Card.AlertWindows.Recent.To),
            new("Recent", 9, XlFormat.Percent, r => r.Shift.Recent.Percent),
            new("Recent n", 9, XlFormat.Integer, r => r.Shift.Recent.N),
            new("Before from", 11, XlFormat.Date, r => r.Card.AlertWindows.Baseline.From),
            new("Before to", 11, XlFormat.Date, r => r.Card.AlertWindows.Baseline.To),
            new("Before", 9, XlFormat.Percent, r => r.Shift.Baseline.Percent),
            new("Before n", 9, XlFormat.Integer, r => r.Shift.Baseline.N),
            new("Change (points)", 10, XlFormat.SignedDecimal1, r => r.Shift.ChangePoints),
            new("Rest of team change (points)", 12, XlFormat.SignedDecimal1, r => r.Shift.RestChangePoints),
            new("z", 8, XlFormat.Decimal2, r => r.Shift.Test?.Z),
            new("p (worse, one-sided)", 11, XlFormat.Probability, r => r.Shift.WorsePValue),
        ]), cards.SelectMany(c => c.Shifts.Select(s => (c, s))).ToList());

        About(workbook.AddWorksheet("About"), pack);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Every sheet starts with the agent, so a team pack's rows can be filtered by agent.</summary>
    private static IReadOnlyList<XlColumn<T>> Agent<T>(Func<T, AgentScorecard> card, IReadOnlyList<XlColumn<T>> columns) =>
    [
        new("Agent id", 10, XlFormat.Text, r => card(r).Agent.ExternalId),
        new("Agent", 22, XlFormat.Text, r => card(r).Agent.Name),
        new("Team", 18, XlFormat.Text, r => card(r).Agent.TeamName),
        .. columns,
    ];

    private sealed record TeamRow(string Id, string Name, KpiCounts Counts, string Alerts, bool? ShortCallsManyRepeats, int? OpenActions);

    private static void TeamSheet(IXLWorksheet sheet, TeamCoachingView team)
    {
        var rows = team.Agents
            .Select(r => new TeamRow(r.Agent.ExternalId, r.Agent.Name, r.Counts,
                string.Join("; ", r.Shifts.Where(s => s.Verdict == ShiftVerdict.SignificantlyWorse).Select(s => CoachingAlertRules.Describe(s.Metric))),
                r.Pattern.ShortCallsManyRepeats, r.OpenActions))
            .ToList();
        ClosedXmlTables.Write(sheet, KpiColumns.With<TeamRow>(r => r.Counts,
            new XlColumn<TeamRow>("Agent id", 10, XlFormat.Text, r => r.Id),
            new XlColumn<TeamRow>("Agent", 22, XlFormat.Text, r => r.Name),
            new XlColumn<TeamRow>("Coaching alerts", 22, XlFormat.Text, r => r.Alerts),
            new XlColumn<TeamRow>("Short calls, many repeats", 11, XlFormat.Boolean, r => r.ShortCallsManyRepeats),
            new XlColumn<TeamRow>("Open coaching actions", 10, XlFormat.Integer, r => r.OpenActions)),
            rows, options: new XlSheetOptions<TeamRow> { Totals = () => [new TeamRow(KpiWorkbook.TotalLabel, $"{team.TeamName} (total)", team.Team, "", null, null)] });
    }

    private static void About(IXLWorksheet sheet, CoachingPack pack)
    {
        (string Item, XlValue Value, XlFormat Format)[] lines =
        [
            ("Pack", pack.Title, XlFormat.Text),
            ("Organisation", pack.OrganisationName, XlFormat.Text),
            ("Period from", pack.Period.From, XlFormat.Date),
            ("Period to", pack.Period.To, XlFormat.Date),
            ("Generated (UTC)", XlValue.FromDateTime(pack.GeneratedAtUtc), XlFormat.DateTime),
            ("Generated by", pack.GeneratedBy, XlFormat.Text),
            ("Coaching alerts", pack.AlertRule, XlFormat.Text),
            ("Short calls, many repeats", pack.PatternRule, XlFormat.Text),
            ("Against the rest of the team", "The agent's proportion against their teammates' contacts in the same period, pooled two-proportion z-test, one-sided p below 0.05. The p column is the chance of a difference at least this much in the agent's disfavour if agent and team were alike, for every KPI: small means clearly worse (lower CSAT or FCR, higher repeat rate).", XlFormat.Text),
            ("Numbers", KpiWorkbook.NumbersNote + " The CSAT mean is a 1–5 score and NPS runs from −100 to 100.", XlFormat.Text),
        ];
        ClosedXmlTables.Write(sheet,
        [
            new XlColumn<(string Item, XlValue Value, XlFormat Format)>("Item", 28, XlFormat.Text, l => l.Item),
            new XlColumn<(string Item, XlValue Value, XlFormat Format)>("Value", 110, XlFormat.Text, l => l.Value, l => l.Format) { Wrap = true },
        ], lines);
    }

    private static string Verdict(ShiftVerdict verdict) => verdict switch
    {
        ShiftVerdict.SignificantlyWorse => "significantly worse",
        ShiftVerdict.SignificantlyBetter => "significantly better",
        ShiftVerdict.NoSignificantChange => "no significant change",
        ShiftVerdict.SharedWithTeam => "worse, as the whole team",
        _ => "too few to judge",
    };
}
