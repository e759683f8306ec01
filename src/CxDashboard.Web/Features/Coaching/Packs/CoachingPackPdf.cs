using CxDashboard.Reporting.Pdf;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Coaching.Packs;

/// <summary>
/// A coaching pack as a PDF, composed with the report layout layer: for a team an overview page (with how to read the
/// pack), then one page per agent (KPIs against team and target with n, weekly trend charts, repeat-contact patterns,
/// lowest-rated responses with comments, open coaching actions). An agent's page is sized to fit A4 in the usual case;
/// only an agent with several alerts and actions runs onto a second page. Written in the pack's language (words from
/// <see cref="CoachingPackText"/> and the vocabulary, numbers in its culture), times in the organisation's time zone.
/// </summary>
public static class CoachingPackPdf
{
    private const float Gap = 8;

    /// <summary>Chart height in points: two charts side by side, small enough to keep an agent on one page.</summary>
    private const float ChartHeight = 112;

    /// <summary>Rows of the reason table and of the lowest-rated list on the page; the workbook and the scorecard hold them all.</summary>
    public const int ReasonRows = 5;
    public const int LowestRatedRows = 5;

    public static byte[] Render(CoachingPack pack, DateTimeOffset createdAt)
    {
        var plots = new List<ScottPlot.Plot>();
        using var language = pack.Language.Use();
        try
        {
            return Compose(new PackWords(pack), pack, createdAt, plots).GeneratePdf();
        }
        finally
        {
            foreach (var plot in plots) plot.Dispose();
        }
    }

    /// <summary>The pack's own words and the shared vocabulary, both in the pack's language.</summary>
    private sealed record PackWords(DocumentText Text, Vocabulary Vocabulary)
    {
        public PackWords(CoachingPack pack) : this(CoachingPackText.For(pack.Language), pack.Language.Words) { }

        public string this[string english] => Text[english];

        public string Format(string english, params object?[] arguments) => Text.Format(english, arguments);

        public string Lower(string english) => Text.Lower(english);

        public DocumentLanguage Language => Text.Language;
    }

    private static Document Compose(PackWords w, CoachingPack pack, DateTimeOffset createdAt, List<ScottPlot.Plot> plots) => Document.Create(doc =>
    {
        doc.Metadata(pack.Title, "CxDashboard", $"{pack.OrganisationName}, {Display.Period(pack.Period.From, pack.Period.To)}", createdAt, "coaching");
        doc.Page(page =>
        {
            PdfTheme.Page(page);
            page.Header().Element(c => PdfTheme.RunningHeader(c, w.Format("{0} · {1} ({2} days)", pack.Title, Display.Period(pack.Period.From, pack.Period.To), pack.Period.Days),
                w.Format("{0} · for the coaching conversation: keep it between manager and agent", pack.OrganisationName)));
            page.Content().Column(col =>
            {
                col.Spacing(Gap);
                if (pack.Team is { } team)
                {
                    TeamOverview(w, col, team, pack);
                    if (pack.Agents.Count == 0)
                        col.Item().Text(w["No agent of the team handled contacts in this period or has a coaching action open."]).Italic();
                    // On the overview, so that every agent's page holds that agent only.
                    HowToRead(w, col, pack);
                }
                for (var i = 0; i < pack.Agents.Count; i++)
                {
                    if (i > 0 || pack.Team is not null) col.Item().PageBreak();
                    AgentSection(w, col, pack.Agents[i], plots);
                }
                if (pack.Team is null) HowToRead(w, col, pack);
            });
            page.Footer().Element(c => PdfTheme.Footer(c,
                w.Format("CxDashboard · generated {0} ({1}) by {2}", Display.DateTime(createdAt.UtcDateTime, pack.TimeZone), pack.TimeZone.Id, pack.GeneratedBy),
                w["Page {0} of {1}"]));
        });
    });

    private static void HowToRead(PackWords w, ColumnDescriptor col, CoachingPack pack) =>
        col.Item().PaddingTop(6).Text(t =>
        {
            t.DefaultTextStyle(s => s.FontSize(PdfTheme.FootSize).FontColor(Colors.Grey700));
            t.Line(w["How to read this pack"]).Bold();
            t.Line(pack.AlertRule);
            t.Line(pack.PatternRule);
            t.Span(w.Format("Proportions carry their n and a 95 % Wilson interval; n < 30 is marked as a small sample. Definitions: {0}", pack.DefinitionsLink));
        });

    private static void TeamOverview(PackWords w, ColumnDescriptor col, TeamCoachingView team, CoachingPack pack)
    {
        col.Item().Element(c => PdfTheme.Title(c, pack.Title));
        col.Item().Element(c => PdfTheme.Heading(c, w.Format("{0}: agents against the rest of the team", team.TeamName)));
        col.Item().Text(w.Format("W = {0} days · coaching alerts compare {1} with {2}", team.WindowDays,
            Display.Period(team.Alerts.Recent.From, team.Alerts.Recent.To), Display.Period(team.Alerts.Baseline.From, team.Alerts.Baseline.To))).FontColor(Colors.Grey700);
        col.Item().Table(table =>
        {
            table.ColumnsDefinition(c => { c.Relative(2.6f); c.Relative(1.4f); c.Relative(2); c.Relative(2.2f); c.Relative(2.2f); c.Relative(1.3f); c.Relative(2.8f); c.Relative(1.3f); });
            table.Header(h =>
            {
                var withN = w["{0} (n)"];
                foreach (var title in new[]
                         {
                             w["Agent"], w["Contacts"], w.Format(withN, w.Vocabulary.Kpi(KpiKind.CsatPercent)), w.Format(withN, w.Vocabulary.Kpi(KpiKind.RepeatContactRate)),
                             w.Format(withN, w.Vocabulary.Kpi(KpiKind.ContactFcrPercent)), w["Handle time"], w["Alerts and pattern"], w["Open actions"],
                         })
                    HeaderCell(h.Cell(), title);
            });
            foreach (var row in team.Agents)
            {
                var c = row.Counts;
                Cell(table.Cell(), row.Agent.Name);
                Cell(table.Cell(), Display.Count(c.Contacts), right: true);
                StatusCell(w, table.Cell(), c.Csat, team.Targets.Evaluate(KpiKind.CsatPercent, c.Csat.Percent, team.TeamId));
                StatusCell(w, table.Cell(), c.RepeatRate, team.Targets.Evaluate(KpiKind.RepeatContactRate, c.RepeatRate.Percent, team.TeamId));
                StatusCell(w, table.Cell(), c.ContactFcr, team.Targets.Evaluate(KpiKind.ContactFcrPercent, c.ContactFcr.Percent, team.TeamId));
                Cell(table.Cell(), Display.Duration(c.AverageHandleSeconds), right: true);
                Cell(table.Cell(), string.Join("; ", row.Shifts.Where(s => s.Verdict == ShiftVerdict.SignificantlyWorse).Select(s => AlertWords(w, s))
                    .Concat(row.Pattern.ShortCallsManyRepeats ? [w.Lower("Short calls, many repeats")] : [])));
                Cell(table.Cell(), row.OverdueActions > 0 ? w.Format("{0} ({1} overdue)", row.OpenActions, row.OverdueActions) : Display.Count((long)row.OpenActions), right: true);
            }
            Cell(table.Cell(), w["Team"], bold: true);
            Cell(table.Cell(), Display.Count(team.Team.Contacts), right: true, bold: true);
            Cell(table.Cell(), WithN(w, team.Team.Csat), right: true, bold: true);
            Cell(table.Cell(), WithN(w, team.Team.RepeatRate), right: true, bold: true);
            Cell(table.Cell(), WithN(w, team.Team.ContactFcr), right: true, bold: true);
            Cell(table.Cell(), Display.Duration(team.Team.AverageHandleSeconds), right: true, bold: true);
            Cell(table.Cell(), "");
            Cell(table.Cell(), "");
        });
        if (pack.Agents.Count > 0)
            col.Item().Text(w.Format("One page per agent follows ({0}).", pack.Agents.Count)).FontColor(Colors.Grey700);
    }

    private static void AgentSection(PackWords w, ColumnDescriptor col, AgentScorecard card, List<ScottPlot.Plot> plots)
    {
        var agent = card.Agent;
        var teamName = agent.TeamName ?? w["no team"];
        col.Item().Column(head =>
        {
            head.Item().Element(c => PdfTheme.Heading(c, $"{agent.Name} · {teamName}"));
            head.Item().Text(w.Format("Agent id {0} · {1} · W = {2} days · {3} contacts, {4} survey responses", agent.ExternalId,
                Display.Period(card.Period.From, card.Period.To), card.WindowDays, Display.Count(card.AgentCounts.Contacts), Display.Count(card.AgentCounts.Responses))).FontColor(Colors.Grey700);
        });

        foreach (var alert in card.Alerts)
        {
            col.Item().KeepTogether().BorderLeft(3, Colors.Negative).Background("#FDECEA").Padding(6).Column(box =>
            {
                var s = alert.Shift;
                box.Item().Text(w.Format("Coaching alert: {0}", AlertWords(w, s))).Bold().FontColor(Colors.Negative);
                box.Item().Text(w.Format(
                    "The alert compares the agent's last {0} full days with the {1} days before; the KPI table covers the pack's period, so its {2} can differ.",
                    alert.Recent.Days, alert.Baseline.Days, w.Vocabulary.Kpi(KpiKind.CsatPercent))).FontSize(PdfTheme.SmallSize).FontColor(Colors.Grey700);
                var change = w.Format("From {0} (n = {1}, {2}) to {3} (n = {4}, {5}): {6}, {7}.",
                    Display.Percent(s.Baseline.Percent), Display.Count(s.Baseline.N), Display.Period(alert.Baseline.From, alert.Baseline.To),
                    Display.Percent(s.Recent.Percent), Display.Count(s.Recent.N), Display.Period(alert.Recent.From, alert.Recent.To),
                    Display.Change(s.Recent.Percent, s.Baseline.Percent, KpiUnit.Percent), s.PValueText(w.Text.Culture));
                box.Item().Text(s.RestRecent is { } restNow && s.RestBaseline is { } restBefore
                    ? w.Format("{0} The rest of the team went from {1} to {2}.", change, Display.Percent(restBefore.Percent), Display.Percent(restNow.Percent))
                    : change);
                if (alert.ReasonShifts.Count > 0)
                    box.Item().Text(w.Format("By reason, now vs before: {0}", string.Join("; ", alert.ReasonShifts.Select(r =>
                        w.Format("{0} {1} (n = {2}) vs {3} (n = {4})", r.Name, Display.Percent(r.Recent.Percent), Display.Count(r.Recent.N),
                            Display.Percent(r.Baseline.Percent), Display.Count(r.Baseline.N))))));
                foreach (var response in alert.Evidence.Where(e => !string.IsNullOrWhiteSpace(e.Comment)).Take(2))
                    box.Item().Text(w.Format("{0} {1} · {2} · {3}: \u201c{4}\u201d", w.Vocabulary.Kpi(KpiKind.CsatPercent), response.Csat,
                        Display.Date(response.ContactDate), response.Reason, response.Comment)).Italic();
            });
        }

        col.Item().Element(c => PdfTheme.Subheading(c, w["KPIs against the team and the target"]));
        col.Item().Table(table =>
        {
            table.ColumnsDefinition(c => { c.Relative(2.5f); c.Relative(1.4f); c.Relative(1.5f); c.Relative(1.7f); c.Relative(1.2f); c.Relative(1.0f); c.Relative(1.3f); c.Relative(1.5f); c.Relative(2.3f); });
            table.Header(h =>
            {
                foreach (var title in new[] { w["KPI"], agent.Name, "n", w["95 % interval"], teamName, w["Team n"], w["Target"], w["Status"], w["Against the rest of the team"] })
                    HeaderCell(h.Cell(), title);
            });
            foreach (var k in card.Kpis)
            {
                Cell(table.Cell(), w.Vocabulary.Kpi(k.Kind));
                Cell(table.Cell(), Display.Value(k.AgentValue, k.Unit), right: true, bold: true, status: k.Status);
                Cell(table.Cell(), k.SmallSample ? w.Format("{0} (small)", Display.Count(k.AgentN)) : Display.Count(k.AgentN), right: true);
                Cell(table.Cell(), k.AgentInterval is null ? "" : Display.Interval(k.AgentInterval), right: true);
                Cell(table.Cell(), Display.Value(k.TeamValue, k.Unit), right: true);
                Cell(table.Cell(), Display.Count(k.TeamN), right: true);
                Cell(table.Cell(), Display.Target(k.Target, k.HigherIsBetter, k.Unit) ?? "", right: true);
                Cell(table.Cell(), w.Vocabulary.Status(k.Status));
                Cell(table.Cell(), k.IsBetter switch { true => w["better"], false => w["worse"], null => w["no clear difference"] });
            }
            Cell(table.Cell(), w["Handle time (context)"]);
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
            figure.Item().Element(c => PdfTheme.Subheading(c, w.Format("Trend: {0} weeks to {1}, {2} and {3}", AgentScorecardService.TrendWeeks, Display.Date(card.Period.To), agent.Name, teamName)));
            figure.Item().Row(row =>
            {
                row.Spacing(8);
                var csatTarget = card.Kpis.First(k => k.Kind == KpiKind.CsatPercent).Target?.Green;
                var repeatTarget = card.Kpis.First(k => k.Kind == KpiKind.RepeatContactRate).Target?.Green;
                plots.Add(CoachingCharts.Plot(CoachingCharts.Csat, card, csatTarget, w.Language, forPrint: true));
                row.Relative().Height(ChartHeight).Chart(plots[^1]);
                plots.Add(CoachingCharts.Plot(CoachingCharts.Repeats, card, repeatTarget, w.Language, forPrint: true));
                row.Relative().Height(ChartHeight).Chart(plots[^1]);
            });
            figure.Item().Row(row =>
            {
                row.Spacing(8);
                row.Relative().Text(CoachingCharts.SamplesLine(CoachingCharts.Csat, card, w.Language)).FontSize(PdfTheme.FootSize).FontColor(Colors.Grey700);
                row.Relative().Text(CoachingCharts.SamplesLine(CoachingCharts.Repeats, card, w.Language)).FontSize(PdfTheme.FootSize).FontColor(Colors.Grey700);
            });
        });

        // Each section stays with its heading: it moves to the next page whole rather than leaving a heading behind.
        col.Item().KeepTogether().Column(section => ReasonSection(w, section, card));
        col.Item().KeepTogether().Column(section => LowestRatedSection(w, section, card));
        col.Item().KeepTogether().Column(section => ActionSection(w, section, card));
    }

    private static void ReasonSection(PackWords w, ColumnDescriptor section, AgentScorecard card)
    {
        section.Spacing(4);
        section.Item().Element(c => PdfTheme.Subheading(c, w.Format("Customers coming back within {0} days, and handle time, by contact reason", card.WindowDays)));
        var p = card.Pattern;
        var comparison = p.TooFewToJudge ? w["Too few contacts to compare with the rest of the team."]
            : w.Format("Handle time {0} against the rest of the team's {1}; customers who came back {2} (n = {3}) against {4} (n = {5}).",
                Display.Duration(p.AgentHandleSeconds), Display.Duration(p.RestHandleSeconds), Display.Percent(p.AgentCameBack.Percent),
                Display.Count(p.AgentCameBack.N), Display.Percent(p.RestCameBack.Percent), Display.Count(p.RestCameBack.N));
        section.Item().Text(!p.TooFewToJudge && p.ShortCallsManyRepeats
            ? w.Format("{0} Pattern: short calls, many repeats: calls may end before the problem is solved.", comparison)
            : comparison);
        if (card.Reasons.Count > 0)
        {
            section.Item().Table(table =>
            {
                table.ColumnsDefinition(c => { c.Relative(2.8f); c.Relative(1.2f); c.Relative(1.2f); c.Relative(1.4f); c.Relative(1.2f); c.Relative(1.3f); c.Relative(1.6f); c.Relative(2.6f); });
                table.Header(h =>
                {
                    foreach (var title in new[] { w["Contact reason"], w["Contacts"], w["Came back"], w["Rest came back"], w["Extra back"], w["Handle time"], w["Rest handle time"], w["Pattern"] })
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
                    Cell(table.Cell(), r.Pattern.ShortCallsManyRepeats ? w.Lower("Short calls, many repeats") : r.Pattern.TooFewToJudge ? w.Lower("Too few to judge") : "");
                }
            });
            if (card.Reasons.Count > ReasonRows)
                section.Item().Text(w.Format("The {0} reasons with the most extra customers coming back, of {1}; all are in the workbook.", ReasonRows, card.Reasons.Count))
                    .FontSize(PdfTheme.FootSize).FontColor(Colors.Grey700);
        }
    }

    private static void LowestRatedSection(PackWords w, ColumnDescriptor section, AgentScorecard card)
    {
        section.Spacing(4);
        section.Item().Element(c => PdfTheme.Subheading(c, w["Lowest-rated responses"]));
        if (card.LowestRated.Count == 0) section.Item().Text(w["No survey responses to this agent's contacts in the period."]).Italic();
        else
        {
            section.Item().Table(table =>
            {
                table.ColumnsDefinition(c => { c.Fixed(58); c.Relative(3f); c.Fixed(30); c.Fixed(50); c.Relative(6); });
                table.Header(h =>
                {
                    foreach (var title in new[] { w["Contact"], w["Reason · channel"], w.Vocabulary.Kpi(KpiKind.CsatPercent), w["Resolved"], w["Comment"] }) HeaderCell(h.Cell(), title);
                });
                foreach (var r in card.LowestRated.Take(LowestRatedRows))
                {
                    Cell(table.Cell(), Display.Date(r.ContactDate));
                    Cell(table.Cell(), $"{r.Reason} · {r.Channel}");
                    Cell(table.Cell(), Display.Count((long)r.Csat), right: true);
                    Cell(table.Cell(), r.Resolved switch { true => w["yes"], false => w["no"], _ => Display.NoValue });
                    Cell(table.Cell(), r.Comment ?? "");
                }
            });
            if (card.LowestRated.Count > LowestRatedRows)
                section.Item().Text(w.Format("The {0} lowest shown here; the agent's scorecard and workbook list more.", LowestRatedRows))
                    .FontSize(PdfTheme.FootSize).FontColor(Colors.Grey700);
        }
    }

    private static void ActionSection(PackWords w, ColumnDescriptor section, AgentScorecard card)
    {
        section.Spacing(4);
        var open = card.Actions.Where(a => a.IsActive).ToList();
        section.Item().Element(c => PdfTheme.Subheading(c, w["Open coaching actions"]));
        if (open.Count == 0) section.Item().Text(w["No open coaching actions."]).Italic();
        else
        {
            section.Item().Table(table =>
            {
                table.ColumnsDefinition(c => { c.Relative(5); c.Relative(2.2f); c.Relative(1.6f); c.Relative(1.4f); c.Relative(2); });
                table.Header(h =>
                {
                    foreach (var title in new[] { w["What to work on"], w["Focus"], w["Due"], w["Status"], w["Created by"] }) HeaderCell(h.Cell(), title);
                });
                foreach (var a in open)
                {
                    Cell(table.Cell(), a.Notes is null ? a.Title : $"{a.Title} ({a.Notes})");
                    Cell(table.Cell(), string.Join(" · ", new[] { a.FocusKpi is { } k ? w.Vocabulary.Kpi(k) : null, a.ReasonName }.OfType<string>()));
                    Cell(table.Cell(), a.IsOverdue ? w.Format("{0} (overdue)", Display.Date(a.DueDate)) : Display.Date(a.DueDate), status: a.IsOverdue ? TargetStatus.Red : TargetStatus.None);
                    Cell(table.Cell(), w.Vocabulary.CoachingActionStatus(a.Status));
                    Cell(table.Cell(), a.CreatedBy);
                }
            });
        }
    }

    /// <summary>"CSAT fell ▼ 33,3 p.p.": the KPI, the direction that is worse, and the change.</summary>
    private static string AlertWords(PackWords w, MetricShift shift) =>
        w.Format(shift.Info.HigherIsBetter ? "{0} fell {1}" : "{0} rose {1}", w.Vocabulary.Kpi(shift.Info.Kpi),
            Display.Change(shift.Recent.Percent, shift.Baseline.Percent, KpiUnit.Percent));

    /// <summary>"n < 30" marked as a small sample beside the n.</summary>
    private static string WithN(PackWords w, Proportion proportion) => proportion.N is > 0 and < Proportion.SmallSampleThreshold
        ? w.Format("{0} ({1}, small sample)", Display.Percent(proportion.Percent), Display.Count(proportion.N))
        : $"{Display.Percent(proportion.Percent)} ({Display.Count(proportion.N)})";

    /// <summary>A rate with its n and its status in words as well as colour ("68,5 % (460) ■ Off target").</summary>
    private static void StatusCell(PackWords w, ITableCell cell, Proportion proportion, TargetStatus status)
    {
        var (_, icon, _) = Display.Status(status);
        var text = proportion.Percent is null || status == TargetStatus.None ? WithN(w, proportion) : $"{WithN(w, proportion)}\n{icon} {w.Vocabulary.Status(status)}";
        Cell(cell, text, right: true, status: status);
    }

    // Dense cells: an agent's whole section fits one page.
    private static void HeaderCell(ITableCell cell, string text) => PdfTheme.HeaderCell(cell, text, dense: true);

    private static void Cell(ITableCell cell, string text, bool right = false, bool bold = false, TargetStatus status = TargetStatus.None) =>
        PdfTheme.Cell(cell, text, right, bold: bold, status: status, dense: true);
}
