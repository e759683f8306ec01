using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Maturity;
using CxDashboard.Web.Features.Maturity.Results;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;
using ScottPlot;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// A KPI tile, every line already worded and formatted: name, value, n, target standing and its gap, the change against
/// last month (left out when there is nothing to compare with), and one more line (the same month last year for the
/// headline KPIs, a note elsewhere). The tones say whether each change is good or bad for this KPI.
/// </summary>
public sealed record ReportTile(string Name, string Value, string Sample, bool SmallSample, TargetStatus Status, string StatusText,
    string? VersusPrevious, string? Detail)
{
    /// <summary>"7,6 p.e. under målet ≥ 75,0 %"; null without a target or value.</summary>
    public string? Gap { get; init; }
    public ChangeTone PreviousTone { get; init; }
    public ChangeTone DetailTone { get; init; }
}

public sealed record ReportColumn(string Title, bool Numeric = false, float Weight = 1);

public sealed record ReportRow(IReadOnlyList<string> Cells, bool IsTotal = false);

/// <summary>A table as both renderers draw it; <see cref="EmptyText"/> says why there are no rows.</summary>
public sealed record ReportTable(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows, string EmptyText)
{
    public bool HasRows => Rows.Count > 0;
}

/// <summary>A chart: its plot (made anew for each drawing), a description in words, and its numbers as a table.</summary>
public sealed record ReportChart(string Title, string Description, Func<Plot> CreatePlot, ReportTable Data);

/// <summary>A customer's comment with where it comes from ("Fråga om faktura · chatt · CSAT 1 · 12 mars").</summary>
public sealed record ReportQuote(string Text, string Source);

public sealed record ReportTerm(string Term, string Definition);

/// <summary>
/// The monthly report worded and formatted once, in the report's language and culture, for both the PDF
/// (<see cref="MonthlyReportPdf"/>) and the web version (<see cref="MonthlyReportHtml"/>): the two cannot disagree.
/// </summary>
public sealed record MonthlyReportView
{
    private static Vocabulary Words => Vocabulary.Current;

    public const string SmallSampleMark = "†";

    public required string CultureName { get; init; }
    public required string Title { get; init; }
    public required string OrganisationName { get; init; }
    public required string Lead { get; init; }
    public required string Generated { get; init; }
    public required IReadOnlyList<string> Summary { get; init; }
    public required IReadOnlyList<ReportTile> Tiles { get; init; }
    public required IReadOnlyList<string> TileNotes { get; init; }
    public required string TrendCaption { get; init; }
    public required IReadOnlyList<ReportChart> Trends { get; init; }
    public required ReportTable Channels { get; init; }
    public required string DissatisfactionLead { get; init; }
    public required ReportTable Dissatisfaction { get; init; }
    public required IReadOnlyList<ReportQuote> DissatisfactionQuotes { get; init; }
    public required string RepeatsLead { get; init; }
    public required ReportTable Repeats { get; init; }
    public required IReadOnlyList<ReportQuote> RepeatsQuotes { get; init; }
    public required string CallbacksLead { get; init; }
    public required IReadOnlyList<ReportTile> CallbackTiles { get; init; }
    public required ReportTable CallbackOutcomes { get; init; }
    public required ReportTable CallbackRootCauses { get; init; }
    public required string EngagementLead { get; init; }
    public required ReportTable Engagement { get; init; }
    public required string MaturityLead { get; init; }
    public ReportChart? MaturityRadar { get; init; }
    public ReportTable? MaturityGaps { get; init; }
    /// <summary>The † footnote, only when a † is printed somewhere in the report.</summary>
    public string? SmallSampleNote { get; init; }
    public required IReadOnlyList<ReportTerm> Definitions { get; init; }

    public const int CommentedReasons = 3;

    /// <summary>Words and formats the report; numbers in the report's culture.</summary>
    public static MonthlyReportView Create(MonthlyReport report)
    {
        using var culture = ReportCulture.Use(report.CultureName);
        var view = Compose(report);
        return view with { SmallSampleNote = view.UsesSmallSampleMark() ? Words.Format("Report.SmallSampleFootnote", SmallSampleMark, Proportion.SmallSampleThreshold) : null };
    }

    /// <summary>Whether a † is printed anywhere: tiles, tables, quotes' sources.</summary>
    public bool UsesSmallSampleMark()
    {
        IEnumerable<string?> Tables() => new[] { Channels, Dissatisfaction, Repeats, CallbackOutcomes, CallbackRootCauses, Engagement, MaturityGaps }
            .Where(t => t is not null).SelectMany(t => t!.Rows.SelectMany(r => r.Cells));
        return Tiles.Concat(CallbackTiles).Any(t => t.SmallSample) || Tables().Any(cell => cell?.Contains(SmallSampleMark, StringComparison.Ordinal) == true);
    }

    private static MonthlyReportView Compose(MonthlyReport report)
    {
        var previousName = MonthlySummaryWriter.ComparedMonth(report.Month, report.PreviousMonth);
        var firstTrendMonth = report.Trend.Count > 0 ? report.Trend[0].Month : report.Month;
        var teams = report.ScopeTeams is { } names ? ReportText.JoinAnd(names) : null;
        return new MonthlyReportView
        {
            CultureName = report.CultureName,
            Title = teams is null ? ReportText.Title(report.Month) : ReportText.TeamTitle(report.Month, teams),
            OrganisationName = teams is null ? report.OrganisationName : $"{report.OrganisationName} · {teams}",
            Lead = teams is null
                ? Words.Format("Report.Lead", ReportText.Days(report.Month), ReportText.Month(report.PreviousMonth), ReportText.Month(report.SameMonthLastYear),
                    ReportText.LocalTime(report.AsOfUtc, report.TimeZone), report.TimeZone.Id)
                : Words.Format("Report.Lead.Teams", teams, ReportText.Days(report.Month), ReportText.Month(report.PreviousMonth), ReportText.Month(report.SameMonthLastYear),
                    ReportText.LocalTime(report.AsOfUtc, report.TimeZone), report.TimeZone.Id),
            Generated = teams is null
                ? Words.Format("Report.Generated", report.OrganisationName, ReportText.LocalTime(report.AsOfUtc, report.TimeZone))
                : Words.Format("Report.Generated.Teams", report.OrganisationName, teams, ReportText.LocalTime(report.AsOfUtc, report.TimeZone)),
            Summary = report.Summary,
            Tiles = TilesOf(report, previousName),
            TileNotes = NotesOf(report),
            TrendCaption = Words.Format("Report.TrendCaption", ReportText.Capitalise(ReportText.Month(firstTrendMonth)), ReportText.Month(report.Month),
                Words.Kpi(KpiKind.ContactFcrPercent), report.WindowDays),
            Trends = TrendCharts(report),
            Channels = ChannelTable(report),
            DissatisfactionLead = Words["Report.DissatisfactionLead"],
            Dissatisfaction = DissatisfactionTable(report.ReasonsByDissatisfaction, previousName),
            DissatisfactionQuotes = Quotes(report.ReasonsByDissatisfaction),
            RepeatsLead = Words.Format("Report.RepeatsLead", report.WindowDays),
            Repeats = RepeatsTable(report.ReasonsByRepeats, previousName),
            RepeatsQuotes = Quotes(report.ReasonsByRepeats),
            CallbacksLead = CallbacksLeadOf(report),
            CallbackTiles = CallbackTilesOf(report, previousName),
            CallbackOutcomes = CallbackOutcomesOf(report.Callbacks.Current),
            CallbackRootCauses = CallbackRootCausesOf(report.Callbacks.Current),
            EngagementLead = EngagementLeadOf(report.Engagement),
            Engagement = EngagementTable(report.Engagement),
            MaturityLead = MaturityLeadOf(report),
            MaturityRadar = report.Maturity is { } maturity ? Radar(maturity) : null,
            MaturityGaps = report.Maturity is { } withGaps ? GapTable(withGaps) : null,
            Definitions = DefinitionsFor(report.WindowDays),
        };
    }

    private static IReadOnlyList<ReportTile> TilesOf(MonthlyReport report, string previousName)
    {
        var lastYearName = ReportText.Month(report.SameMonthLastYear);
        var tiles = HeadlineKpis.All.Select(kpi =>
        {
            var unit = kpi.Definition.Unit;
            var (value, previous, lastYear) = (kpi.ValueOf(report.Current), kpi.ValueOf(report.Previous), kpi.ValueOf(report.LastYear));
            var target = report.TargetFor(kpi.Kind);
            var higher = kpi.Definition.HigherIsBetter;
            return new ReportTile(
                kpi.Name,
                Display.Value(value, unit),
                Words.Format(kpi.SampleWordKey, ReportText.N(kpi.SampleOf(report.Current))),
                kpi.IsSmallSample(report.Current),
                TargetGaps.Status(kpi.Kind, value, target),
                ReportText.StatusWithTarget(kpi.Kind, value, target),
                Versus(previousName, ReportText.ChangeWithVerdict(value, previous, unit, higher), previous is null ? null : Display.Value(previous, unit)),
                Versus(lastYearName, ReportText.ChangeWithVerdict(value, lastYear, unit, higher), lastYear is null ? null : Display.Value(lastYear, unit)))
            {
                Gap = ReportText.Gap(kpi.Kind, value, target),
                PreviousTone = ReportText.Tone(value, previous, higher),
                DetailTone = ReportText.Tone(value, lastYear, higher),
            };
        }).ToList();

        var (now, before, yearAgo) = (report.Current, report.Previous, report.LastYear);
        tiles.Add(new ReportTile(
            Words["Report.Contacts"],
            Display.Count(now.Contacts),
            Words.Format("Report.SelfServiceShare", Display.Percent(now.SelfServiceShare.Percent)),
            false,
            TargetStatus.None,
            Words["Report.VolumeNoTarget"],
            Versus(previousName, ReportText.CountChange(now.Contacts, before.Contacts), before.Contacts == 0 ? null : Display.Count(before.Contacts)),
            Versus(lastYearName, ReportText.CountChange(now.Contacts, yearAgo.Contacts), yearAgo.Contacts == 0 ? null : Display.Count(yearAgo.Contacts))));
        return tiles;
    }

    /// <summary>"Mot februari: ▲ 2,1 p.e., bättre (79,3 %)"; null when there is nothing to compare with (the notes say so once).</summary>
    private static string? Versus(string month, string change, string? earlier) =>
        earlier is null ? null : Words.Format("Report.Versus", month, change, earlier);

    private static IReadOnlyList<string> NotesOf(MonthlyReport report)
    {
        var notes = new List<string>();
        if (report.Current.FcrNotYetDecidable > 0)
            notes.Add(Words.Format("Report.Note.FcrNotYetDecidable", KpiDefinitions.Get(KpiKind.ContactFcrPercent).Name,
                ReportText.Counted(report.Current.FcrNotYetDecidable, "Report.Count.Contacts"), report.WindowDays));
        var comparisons = new List<string>();
        if (report.Previous.Contacts == 0 && report.Previous.Responses == 0) comparisons.Add(ReportText.Month(report.PreviousMonth));
        if (report.LastYear.Contacts == 0 && report.LastYear.Responses == 0) comparisons.Add(ReportText.Month(report.SameMonthLastYear));
        if (comparisons.Count == 1) notes.Add(Words.Format("Report.Note.NoComparison", comparisons[0]));
        if (comparisons.Count == 2) notes.Add(Words.Format("Report.Note.NoComparisons", comparisons[0], comparisons[1]));
        notes.Add(Words["Report.Note.Changes"]);
        return notes;
    }

    private static IReadOnlyList<ReportChart> TrendCharts(MonthlyReport report)
    {
        var labels = ReportText.MonthAxisLabels(report.Trend.Select(m => m.Month).ToList());
        var counts = report.Trend.Select(m => m.Counts).ToList();
        // Every series carries its own KPI's target, so a chart of two KPIs draws both targets.
        ReportChart Chart(string title, string yLabel, params (KpiTrendSeries Series, KpiKind Kind)[] series)
        {
            var withTargets = series.Select(s => s.Series with { Target = report.TargetFor(s.Kind)?.Green }).ToList();
            var percent = series.All(s => KpiDefinitions.Get(s.Kind).Unit == KpiUnit.Percent);
            var trend = KpiTrendCharts.Build(title, yLabel, labels, counts, withTargets, null, ReportText.TrendWords, percent);
            var columns = new List<ReportColumn> { new(Words["Report.Column.Month"]) };
            columns.AddRange(trend.Columns.Select(c => new ReportColumn(c, Numeric: true)));
            var rows = trend.Rows.Select((row, i) => new ReportRow([ReportText.Month(report.Trend[i].Month), .. row.Values])).ToList();
            return new ReportChart(title, trend.Description, trend.CreatePlot, new ReportTable(columns, rows, Words["Report.NoData"]));
        }

        return
        [
            Chart(Words.Kpi(KpiKind.CsatPercent), "%", (KpiTrendSeries.Csat($"{Words.Kpi(KpiKind.CsatPercent)} %"), KpiKind.CsatPercent)),
            Chart(Words["Report.Chart.Fcr"], "%", (KpiTrendSeries.SurveyFcr($"{Words.Kpi(KpiKind.SurveyFcrPercent)} %"), KpiKind.SurveyFcrPercent), (KpiTrendSeries.ContactFcr($"{Words.Kpi(KpiKind.ContactFcrPercent)} %"), KpiKind.ContactFcrPercent)),
            Chart(Words.Kpi(KpiKind.RepeatContactRate), Words["Report.Chart.ShareOfContacts"], (KpiTrendSeries.RepeatRate($"{Words.Kpi(KpiKind.RepeatContactRate)} %"), KpiKind.RepeatContactRate)),
            Chart(Words.Kpi(KpiKind.Nps), Words["Report.Chart.NpsAxis"], (KpiTrendSeries.Nps(Words.Kpi(KpiKind.Nps)), KpiKind.Nps)),
        ];
    }

    private static ReportTable ChannelTable(MonthlyReport report)
    {
        var total = report.Current.Contacts;
        var previousTotal = report.Previous.Contacts;
        var rows = report.Channels.Select(c => new ReportRow(
        [
            ReportText.Channel(c.Channel),
            Display.Count(c.Current.Contacts),
            Display.Percent(Share(c.Current.Contacts, total)),
            ReportText.Change(Share(c.Current.Contacts, total), Share(c.Previous.Contacts, previousTotal), KpiUnit.Percent),
            Marked(c.Current.Csat.Percent, c.Current.Responses),
            Display.Count(c.Current.Responses),
            Marked(c.Current.RepeatRate.Percent, c.Current.Contacts),
        ])).ToList();
        if (rows.Count > 0)
        {
            rows.Add(new ReportRow(
            [
                Words["Report.Total"], Display.Count(total), Display.Percent(total == 0 ? null : 100), "",
                Marked(report.Current.Csat.Percent, report.Current.Responses), Display.Count(report.Current.Responses),
                Marked(report.Current.RepeatRate.Percent, report.Current.Contacts),
            ], IsTotal: true));
        }
        return new ReportTable(
            [new(Words["Report.Column.Channel"], Weight: 1.6f), new(Words["Report.Column.Contacts"], true), new(Words["Report.Column.Share"], true),
             new(Words.Format("Report.Column.ShareVersus", MonthlySummaryWriter.ComparedMonth(report.Month, report.PreviousMonth)), true, 1.2f),
             new(KpiDefinitions.Get(KpiKind.CsatPercent).Name, true), new(Words["Report.Column.Answers"], true), new(KpiDefinitions.Get(KpiKind.RepeatContactRate).Name, true, 1.2f)],
            rows, Words["Report.Empty.Contacts"]);
    }

    private static ReportTable DissatisfactionTable(IReadOnlyList<ReasonHighlight> reasons, string previousName) => ReasonTable(reasons,
        [new(Words["Report.Column.Dissatisfied"], true), new(Words["Report.Column.Answers"], true), new(Words["Report.Column.DissatisfiedShare"], true, 1.2f),
         new(Words.Format("Report.Column.Versus", previousName), true, 1.1f), new(KpiDefinitions.Get(KpiKind.CsatPercent).Name, true)],
        r =>
        [
            Display.Count(r.Current.CsatNegative),
            Display.Count(r.Current.Responses),
            Marked(r.Current.Dissatisfied.Percent, r.Current.Responses),
            ReportText.Change(r.Current.Dissatisfied.Percent, r.Previous.Dissatisfied.Percent, KpiUnit.Percent),
            Marked(r.Current.Csat.Percent, r.Current.Responses),
        ],
        Words["Report.Empty.Dissatisfied"]);

    private static ReportTable RepeatsTable(IReadOnlyList<ReasonHighlight> reasons, string previousName) => ReasonTable(reasons,
        [new(Words["Report.Column.RepeatContacts"], true, 1.2f), new(Words["Report.Column.Contacts"], true), new(KpiDefinitions.Get(KpiKind.RepeatContactRate).Name, true, 1.3f),
         new(Words.Format("Report.Column.Versus", previousName), true, 1.1f), new(KpiDefinitions.Get(KpiKind.ContactFcrPercent).Name, true, 1.3f)],
        r =>
        [
            Display.Count(r.Current.RepeatContacts),
            Display.Count(r.Current.Contacts),
            Marked(r.Current.RepeatRate.Percent, r.Current.Contacts),
            ReportText.Change(r.Current.RepeatRate.Percent, r.Previous.RepeatRate.Percent, KpiUnit.Percent),
            Marked(r.Current.ContactFcr.Percent, r.Current.FcrDecidable),
        ],
        Words["Report.Empty.Repeats"]);

    /// <summary>A table of contact reasons: the reason's name, then the given figures.</summary>
    private static ReportTable ReasonTable(IReadOnlyList<ReasonHighlight> reasons, IReadOnlyList<ReportColumn> figures,
        Func<ReasonHighlight, IReadOnlyList<string>> cells, string emptyText) =>
        new([new(Words["Report.Column.Reason"], Weight: 2.2f), .. figures], reasons.Select(r => new ReportRow([r.Name, .. cells(r)])).ToList(), emptyText);

    private static IReadOnlyList<ReportQuote> Quotes(IReadOnlyList<ReasonHighlight> reasons) =>
        reasons.Take(CommentedReasons)
            .SelectMany(r => r.Comments.Select(c => new ReportQuote(c.Text,
                Words.Format("Report.QuoteSource", r.Name, Words.ChannelInSentence(c.Channel), c.Csat, ReportText.DayAndMonth(c.Date)))))
            .ToList();

    private static string CallbacksLeadOf(MonthlyReport report)
    {
        var kpis = report.Callbacks.Current;
        var lead = Words["Report.CallbacksLead"];
        if (kpis.Flagged == 0 && kpis.Closed == 0 && kpis.SlaDue == 0)
            return lead + " " + Words.Format("Report.CallbacksLead.Nothing", ReportText.Month(report.Month));
        return lead + " " + Words.Format("Report.CallbacksLead.Open", ReportText.LocalTime(report.AsOfUtc, report.TimeZone), ReportText.Counted(kpis.Open, "Report.Count.OpenCases"),
            ReportText.Counted(kpis.Overdue, "Report.Count.Overdue"), ReportText.Counted(kpis.Escalated, "Report.Count.Escalated"));
    }

    private static IReadOnlyList<ReportTile> CallbackTilesOf(MonthlyReport report, string previousName)
    {
        var (now, before) = (report.Callbacks.Current, report.Callbacks.Previous);
        ReportTile Rate(KpiKind kind, double? value, double? previous, long n, string sampleWordKey, string detail)
        {
            var target = report.TargetFor(kind);
            return new ReportTile(KpiDefinitions.Get(kind).Name, Display.Percent(value), Words.Format(sampleWordKey, ReportText.N(n)),
                n is > 0 and < Proportion.SmallSampleThreshold, TargetGaps.Status(kind, value, target),
                ReportText.StatusWithTarget(kind, value, target),
                Versus(previousName, ReportText.ChangeWithVerdict(value, previous, KpiUnit.Percent, true), previous is null ? null : Display.Percent(previous)), detail)
            {
                Gap = ReportText.Gap(kind, value, target),
                PreviousTone = ReportText.Tone(value, previous, true),
            };
        }

        return
        [
            new ReportTile(Words["Report.FlaggedCases"], Display.Count(now.Flagged), ReportText.Counted(now.Closed, "Report.Count.ClosedInMonth"), false, TargetStatus.None,
                Words["Report.VolumeNoTarget"],
                Versus(previousName, ReportText.CountChange(now.Flagged, before.Flagged), Display.Count(before.Flagged)),
                now.MedianHoursToFirstAttempt is { } hours
                    ? Words.Format("Report.MedianToFirstAttempt", Display.Number(hours), ReportText.N(now.FirstAttempts))
                    : Words["Report.NoAttemptYet"]),
            Rate(KpiKind.CallbackSlaMetPercent, now.SlaMetPercent, before.SlaMetPercent, now.SlaDue, "Report.Sample.DueCases",
                now.SlaNotYetDue > 0 ? ReportText.Counted(now.SlaNotYetDue, "Report.Count.DueLater") : Words["Report.AllCasesDecided"]),
            Rate(KpiKind.RecoveryRate, now.RecoveryRatePercent, before.RecoveryRatePercent, now.FollowUpsAnswered, "Report.Sample.FollowUpAnswers",
                ReportText.Counted(now.FollowUpsSent, "Report.Count.FollowUpsSent")),
        ];
    }

    private static ReportTable CallbackOutcomesOf(CallbackKpis kpis)
    {
        var rows = kpis.Outcomes.Select(o => new ReportRow([OutcomeName(o.Outcome), Display.Count(o.Cases), Display.Percent(kpis.Closed == 0 ? null : o.Percent)])).ToList();
        if (kpis.Closed > 0) rows.Add(new ReportRow([Words["Report.ClosedCases"], Display.Count(kpis.Closed), Display.Percent(100)], IsTotal: true));
        return new ReportTable([new(Words["Report.Column.Outcome"], Weight: 2), new(Words["Report.Column.Cases"], true), new(Words["Report.Column.Share"], true)], kpis.Closed == 0 ? [] : rows,
            Words["Report.Empty.Closed"]);
    }

    public const int RootCausesShown = 5;

    /// <summary>The five most common root causes, the rest as "Övriga", and the total, so the shares add up to 100 %.</summary>
    private static ReportTable CallbackRootCausesOf(CallbackKpis kpis)
    {
        var rows = kpis.RootCauses.Take(RootCausesShown).Select(r => new ReportRow([r.Name, Display.Count(r.Cases), Display.Percent(r.Percent)])).ToList();
        var total = kpis.RootCauses.Sum(r => (long)r.Cases);
        var rest = kpis.RootCauses.Skip(RootCausesShown).ToList();
        if (rest.Count > 0)
        {
            var others = rest.Sum(r => (long)r.Cases);
            rows.Add(new ReportRow([Words.Format("Report.OtherRootCauses", rest.Count), Display.Count(others), Display.Percent(total == 0 ? null : 100.0 * others / total)]));
        }
        if (total > 0) rows.Add(new ReportRow([Words["Report.Total"], Display.Count(total), Display.Percent(100)], IsTotal: true));
        return new ReportTable([new(Words["Report.Column.RootCause"], Weight: 2), new(Words["Report.Column.Cases"], true), new(Words["Report.Column.Share"], true)], rows,
            Words["Report.Empty.RootCauses"]);
    }

    private static string OutcomeName(string code) =>
        Enum.GetValues<CallbackOutcome>().Where(o => CallbackText.OutcomeCode(o) == code).Select(Words.CallbackOutcome).FirstOrDefault() ?? code;

    private static string EngagementLeadOf(EngagementMonth engagement)
    {
        var month = ReportText.Month(engagement.Month);
        var lead = Words.Format("Report.EngagementLead", month, EngagementCalculator.AnonymityThreshold);
        if (!engagement.AnyAnswers) lead += " " + Words.Format("Report.EngagementLead.NoAnswers", month);
        return lead;
    }

    private static ReportTable EngagementTable(EngagementMonth engagement)
    {
        string[] EngagementCells(EngagementResult result) => result.MonthOpen
            ? [Display.NoValue, Words["Report.PublishedWhenMonthEnds"], Display.NoValue]
            : result.Suppressed
            ? [$"< {EngagementCalculator.AnonymityThreshold}", ReportText.Hidden, Display.NoValue]
            : [Display.Count(result.Responses), MarkedNumber(Display.Number(result.EngagementIndex), result.EngagementIndex, result.Responses ?? 0),
               MarkedNumber(Display.Score(result.Enps), result.Enps, result.Responses ?? 0)];
        string[] CxCells(KpiCounts cx) =>
            [Marked(cx.Csat.Percent, cx.Responses), Display.Count(cx.Responses), Marked(cx.ContactFcr.Percent, cx.FcrDecidable)];

        var rows = engagement.Teams.Select(t => new ReportRow([t.Team, .. EngagementCells(t.Engagement), .. CxCells(t.Cx)])).ToList();
        if (rows.Count > 0)
        {
            var total = engagement.Total;
            var label = total.TeamsLeftOut > 0
                ? Words.Format("Report.AllShownTeams.LeftOut", total.TeamsLeftOut, EngagementCalculator.AnonymityThreshold)
                : Words["Report.AllShownTeams"];
            var shownCx = KpiCounts.Sum(engagement.Teams.Select(t => t.Cx));
            rows.Add(new ReportRow([label, .. EngagementCells(total.Result), .. CxCells(shownCx)], IsTotal: true));
        }
        return new ReportTable(
            [new(Words["Report.Column.Team"], Weight: 2), new(Words["Report.Column.Answers"], true, 0.8f), new(KpiDefinitions.Get(KpiKind.EngagementIndex).Name, true, 1.1f),
             new(KpiDefinitions.Get(KpiKind.Enps).Name, true, 0.8f), new(KpiDefinitions.Get(KpiKind.CsatPercent).Name, true), new(Words["Report.Column.SurveyAnswers"], true),
             new(KpiDefinitions.Get(KpiKind.ContactFcrPercent).Name, true, 1.2f)],
            rows, Words["Report.Empty.Teams"]);
    }

    private static string MaturityLeadOf(MonthlyReport report)
    {
        if (report.Maturity is not { } maturity)
            return Words.Format("Report.MaturityLead.None", ReportText.Month(report.Month));
        var current = maturity.Current;
        var lead = Words.Format("Report.MaturityLead", current.Round.Name, Display.Date(current.Round.AssessedOn), current.RatersSubmitted, Display.Number(current.OverallMean));
        if (current.OverallTarget is { } target) lead += Words.Format("Report.MaturityLead.Target", Display.Number(target));
        if (current.OverallPreviousMean is { } previous && current.Previous is { } previousRound)
            lead += Words.Format("Report.MaturityLead.Previous", previousRound.Name, Display.Number(previous));
        return lead + Words["Report.MaturityLead.End"];
    }

    private static ReportChart Radar(MaturityLeadershipSummary maturity)
    {
        var language = ReportText.Language;
        var data = Maturity.Results.MaturityRadar.For(maturity.Current, language);
        // The radar names its target shape in English; the report names it in its own language.
        data = data with { Shapes = data.Shapes.Select(s => s.Name == Maturity.Results.MaturityRadar.TargetName ? s with { Name = Words["Report.Column.Target"] } : s).ToList() };
        var table = new ReportTable([new(Words["Report.Column.Capability"], Weight: 2.5f), new(Words["Report.Column.Level"], true), new(Words["Report.Column.Target"], true)],
            maturity.Current.Capabilities.Select(c => new ReportRow(
                [c.Capability.Name.In(language), Display.Number(c.Score.Mean), Display.Count(c.Score.TargetLevel)])).ToList(), Words["Report.NoData"]);
        var description = Words.Format("Report.RadarDescription", maturity.Current.Round.Name,
            string.Join(", ", maturity.Current.Capabilities.Select(c => $"{c.Capability.Name.In(language)} {Display.Number(c.Score.Mean)}")));
        return new ReportChart(Words["Report.Radar"], description, () =>
        {
            var plot = new Plot();
            Maturity.Results.MaturityRadar.Draw(plot, data);
            return plot;
        }, table);
    }

    private static ReportTable GapTable(MaturityLeadershipSummary maturity) => new(
        [new(Words["Report.Column.Capability"], Weight: 1.6f), new(Words["Report.Column.Level"], true, 0.6f), new(Words["Report.Column.Target"], true, 0.6f),
         new(Words["Report.Column.Gap"], true, 0.6f), new(Words["Report.Column.Change"], true, 0.9f), new(Words["Report.Column.Actions"], Weight: 3)],
        maturity.TopGaps().Select(gap => new ReportRow(
        [
            gap.Capability.Capability.Name.In(ReportText.Language),
            Display.Number(gap.Capability.Score.Mean),
            Display.Count(gap.Capability.Score.TargetLevel),
            Display.Number(gap.Capability.Score.Gap),
            MaturityDisplay.Change(gap.Capability.Score.Change),
            gap.Actions.Count == 0 ? Words["Report.NoActionRecorded"] : string.Join("\n", gap.Actions.Select(ActionText)),
        ])).ToList(),
        Words["Report.Empty.Gaps"]);

    private static string ActionText(Maturity.Actions.ImprovementActionView action)
    {
        var status = Words[$"Report.ActionStatus.{action.Status}"];
        return Words.Format(action.IsOverdue ? "Report.ActionText.Overdue" : "Report.ActionText", action.Title, action.OwnerName, status, Display.Date(action.DueDate));
    }

    private static IReadOnlyList<ReportTerm> DefinitionsFor(int windowDays) =>
    [
        new(Words.Kpi(KpiKind.CsatPercent), Words["Report.Definition.Csat"]),
        new(Words.Kpi(KpiKind.SurveyFcrPercent), Words["Report.Definition.SurveyFcr"]),
        new(Words.Kpi(KpiKind.ContactFcrPercent), Words.Format("Report.Definition.ContactFcr", windowDays)),
        new(Words.Kpi(KpiKind.RepeatContactRate), Words.Format("Report.Definition.RepeatRate", windowDays)),
        new(Words.Kpi(KpiKind.Nps), Words["Report.Definition.Nps"]),
        new(Words.Kpi(KpiKind.CallbackSlaMetPercent), Words["Report.Definition.CallbackSla"]),
        new(Words.Kpi(KpiKind.RecoveryRate), Words["Report.Definition.Recovery"]),
        new(Words.Kpi(KpiKind.EngagementIndex), Words.Format("Report.Definition.Engagement", EngagementCalculator.AnonymityThreshold)),
        new(Words.Kpi(KpiKind.Enps), Words["Report.Definition.Enps"]),
        new(Words.Format("Report.Definition.SmallSample.Term", ReportText.Capitalise(ReportText.SmallSample), SmallSampleMark), Words.Format("Report.Definition.SmallSample", Proportion.SmallSampleThreshold)),
    ];

    /// <summary>A formatted figure with the small-sample mark when n is under 30.</summary>
    private static string MarkedNumber(string text, double? value, long n) =>
        text + (value is not null && n < Proportion.SmallSampleThreshold ? " " + SmallSampleMark : "");

    /// <summary>A percentage, with the small-sample mark when n is under 30.</summary>
    private static string Marked(double? percent, long n) =>
        Display.Percent(percent) + (percent is not null && n < Proportion.SmallSampleThreshold ? " " + SmallSampleMark : "");

    private static double? Share(long part, long whole) => whole == 0 ? null : 100.0 * part / whole;

}
