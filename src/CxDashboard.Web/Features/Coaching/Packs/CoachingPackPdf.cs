using CxDashboard.Reporting.Pdf;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Coaching.Packs;

/// <summary>
/// A coaching pack as a PDF, composed with the report layout layer: for a team an overview page (with how to read the
/// pack), then one page per agent (KPIs against team and target with n, weekly trend charts, repeat-contact patterns,
/// lowest-rated responses with comments, open coaching actions). An agent's page is sized to fit A4 in the usual case;
/// only an agent with several alerts and actions runs onto a second page. Numbers read as on the pages (request culture).
/// </summary>
public static class CoachingPackPdf
{
    private const float Gap = 8;

    /// <summary>Chart height in points: two charts side by side, small enough to keep an agent on one page.</summary>
    private const float ChartHeight = 112;

    /// <summary>Rows of the reason table and of the lowest-rated list on the page; the workbook and the scorecard hold them all.</summary>
    public const int ReasonRows = 5;
    public const int LowestRatedRows = 5;

    /// <summary>The pack's own words (moved into resources by the localisation sweep).</summary>
    private static class Words
    {
        public const string SectionsFollow = "One page per agent follows ({0}).";
        public const string LowestRatedShown = "The {0} lowest shown here; the agent's scorecard and workbook list more.";
        public const string ReasonsShown = "The {0} reasons with the most extra customers coming back, of {1}; all are in the workbook.";
        public const string NoClearDifference = "no clear difference";
        public const string Better = "better";
        public const string Worse = "worse";
    }

    public static byte[] Render(CoachingPack pack, DateTimeOffset createdAt)
    {
        var plots = new List<ScottPlot.Plot>();
        try
        {
            return Compose(pack, createdAt, plots).GeneratePdf();
        }
        finally
        {
            foreach (var plot in plots) plot.Dispose();
        }
    }

    private static Document Compose(CoachingPack pack, DateTimeOffset createdAt, List<ScottPlot.Plot> plots) => Document.Create(doc =>
    {
        doc.Metadata(pack.Title, "CxDashboard", $"{pack.OrganisationName}, {Display.Period(pack.Period.From, pack.Period.To)}", createdAt, "coaching");
        doc.Page(page =>
        {
            PdfTheme.Page(page);
            page.Header().Element(c => PdfTheme.RunningHeader(c, $"{pack.Title} · {Display.Period(pack.Period.From, pack.Period.To)} ({pack.Period.Days} days)",
                $"{pack.OrganisationName} · for the coaching conversation: keep it between manager and agent"));
            page.Content().Column(col =>
            {
                col.Spacing(Gap);
                if (pack.Team is { } team)
                {
                    TeamOverview(col, team, pack);
                    if (pack.Agents.Count == 0)
                        col.Item().Text("No agent of the team handled contacts in this period or has a coaching action open.").Italic();
                    // On the overview, so that every agent's page holds that agent only.
                    HowToRead(col, pack);
                }
                for (var i = 0; i < pack.Agents.Count; i++)
                {
                    if (i > 0 || pack.Team is not null) col.Item().PageBreak();
                    AgentSection(col, pack.Agents[i], plots);
                }
                if (pack.Team is null) HowToRead(col, pack);
            });
            page.Footer().Element(c => PdfTheme.Footer(c, $"CxDashboard · generated {createdAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC by {pack.GeneratedBy}", "Page {0} of {1}"));
        });
    });

    private static void HowToRead(ColumnDescriptor col, CoachingPack pack) =>
        col.Item().PaddingTop(6).Text(t =>
        {
            t.DefaultTextStyle(s => s.FontSize(PdfTheme.FootSize).FontColor(Colors.Grey700));
            t.Line("How to read this pack").Bold();
            t.Line(pack.AlertRule);
            t.Line(pack.PatternRule);
            t.Span($"Proportions carry their n and a 95 % Wilson interval; n < 30 is marked as a small sample. Definitions: {pack.DefinitionsLink}");
        });

    private static void TeamOverview(ColumnDescriptor col, TeamCoachingView team, CoachingPack pack)
    {
        col.Item().Element(c => PdfTheme.Title(c, pack.Title));
        col.Item().Element(c => PdfTheme.Heading(c, $"{team.TeamName}: agents against the rest of the team"));
        col.Item().Text($"W = {team.WindowDays} days · coaching alerts compare {Display.Period(team.Alerts.Recent.From, team.Alerts.Recent.To)} with " +
                        $"{Display.Period(team.Alerts.Baseline.From, team.Alerts.Baseline.To)}").FontColor(Colors.Grey700);
        col.Item().Table(table =>
        {
            table.ColumnsDefinition(c => { c.Relative(2.6f); c.Relative(1.4f); c.Relative(2); c.Relative(2.2f); c.Relative(2.2f); c.Relative(1.3f); c.Relative(2.8f); c.Relative(1.3f); });
            table.Header(h =>
            {
                foreach (var title in new[] { "Agent", "Contacts", "CSAT (n)", "Repeat rate (n)", "Contact FCR (n)", "Handle time", "Alerts and pattern", "Open actions" })
                    HeaderCell(h.Cell(), title);
            });
            foreach (var row in team.Agents)
            {
                var c = row.Counts;
                Cell(table.Cell(), row.Agent.Name);
                Cell(table.Cell(), Display.Count(c.Contacts), right: true);
                StatusCell(table.Cell(), c.Csat, team.Targets.Evaluate(KpiKind.CsatPercent, c.Csat.Percent, team.TeamId));
                StatusCell(table.Cell(), c.RepeatRate, team.Targets.Evaluate(KpiKind.RepeatContactRate, c.RepeatRate.Percent, team.TeamId));
                StatusCell(table.Cell(), c.ContactFcr, team.Targets.Evaluate(KpiKind.ContactFcrPercent, c.ContactFcr.Percent, team.TeamId));
                Cell(table.Cell(), Display.Duration(c.AverageHandleSeconds), right: true);
                Cell(table.Cell(), string.Join("; ", row.Shifts.Where(s => s.Verdict == ShiftVerdict.SignificantlyWorse).Select(AlertWords)
                    .Concat(row.Pattern.ShortCallsManyRepeats ? ["short calls, many repeats"] : [])));
                Cell(table.Cell(), row.OverdueActions > 0 ? $"{row.OpenActions} ({row.OverdueActions} overdue)" : row.OpenActions.ToString(System.Globalization.CultureInfo.CurrentCulture), right: true);
            }
            Cell(table.Cell(), "Team", bold: true);
            Cell(table.Cell(), Display.Count(team.Team.Contacts), right: true, bold: true);
            Cell(table.Cell(), WithN(team.Team.Csat), right: true, bold: true);
            Cell(table.Cell(), WithN(team.Team.RepeatRate), right: true, bold: true);
            Cell(table.Cell(), WithN(team.Team.ContactFcr), right: true, bold: true);
            Cell(table.Cell(), Display.Duration(team.Team.AverageHandleSeconds), right: true, bold: true);
            Cell(table.Cell(), "");
            Cell(table.Cell(), "");
        });
        if (pack.Agents.Count > 0)
            col.Item().Text(string.Format(System.Globalization.CultureInfo.CurrentCulture, Words.SectionsFollow, pack.Agents.Count)).FontColor(Colors.Grey700);
    }

    private static void AgentSection(ColumnDescriptor col, AgentScorecard card, List<ScottPlot.Plot> plots)
    {
        var agent = card.Agent;
        var teamName = agent.TeamName ?? "no team";
        col.Item().Column(head =>
        {
            head.Item().Element(c => PdfTheme.Heading(c, $"{agent.Name} · {teamName}"));
            head.Item().Text($"Agent id {agent.ExternalId} · {Display.Period(card.Period.From, card.Period.To)} · W = {card.WindowDays} days · " +
                             $"{Display.Count(card.AgentCounts.Contacts)} contacts, {Display.Count(card.AgentCounts.Responses)} survey responses").FontColor(Colors.Grey700);
        });

        foreach (var alert in card.Alerts)
        {
            col.Item().KeepTogether().BorderLeft(3, Colors.Negative).Background("#FDECEA").Padding(6).Column(box =>
            {
                var s = alert.Shift;
                box.Item().Text($"Coaching alert: {AlertWords(s)}").Bold().FontColor(Colors.Negative);
                box.Item().Text(string.Format(System.Globalization.CultureInfo.CurrentCulture,
                    "The alert compares the agent's last {0} full days with the {1} days before; the KPI table covers the pack's period, so its CSAT can differ.",
                    alert.Recent.Days, alert.Baseline.Days)).FontSize(PdfTheme.SmallSize).FontColor(Colors.Grey700);
                box.Item().Text($"From {Display.Percent(s.Baseline.Percent)} (n = {Display.Count(s.Baseline.N)}, {Display.Period(alert.Baseline.From, alert.Baseline.To)}) " +
                                $"to {Display.Percent(s.Recent.Percent)} (n = {Display.Count(s.Recent.N)}, {Display.Period(alert.Recent.From, alert.Recent.To)}): " +
                                $"{Display.Change(s.Recent.Percent, s.Baseline.Percent, KpiUnit.Percent)}, {s.PValueText(System.Globalization.CultureInfo.CurrentCulture)}." +
                                (s.RestRecent is { } restNow && s.RestBaseline is { } restBefore
                                    ? $" The rest of the team went from {Display.Percent(restBefore.Percent)} to {Display.Percent(restNow.Percent)}."
                                    : ""));
                if (alert.ReasonShifts.Count > 0)
                    box.Item().Text("By reason, now vs before: " + string.Join("; ", alert.ReasonShifts.Select(r =>
                        $"{r.Name} {Display.Percent(r.Recent.Percent)} (n = {Display.Count(r.Recent.N)}) vs {Display.Percent(r.Baseline.Percent)} (n = {Display.Count(r.Baseline.N)})")));
                foreach (var response in alert.Evidence.Where(e => !string.IsNullOrWhiteSpace(e.Comment)).Take(2))
                    box.Item().Text($"CSAT {response.Csat} · {Display.Date(response.ContactDate)} · {response.Reason}: \u201c{response.Comment}\u201d").Italic();
            });
        }

        col.Item().Element(c => PdfTheme.Subheading(c, "KPIs against the team and the target"));
        col.Item().Table(table =>
        {
            table.ColumnsDefinition(c => { c.Relative(2.5f); c.Relative(1.4f); c.Relative(1.5f); c.Relative(1.7f); c.Relative(1.2f); c.Relative(1.0f); c.Relative(1.3f); c.Relative(1.5f); c.Relative(2.3f); });
            table.Header(h =>
            {
                foreach (var title in new[] { "KPI", agent.Name, "n", "95 % interval", teamName, "Team n", "Target", "Status", "Against the rest of the team" })
                    HeaderCell(h.Cell(), title);
            });
            foreach (var k in card.Kpis)
            {
                Cell(table.Cell(), k.Name);
                Cell(table.Cell(), Display.Value(k.AgentValue, k.Unit), right: true, bold: true, status: k.Status);
                Cell(table.Cell(), Display.Count(k.AgentN) + (k.SmallSample ? " (small)" : ""), right: true);
                Cell(table.Cell(), k.AgentInterval is null ? "" : Display.Interval(k.AgentInterval), right: true);
                Cell(table.Cell(), Display.Value(k.TeamValue, k.Unit), right: true);
                Cell(table.Cell(), Display.Count(k.TeamN), right: true);
                Cell(table.Cell(), Display.Target(k.Target, k.HigherIsBetter, k.Unit) ?? "", right: true);
                Cell(table.Cell(), Display.Status(k.Status).Word);
                Cell(table.Cell(), k.IsBetter switch { true => Words.Better, false => Words.Worse, null => Words.NoClearDifference });
            }
            Cell(table.Cell(), "Handle time (context)");
            Cell(table.Cell(), Display.Duration(card.AgentCounts.AverageHandleSeconds), right: true);
            Cell(table.Cell(), Display.Count(card.AgentCounts.ContactsWithHandleTime), right: true);
            Cell(table.Cell(), "");
            Cell(table.Cell(), Display.Duration(card.TeamCounts.AverageHandleSeconds), right: true);
            Cell(table.Cell(), Display.Count(card.TeamCounts.ContactsWithHandleTime), right: true);
            Cell(table.Cell(), "");
            Cell(table.Cell(), "");
            Cell(table.Cell(), "");
        });

        col.Item().KeepTogether().Column(figure =>
        {
            figure.Item().Element(c => PdfTheme.Subheading(c, $"Trend: {AgentScorecardService.TrendWeeks} weeks to {Display.Date(card.Period.To)}, {agent.Name} and {teamName}"));
            figure.Item().Row(row =>
            {
                row.Spacing(8);
                var csatTarget = card.Kpis.First(k => k.Kind == KpiKind.CsatPercent).Target?.Green;
                var repeatTarget = card.Kpis.First(k => k.Kind == KpiKind.RepeatContactRate).Target?.Green;
                plots.Add(CoachingCharts.Plot(CoachingCharts.Csat, card, csatTarget, forPrint: true));
                row.Relative().Height(ChartHeight).Chart(plots[^1]);
                plots.Add(CoachingCharts.Plot(CoachingCharts.Repeats, card, repeatTarget, forPrint: true));
                row.Relative().Height(ChartHeight).Chart(plots[^1]);
            });
            figure.Item().Row(row =>
            {
                row.Spacing(8);
                row.Relative().Text(CoachingCharts.SamplesLine(CoachingCharts.Csat, card)).FontSize(PdfTheme.FootSize).FontColor(Colors.Grey700);
                row.Relative().Text(CoachingCharts.SamplesLine(CoachingCharts.Repeats, card)).FontSize(PdfTheme.FootSize).FontColor(Colors.Grey700);
            });
        });

        // Each section stays with its heading: it moves to the next page whole rather than leaving a heading behind.
        col.Item().KeepTogether().Column(section => ReasonSection(section, card));
        col.Item().KeepTogether().Column(section => LowestRatedSection(section, card));
        col.Item().KeepTogether().Column(section => ActionSection(section, card));
    }

    private static void ReasonSection(ColumnDescriptor section, AgentScorecard card)
    {
        section.Spacing(4);
        section.Item().Element(c => PdfTheme.Subheading(c, $"Customers coming back within {card.WindowDays} days, and handle time, by contact reason"));
        var p = card.Pattern;
        section.Item().Text(p.TooFewToJudge
            ? "Too few contacts to compare with the rest of the team."
            : $"Handle time {Display.Duration(p.AgentHandleSeconds)} against the rest of the team's {Display.Duration(p.RestHandleSeconds)}; customers who came back " +
              $"{Display.Percent(p.AgentCameBack.Percent)} (n = {Display.Count(p.AgentCameBack.N)}) against {Display.Percent(p.RestCameBack.Percent)} (n = {Display.Count(p.RestCameBack.N)})." +
              (p.ShortCallsManyRepeats ? " Pattern: short calls, many repeats: calls may end before the problem is solved." : ""));
        if (card.Reasons.Count > 0)
        {
            section.Item().Table(table =>
            {
                table.ColumnsDefinition(c => { c.Relative(2.8f); c.Relative(1.2f); c.Relative(1.2f); c.Relative(1.4f); c.Relative(1.2f); c.Relative(1.3f); c.Relative(1.6f); c.Relative(2.6f); });
                table.Header(h =>
                {
                    foreach (var title in new[] { "Contact reason", "Contacts", "Came back", "Rest came back", "Extra back", "Handle time", "Rest handle time", "Pattern" })
                        HeaderCell(h.Cell(), title);
                });
                foreach (var r in card.Reasons.Take(ReasonRows))
                {
                    Cell(table.Cell(), r.Name);
                    Cell(table.Cell(), Display.Count(r.Agent.Contacts), right: true);
                    Cell(table.Cell(), Display.Percent(r.Pattern.AgentCameBack.Percent), right: true);
                    Cell(table.Cell(), Display.Percent(r.Pattern.RestCameBack.Percent), right: true);
                    Cell(table.Cell(), Display.Number(r.ExtraCameBack), right: true);
                    Cell(table.Cell(), Display.Duration(r.Pattern.AgentHandleSeconds), right: true);
                    Cell(table.Cell(), Display.Duration(r.Pattern.RestHandleSeconds), right: true);
                    Cell(table.Cell(), r.Pattern.ShortCallsManyRepeats ? "short calls, many repeats" : r.Pattern.TooFewToJudge ? "too few to judge" : "");
                }
            });
            if (card.Reasons.Count > ReasonRows)
                section.Item().Text(string.Format(System.Globalization.CultureInfo.CurrentCulture, Words.ReasonsShown, ReasonRows, card.Reasons.Count))
                    .FontSize(PdfTheme.FootSize).FontColor(Colors.Grey700);
        }
    }

    private static void LowestRatedSection(ColumnDescriptor section, AgentScorecard card)
    {
        section.Spacing(4);
        section.Item().Element(c => PdfTheme.Subheading(c, "Lowest-rated responses"));
        if (card.LowestRated.Count == 0) section.Item().Text("No survey responses to this agent's contacts in the period.").Italic();
        else
        {
            section.Item().Table(table =>
            {
                table.ColumnsDefinition(c => { c.Fixed(58); c.Relative(3f); c.Fixed(30); c.Fixed(50); c.Relative(6); });
                table.Header(h =>
                {
                    foreach (var title in new[] { "Contact", "Reason · channel", "CSAT", "Resolved", "Comment" }) HeaderCell(h.Cell(), title);
                });
                foreach (var r in card.LowestRated.Take(LowestRatedRows))
                {
                    Cell(table.Cell(), Display.Date(r.ContactDate));
                    Cell(table.Cell(), $"{r.Reason} · {r.Channel}");
                    Cell(table.Cell(), r.Csat.ToString(System.Globalization.CultureInfo.CurrentCulture), right: true);
                    Cell(table.Cell(), r.Resolved switch { true => "yes", false => "no", _ => "–" });
                    Cell(table.Cell(), r.Comment ?? "");
                }
            });
            if (card.LowestRated.Count > LowestRatedRows)
                section.Item().Text(string.Format(System.Globalization.CultureInfo.CurrentCulture, Words.LowestRatedShown, LowestRatedRows))
                    .FontSize(PdfTheme.FootSize).FontColor(Colors.Grey700);
        }
    }

    private static void ActionSection(ColumnDescriptor section, AgentScorecard card)
    {
        section.Spacing(4);
        var open = card.Actions.Where(a => a.IsActive).ToList();
        section.Item().Element(c => PdfTheme.Subheading(c, "Open coaching actions"));
        if (open.Count == 0) section.Item().Text("No open coaching actions.").Italic();
        else
        {
            section.Item().Table(table =>
            {
                table.ColumnsDefinition(c => { c.Relative(5); c.Relative(2.2f); c.Relative(1.6f); c.Relative(1.4f); c.Relative(2); });
                table.Header(h =>
                {
                    foreach (var title in new[] { "What to work on", "Focus", "Due", "Status", "Created by" }) HeaderCell(h.Cell(), title);
                });
                foreach (var a in open)
                {
                    Cell(table.Cell(), a.Notes is null ? a.Title : $"{a.Title} ({a.Notes})");
                    Cell(table.Cell(), string.Join(" · ", new[] { a.FocusKpi is { } k ? KpiDefinitions.Get(k).Name : null, a.ReasonName }.OfType<string>()));
                    Cell(table.Cell(), Display.Date(a.DueDate) + (a.IsOverdue ? " (overdue)" : ""), status: a.IsOverdue ? TargetStatus.Red : TargetStatus.None);
                    Cell(table.Cell(), CoachingActionStatusText.Describe(a.Status));
                    Cell(table.Cell(), a.CreatedBy);
                }
            });
        }
    }

    private static string AlertWords(MetricShift shift) =>
        $"{shift.Info.Name} {shift.Info.WorseWord} {Display.Change(shift.Recent.Percent, shift.Baseline.Percent, KpiUnit.Percent)}";

    /// <summary>"n < 30" marked as a small sample beside the n.</summary>
    private static string WithN(Proportion proportion) => proportion.N is > 0 and < Proportion.SmallSampleThreshold
        ? $"{Display.Percent(proportion.Percent)} ({Display.Count(proportion.N)}, small sample)"
        : $"{Display.Percent(proportion.Percent)} ({Display.Count(proportion.N)})";

    /// <summary>A rate with its n and its status in words as well as colour ("68,5 % (460) ■ Off target").</summary>
    private static void StatusCell(ITableCell cell, Proportion proportion, TargetStatus status)
    {
        var (_, icon, word) = Display.Status(status);
        var text = proportion.Percent is null || status == TargetStatus.None ? WithN(proportion) : $"{WithN(proportion)}\n{icon} {word}";
        Cell(cell, text, right: true, status: status);
    }

    // Dense cells: an agent's whole section fits one page.
    private static void HeaderCell(ITableCell cell, string text) => PdfTheme.HeaderCell(cell, text, dense: true);

    private static void Cell(ITableCell cell, string text, bool right = false, bool bold = false, TargetStatus status = TargetStatus.None) =>
        PdfTheme.Cell(cell, text, right, bold: bold, status: status, dense: true);
}
