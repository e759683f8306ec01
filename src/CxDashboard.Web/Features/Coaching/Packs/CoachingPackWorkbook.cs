using ClosedXML.Excel;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Coaching.Packs;

/// <summary>
/// A coaching pack as a workbook, one table per sheet in long form (an Agent column on every row), so a team pack can be
/// filtered and pivoted: Scorecard, Weekly trend, Repeat patterns, Lowest rated, Coaching actions, Alerts, and for a team
/// pack a Team sheet; About explains the rules. Written in the pack's language; times in the organisation's time zone,
/// named in their headers.
/// </summary>
public static class CoachingPackWorkbook
{
    /// <summary>The sheets' names in English (the keys of their words).</summary>
    public static readonly string[] SheetNames = ["Scorecard", "Weekly trend", "Repeat patterns", "Lowest rated", "Coaching actions", "Alerts"];

    public static byte[] Write(CoachingPack pack)
    {
        using var language = pack.Language.Use();
        var t = CoachingPackText.For(pack.Language);
        var v = pack.Language.Words;
        var zone = pack.TimeZone.Id;
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = pack.Title;
        workbook.Properties.Author = "CxDashboard";
        workbook.Properties.Created = TimeZoneInfo.ConvertTimeFromUtc(pack.GeneratedAtUtc, pack.TimeZone);
        if (pack.Team is { } team) TeamSheet(workbook.AddWorksheet(t["Team"]), team, pack.Language);

        var cards = pack.Agents;
        ClosedXmlTables.Write(workbook.AddWorksheet(t[SheetNames[0]]), Agent<(AgentScorecard Card, ScorecardKpi Kpi)>(t, r => r.Card,
        [
            new(t["KPI"], 22, XlFormat.Text, r => v.Kpi(r.Kpi.Kind)),
            new(t["Agent value"], 10, XlFormat.Percent, r => r.Kpi.AgentValue, r => XlFormats.For(r.Kpi.Unit)),
            new(t["Agent n"], 9, XlFormat.Integer, r => r.Kpi.AgentN),
            new(t["95 % low"], 9, XlFormat.Percent, r => r.Kpi.AgentInterval?.Low),
            new(t["95 % high"], 9, XlFormat.Percent, r => r.Kpi.AgentInterval?.High),
            new(t["Small sample"], 9, XlFormat.Boolean, r => r.Kpi.SmallSample),
            new(t["Team value"], 10, XlFormat.Percent, r => r.Kpi.TeamValue, r => XlFormats.For(r.Kpi.Unit)),
            new(t["Team n"], 9, XlFormat.Integer, r => r.Kpi.TeamN),
            new(t["Target (green)"], 10, XlFormat.Percent, r => r.Kpi.Target?.Green, r => XlFormats.For(r.Kpi.Unit)),
            new(t["Status"], 12, XlFormat.Text, r => v.Status(r.Kpi.Status)),
            new(t["Against the rest of the team"], 28, XlFormat.Text, r => t[r.Kpi.IsBetter switch { true => "better than the rest of the team", false => "worse than the rest of the team", null => "no significant difference" }]),
            new(t["p (agent worse than the rest, one-sided)"], 12, XlFormat.Probability, r => r.Kpi.WorsePValue),
        ]), cards.SelectMany(c => c.Kpis.Select(k => (c, k))).ToList());

        ClosedXmlTables.Write(workbook.AddWorksheet(t[SheetNames[1]]), Agent<(AgentScorecard Card, TrendWeek Week)>(t, r => r.Card,
        [
            new(t["Week from"], 11, XlFormat.Date, r => r.Week.From),
            new(t["Week to"], 11, XlFormat.Date, r => r.Week.To),
            new(t["Agent CSAT"], 10, XlFormat.Percent, r => r.Week.Agent.Csat.Percent),
            new(t["Agent responses"], 10, XlFormat.Integer, r => r.Week.Agent.Responses),
            new(t["Team CSAT"], 10, XlFormat.Percent, r => r.Week.Team.Csat.Percent),
            new(t["Team responses"], 10, XlFormat.Integer, r => r.Week.Team.Responses),
            new(t["Agent repeat rate"], 11, XlFormat.Percent, r => r.Week.Agent.RepeatRate.Percent),
            new(t["Agent contacts"], 10, XlFormat.Integer, r => r.Week.Agent.Contacts),
            new(t["Team repeat rate"], 11, XlFormat.Percent, r => r.Week.Team.RepeatRate.Percent),
            new(t["Team contacts"], 10, XlFormat.Integer, r => r.Week.Team.Contacts),
        ]), cards.SelectMany(c => c.Trend.Select(w => (c, w))).ToList());

        ClosedXmlTables.Write(workbook.AddWorksheet(t[SheetNames[2]]), Agent<(AgentScorecard Card, ReasonPattern Reason)>(t, r => r.Card,
        [
            new(t["Reason code"], 13, XlFormat.Text, r => r.Reason.Code),
            new(t["Reason"], 26, XlFormat.Text, r => r.Reason.Name),
            new(t["Contacts"], 9, XlFormat.Integer, r => r.Reason.Agent.Contacts),
            new(t["Decidable contacts"], 10, XlFormat.Integer, r => r.Reason.Pattern.AgentCameBack.N),
            new(t["Customer came back"], 10, XlFormat.Integer, r => r.Reason.Pattern.AgentCameBack.Hits),
            new(t["Came back"], 10, XlFormat.Percent, r => r.Reason.Pattern.AgentCameBack.Percent),
            new(t["Rest of team decidable contacts"], 12, XlFormat.Integer, r => r.Reason.Pattern.RestCameBack.N),
            new(t["Rest of team came back"], 12, XlFormat.Percent, r => r.Reason.Pattern.RestCameBack.Percent),
            new(t["Extra customers back"], 10, XlFormat.Decimal1, r => r.Reason.ExtraCameBack),
            new(t["Handle time"], 10, XlFormat.Duration, r => r.Reason.Pattern.AgentHandleSeconds),
            new(t["Rest of team handle time"], 12, XlFormat.Duration, r => r.Reason.Pattern.RestHandleSeconds),
            new(t["Short calls, many repeats"], 11, XlFormat.Boolean, r => r.Reason.Pattern.ShortCallsManyRepeats),
            new(t["Too few to judge"], 9, XlFormat.Boolean, r => r.Reason.Pattern.TooFewToJudge),
        ]), cards.SelectMany(c => c.Reasons.Select(r => (c, r))).ToList());

        ClosedXmlTables.Write(workbook.AddWorksheet(t[SheetNames[3]]), Agent<(AgentScorecard Card, RatedResponse Response)>(t, r => r.Card,
        [
            new(t["Response id"], 14, XlFormat.Text, r => r.Response.ResponseId),
            new(t.Format("Received ({0})", zone), 16, XlFormat.DateTime, r => XlValue.FromDateTime(r.Response.ReceivedAtLocal)),
            new(t["Contact id"], 14, XlFormat.Text, r => r.Response.ContactId),
            new(t["Contact date"], 11, XlFormat.Date, r => r.Response.ContactDate),
            new(t["Reason"], 24, XlFormat.Text, r => r.Response.Reason),
            new(t["Channel"], 12, XlFormat.Text, r => r.Response.Channel),
            new(t["CSAT (1–5)"], 8, XlFormat.Integer, r => r.Response.Csat),
            new(t["Resolved"], 8, XlFormat.Boolean, r => r.Response.Resolved),
            new(t["NPS (0–10)"], 8, XlFormat.Integer, r => r.Response.Nps),
            new(t["Comment"], 70, XlFormat.Text, r => r.Response.Comment),
        ]), cards.SelectMany(c => c.LowestRated.Select(r => (c, r))).ToList());

        ClosedXmlTables.Write(workbook.AddWorksheet(t[SheetNames[4]]), Agent<(AgentScorecard Card, CoachingActionView Action)>(t, r => r.Card,
        [
            new(t["What to work on"], 44, XlFormat.Text, r => r.Action.Title),
            new(t["Notes"], 40, XlFormat.Text, r => r.Action.Notes),
            new(t["Focus KPI"], 16, XlFormat.Text, r => r.Action.FocusKpi is { } k ? v.Kpi(k) : null),
            new(t["Reason"], 20, XlFormat.Text, r => r.Action.ReasonName),
            new(t["Due"], 11, XlFormat.Date, r => r.Action.DueDate),
            new(t["Status"], 11, XlFormat.Text, r => v.CoachingActionStatus(r.Action.Status)),
            new(t["Overdue"], 8, XlFormat.Boolean, r => r.Action.IsOverdue),
            new(t["Created by"], 18, XlFormat.Text, r => r.Action.CreatedBy),
            new(t.Format("Created ({0})", zone), 16, XlFormat.DateTime, r => XlValue.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(r.Action.CreatedAtUtc, pack.TimeZone))),
            new(t["Done on"], 11, XlFormat.Date, r => r.Action.CompletedOn),
        ]), cards.SelectMany(c => c.Actions.Where(a => a.IsActive).Select(a => (c, a))).ToList());

        ClosedXmlTables.Write(workbook.AddWorksheet(t[SheetNames[5]]), Agent<(AgentScorecard Card, MetricShift Shift)>(t, r => r.Card,
        [
            new(t["Metric"], 18, XlFormat.Text, r => v.Kpi(r.Shift.Info.Kpi)),
            new(t["Verdict"], 22, XlFormat.Text, r => Verdict(t, r.Shift.Verdict)),
            new(t["Recent from"], 11, XlFormat.Date, r => r.Card.AlertWindows.Recent.From),
            new(t["Recent to"], 11, XlFormat.Date, r => r.Card.AlertWindows.Recent.To),
            new(t["Recent"], 9, XlFormat.Percent, r => r.Shift.Recent.Percent),
            new(t["Recent n"], 9, XlFormat.Integer, r => r.Shift.Recent.N),
            new(t["Before from"], 11, XlFormat.Date, r => r.Card.AlertWindows.Baseline.From),
            new(t["Before to"], 11, XlFormat.Date, r => r.Card.AlertWindows.Baseline.To),
            new(t["Before"], 9, XlFormat.Percent, r => r.Shift.Baseline.Percent),
            new(t["Before n"], 9, XlFormat.Integer, r => r.Shift.Baseline.N),
            new(t["Change (points)"], 10, XlFormat.SignedDecimal1, r => r.Shift.ChangePoints),
            new(t["Rest of team change (points)"], 12, XlFormat.SignedDecimal1, r => r.Shift.RestChangePoints),
            new(t["z"], 8, XlFormat.Decimal2, r => r.Shift.Test?.Z),
            new(t["p (worse, one-sided)"], 11, XlFormat.Probability, r => r.Shift.WorsePValue),
        ]), cards.SelectMany(c => c.Shifts.Select(s => (c, s))).ToList());

        About(workbook.AddWorksheet(t["About"]), pack, t);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Every sheet starts with the agent, so a team pack's rows can be filtered by agent.</summary>
    private static IReadOnlyList<XlColumn<T>> Agent<T>(DocumentText t, Func<T, AgentScorecard> card, IReadOnlyList<XlColumn<T>> columns) =>
    [
        new(t["Agent id"], 10, XlFormat.Text, r => card(r).Agent.ExternalId),
        new(t["Agent"], 22, XlFormat.Text, r => card(r).Agent.Name),
        new(t["Team"], 18, XlFormat.Text, r => card(r).Agent.TeamName),
        .. columns,
    ];

    private sealed record TeamRow(string Id, string Name, KpiCounts Counts, string Alerts, bool? ShortCallsManyRepeats, int? OpenActions);

    private static void TeamSheet(IXLWorksheet sheet, TeamCoachingView team, DocumentLanguage language)
    {
        var t = CoachingPackText.For(language);
        var rows = team.Agents
            .Select(r => new TeamRow(r.Agent.ExternalId, r.Agent.Name, r.Counts,
                string.Join("; ", r.Shifts.Where(s => s.Verdict == ShiftVerdict.SignificantlyWorse).Select(s => language.Words.Kpi(s.Info.Kpi))),
                r.Pattern.ShortCallsManyRepeats, r.OpenActions))
            .ToList();
        ClosedXmlTables.Write(sheet, KpiColumns.With<TeamRow>(r => r.Counts, language,
            new XlColumn<TeamRow>(t["Agent id"], 10, XlFormat.Text, r => r.Id),
            new XlColumn<TeamRow>(t["Agent"], 22, XlFormat.Text, r => r.Name),
            new XlColumn<TeamRow>(t["Coaching alerts"], 22, XlFormat.Text, r => r.Alerts),
            new XlColumn<TeamRow>(t["Short calls, many repeats"], 11, XlFormat.Boolean, r => r.ShortCallsManyRepeats),
            new XlColumn<TeamRow>(t["Open coaching actions"], 10, XlFormat.Integer, r => r.OpenActions)),
            rows, options: new XlSheetOptions<TeamRow>
            {
                Totals = () => [new TeamRow(ExportText.For(language)[KpiWorkbook.TotalLabel], t.Format("{0} (total)", team.TeamName), team.Team, "", null, null)],
            });
    }

    private static void About(IXLWorksheet sheet, CoachingPack pack, DocumentText t)
    {
        (string Item, XlValue Value, XlFormat Format)[] lines =
        [
            (t["Pack"], pack.Title, XlFormat.Text),
            (t["Organisation"], pack.OrganisationName, XlFormat.Text),
            (t["Period from"], pack.Period.From, XlFormat.Date),
            (t["Period to"], pack.Period.To, XlFormat.Date),
            (t.Format("Generated ({0})", pack.TimeZone.Id), XlValue.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(pack.GeneratedAtUtc, pack.TimeZone)), XlFormat.DateTime),
            (t["Generated by"], pack.GeneratedBy, XlFormat.Text),
            (t["Time zone"], t.Format("{0}: every date and time in this workbook is local to it", pack.TimeZone.Id), XlFormat.Text),
            (t["Coaching alerts"], pack.AlertRule, XlFormat.Text),
            (t["Short calls, many repeats"], pack.PatternRule, XlFormat.Text),
            (t["Against the rest of the team"], t["The agent's proportion against their teammates' contacts in the same period, pooled two-proportion z-test, one-sided p below 0.05. The p column is the chance of a difference at least this much in the agent's disfavour if agent and team were alike, for every KPI: small means clearly worse (lower CSAT or FCR, higher repeat rate)."], XlFormat.Text),
            (t["Numbers"], t.Format("{0} The CSAT mean is a 1–5 score and NPS runs from −100 to 100.", ExportText.For(pack.Language)[KpiWorkbook.NumbersNote]), XlFormat.Text),
        ];
        ClosedXmlTables.Write(sheet,
        [
            new XlColumn<(string Item, XlValue Value, XlFormat Format)>(t["Item"], 28, XlFormat.Text, l => l.Item),
            new XlColumn<(string Item, XlValue Value, XlFormat Format)>(t["Value"], 110, XlFormat.Text, l => l.Value, l => l.Format) { Wrap = true },
        ], lines);
    }

    private static string Verdict(DocumentText t, ShiftVerdict verdict) => verdict switch
    {
        ShiftVerdict.SignificantlyWorse => t["significantly worse"],
        ShiftVerdict.SignificantlyBetter => t["significantly better"],
        ShiftVerdict.NoSignificantChange => t["no significant change"],
        ShiftVerdict.SharedWithTeam => t["worse, as the whole team"],
        _ => t.Lower("Too few to judge"),
    };
}
