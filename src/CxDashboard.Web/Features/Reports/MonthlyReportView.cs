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
public sealed record ReportTable(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows, string EmptyText = "Inga data.")
{
    public bool HasRows => Rows.Count > 0;
}

/// <summary>A chart: its plot (made anew for each drawing), a description in words, and its numbers as a table.</summary>
public sealed record ReportChart(string Title, string Description, Func<Plot> CreatePlot, ReportTable Data);

/// <summary>A customer's comment with where it comes from ("Fråga om faktura · chatt · CSAT 1 · 12 mars").</summary>
public sealed record ReportQuote(string Text, string Source);

public sealed record ReportTerm(string Term, string Definition);

/// <summary>
/// The monthly report worded and formatted once, in Swedish with numbers in the report's culture, for both the PDF
/// (<see cref="MonthlyReportPdf"/>) and the web version (<see cref="MonthlyReportHtml"/>): the two cannot disagree.
/// </summary>
public sealed record MonthlyReportView
{
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
        return view with { SmallSampleNote = view.UsesSmallSampleMark() ? SmallSampleFootnote : null };
    }

    public const string SmallSampleFootnote = "† = litet underlag (n < 30), se Definitioner.";

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
                ? $"Månadsrapport till ledningen: {ReportText.Days(report.Month)}, alla team och kanaler, jämfört med {ReportText.Month(report.PreviousMonth)} " +
                  $"och {ReportText.Month(report.SameMonthLastYear)}. Siffror per {ReportText.LocalTime(report.AsOfUtc, report.TimeZone)} ({report.TimeZone.Id})."
                : $"Månadsrapport för {teams}: {ReportText.Days(report.Month)}, bara teamets kontakter, enkätsvar, kommentarer, återringningar, pulsmätning och " +
                  $"coachningsåtgärder, alla kanaler, jämfört med {ReportText.Month(report.PreviousMonth)} och {ReportText.Month(report.SameMonthLastYear)}. " +
                  $"Målen och mognadsmätningen är organisationens. Siffror per {ReportText.LocalTime(report.AsOfUtc, report.TimeZone)} ({report.TimeZone.Id}).",
            Generated = teams is null
                ? $"{report.OrganisationName} · CxDashboard · underlag per {ReportText.LocalTime(report.AsOfUtc, report.TimeZone)}"
                : $"{report.OrganisationName} · CxDashboard · endast {teams} · underlag per {ReportText.LocalTime(report.AsOfUtc, report.TimeZone)}",
            Summary = report.Summary,
            Tiles = TilesOf(report, previousName),
            TileNotes = NotesOf(report),
            TrendCaption = $"{ReportText.Capitalise(ReportText.Month(firstTrendMonth))} – {ReportText.Month(report.Month)}, per kalendermånad. Streckade linjer: målen; ofyllda punkter: litet underlag. " +
                           $"FCR per kontakt räknas bara för kontakter vars {report.WindowDays}-dagarsfönster har passerat.",
            Trends = TrendCharts(report),
            Channels = ChannelTable(report),
            DissatisfactionLead = "Kontaktorsaker med flest missnöjda kunder (CSAT 1–2) under månaden, med kundernas egna kommentarer.",
            Dissatisfaction = DissatisfactionTable(report.ReasonsByDissatisfaction, previousName),
            DissatisfactionQuotes = Quotes(report.ReasonsByDissatisfaction),
            RepeatsLead = $"Kontaktorsaker med flest återkontakter (kunden hörde av sig igen inom {report.WindowDays} dagar), med kommentarer från kunder som fått kontakta oss igen.",
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
                $"{ReportText.N(kpi.SampleOf(report.Current))} {kpi.SampleWord}",
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
            "Kontakter",
            Display.Count(now.Contacts),
            $"{Display.Percent(now.SelfServiceShare.Percent)} via självservice/bot",
            false,
            TargetStatus.None,
            "Volym, inget mål",
            Versus(previousName, ReportText.CountChange(now.Contacts, before.Contacts), before.Contacts == 0 ? null : Display.Count(before.Contacts)),
            Versus(lastYearName, ReportText.CountChange(now.Contacts, yearAgo.Contacts), yearAgo.Contacts == 0 ? null : Display.Count(yearAgo.Contacts))));
        return tiles;
    }

    /// <summary>"Mot februari: ▲ 2,1 p.e., bättre (79,3 %)"; null when there is nothing to compare with (the notes say so once).</summary>
    private static string? Versus(string month, string change, string? earlier) =>
        earlier is null ? null : $"Mot {month}: {change} ({earlier})";

    private static IReadOnlyList<string> NotesOf(MonthlyReport report)
    {
        var notes = new List<string>();
        if (report.Current.FcrNotYetDecidable > 0)
            notes.Add($"{KpiDefinitions.Get(KpiKind.ContactFcrPercent).Name}: {ReportText.Counted(report.Current.FcrNotYetDecidable, "kontakt", "kontakter")} från månadens sista {report.WindowDays} dagar kan ännu inte avgöras " +
                      $"(kundens {report.WindowDays}-dagarsfönster har inte passerat) och ingår inte; siffran kan ändras något när rapporten körs om.");
        var comparisons = new List<string>();
        if (report.Previous.Contacts == 0 && report.Previous.Responses == 0) comparisons.Add(ReportText.Month(report.PreviousMonth));
        if (report.LastYear.Contacts == 0 && report.LastYear.Responses == 0) comparisons.Add(ReportText.Month(report.SameMonthLastYear));
        if (comparisons.Count == 1) notes.Add($"Jämförelse med {comparisons[0]} saknas: det finns inga data för den månaden.");
        if (comparisons.Count == 2) notes.Add($"Jämförelser med {comparisons[0]} och {comparisons[1]} saknas: det finns inga data för de månaderna.");
        notes.Add("Förändringar i procent anges i procentenheter (p.e.); ▲ och ▼ visar riktningen och orden bättre eller sämre vad den betyder. Målen är organisationens.");
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
            var trend = KpiTrendCharts.Build(title, yLabel, labels, counts, withTargets, null, TrendWords.Swedish, percent);
            var columns = new List<ReportColumn> { new("Månad") };
            columns.AddRange(trend.Columns.Select(c => new ReportColumn(c, Numeric: true)));
            var rows = trend.Rows.Select((row, i) => new ReportRow([ReportText.Month(report.Trend[i].Month), .. row.Values])).ToList();
            return new ReportChart(title, trend.Description, trend.CreatePlot, new ReportTable(columns, rows));
        }

        return
        [
            Chart("CSAT", "%", (KpiTrendSeries.Csat("CSAT %"), KpiKind.CsatPercent)),
            Chart("FCR", "%", (KpiTrendSeries.SurveyFcr($"{KpiDefinitions.Get(KpiKind.SurveyFcrPercent).Name} %"), KpiKind.SurveyFcrPercent), (KpiTrendSeries.ContactFcr($"{KpiDefinitions.Get(KpiKind.ContactFcrPercent).Name} %"), KpiKind.ContactFcrPercent)),
            Chart(KpiDefinitions.Get(KpiKind.RepeatContactRate).Name, "% av kontakterna", (KpiTrendSeries.RepeatRate($"{KpiDefinitions.Get(KpiKind.RepeatContactRate).Name} %"), KpiKind.RepeatContactRate)),
            Chart("NPS", "NPS (−100 till 100)", (KpiTrendSeries.Nps("NPS"), KpiKind.Nps)),
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
                "Totalt", Display.Count(total), Display.Percent(total == 0 ? null : 100), "",
                Marked(report.Current.Csat.Percent, report.Current.Responses), Display.Count(report.Current.Responses),
                Marked(report.Current.RepeatRate.Percent, report.Current.Contacts),
            ], IsTotal: true));
        }
        return new ReportTable(
            [new("Kanal", Weight: 1.6f), new("Kontakter", true), new("Andel", true), new($"Andel mot {MonthlySummaryWriter.ComparedMonth(report.Month, report.PreviousMonth)}", true, 1.2f), new(KpiDefinitions.Get(KpiKind.CsatPercent).Name, true), new("Svar", true), new(KpiDefinitions.Get(KpiKind.RepeatContactRate).Name, true, 1.2f)],
            rows, "Inga kontakter under månaden.");
    }

    private static ReportTable DissatisfactionTable(IReadOnlyList<ReasonHighlight> reasons, string previousName) => ReasonTable(reasons,
        [new("Missnöjda", true), new("Svar", true), new("Andel missnöjda", true, 1.2f), new($"Mot {previousName}", true, 1.1f), new("CSAT", true)],
        r =>
        [
            Display.Count(r.Current.CsatNegative),
            Display.Count(r.Current.Responses),
            Marked(r.Current.Dissatisfied.Percent, r.Current.Responses),
            ReportText.Change(r.Current.Dissatisfied.Percent, r.Previous.Dissatisfied.Percent, KpiUnit.Percent),
            Marked(r.Current.Csat.Percent, r.Current.Responses),
        ],
        "Inga missnöjda kunder (CSAT 1–2) under månaden.");

    private static ReportTable RepeatsTable(IReadOnlyList<ReasonHighlight> reasons, string previousName) => ReasonTable(reasons,
        [new("Återkontakter", true, 1.2f), new("Kontakter", true), new(KpiDefinitions.Get(KpiKind.RepeatContactRate).Name, true, 1.3f), new($"Mot {previousName}", true, 1.1f), new(KpiDefinitions.Get(KpiKind.ContactFcrPercent).Name, true, 1.3f)],
        r =>
        [
            Display.Count(r.Current.RepeatContacts),
            Display.Count(r.Current.Contacts),
            Marked(r.Current.RepeatRate.Percent, r.Current.Contacts),
            ReportText.Change(r.Current.RepeatRate.Percent, r.Previous.RepeatRate.Percent, KpiUnit.Percent),
            Marked(r.Current.ContactFcr.Percent, r.Current.FcrDecidable),
        ],
        "Inga återkontakter under månaden.");

    /// <summary>A table of contact reasons: the reason's name, then the given figures.</summary>
    private static ReportTable ReasonTable(IReadOnlyList<ReasonHighlight> reasons, IReadOnlyList<ReportColumn> figures,
        Func<ReasonHighlight, IReadOnlyList<string>> cells, string emptyText) =>
        new([new("Kontaktorsak", Weight: 2.2f), .. figures], reasons.Select(r => new ReportRow([r.Name, .. cells(r)])).ToList(), emptyText);

    private static IReadOnlyList<ReportQuote> Quotes(IReadOnlyList<ReasonHighlight> reasons) =>
        reasons.Take(CommentedReasons)
            .SelectMany(r => r.Comments.Select(c => new ReportQuote(c.Text,
                $"{r.Name} · {ReportText.Channel(c.Channel).ToLowerInvariant()} · CSAT {c.Csat} · {ReportText.DayAndMonth(c.Date)}")))
            .ToList();

    private static string CallbacksLeadOf(MonthlyReport report)
    {
        var kpis = report.Callbacks.Current;
        var lead = "Missnöjda kunder flaggas för återringning. SLA: första kontaktförsöket före förfallotiden; återvinning: kunder som ger CSAT 4–5 i uppföljningsenkäten efter samtalet.";
        if (kpis.Flagged == 0 && kpis.Closed == 0 && kpis.SlaDue == 0)
            return lead + $" Inga ärenden flaggades, avslutades eller förföll i {ReportText.Month(report.Month)}.";
        return lead + $" Per {ReportText.LocalTime(report.AsOfUtc, report.TimeZone)}: {ReportText.Counted(kpis.Open, "öppet ärende", "öppna ärenden")}, " +
               $"varav {ReportText.Counted(kpis.Overdue, "försenat", "försenade")} och {ReportText.Counted(kpis.Escalated, "eskalerat", "eskalerade")}.";
    }

    private static IReadOnlyList<ReportTile> CallbackTilesOf(MonthlyReport report, string previousName)
    {
        var (now, before) = (report.Callbacks.Current, report.Callbacks.Previous);
        ReportTile Rate(KpiKind kind, double? value, double? previous, long n, string sampleWord, string detail)
        {
            var target = report.TargetFor(kind);
            return new ReportTile(KpiDefinitions.Get(kind).Name, Display.Percent(value), $"{ReportText.N(n)} {sampleWord}",
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
            new ReportTile("Flaggade ärenden", Display.Count(now.Flagged), $"{ReportText.Counted(now.Closed, "avslutat", "avslutade")} under månaden", false, TargetStatus.None,
                "Volym, inget mål",
                Versus(previousName, ReportText.CountChange(now.Flagged, before.Flagged), Display.Count(before.Flagged)),
                now.MedianHoursToFirstAttempt is { } hours
                    ? $"Median till första försök: {Display.Number(hours)} h ({ReportText.N(now.FirstAttempts)})"
                    : "Inget kontaktförsök ännu"),
            Rate(KpiKind.CallbackSlaMetPercent, now.SlaMetPercent, before.SlaMetPercent, now.SlaDue, "förfallna ärenden",
                now.SlaNotYetDue > 0 ? $"{ReportText.Counted(now.SlaNotYetDue, "ärende förfaller", "ärenden förfaller")} senare och ingår inte" : "Alla månadens ärenden är avgjorda"),
            Rate(KpiKind.RecoveryRate, now.RecoveryRatePercent, before.RecoveryRatePercent, now.FollowUpsAnswered, "uppföljningssvar",
                $"{ReportText.Counted(now.FollowUpsSent, "uppföljningsenkät skickad", "uppföljningsenkäter skickade")}"),
        ];
    }

    private static ReportTable CallbackOutcomesOf(CallbackKpis kpis)
    {
        var rows = kpis.Outcomes.Select(o => new ReportRow([OutcomeName(o.Outcome), Display.Count(o.Cases), Display.Percent(kpis.Closed == 0 ? null : o.Percent)])).ToList();
        if (kpis.Closed > 0) rows.Add(new ReportRow(["Avslutade ärenden", Display.Count(kpis.Closed), Display.Percent(100)], IsTotal: true));
        return new ReportTable([new("Utfall", Weight: 2), new("Ärenden", true), new("Andel", true)], kpis.Closed == 0 ? [] : rows,
            "Inga ärenden avslutades under månaden.");
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
            rows.Add(new ReportRow([$"Övriga ({rest.Count} grundorsaker)", Display.Count(others), Display.Percent(total == 0 ? null : 100.0 * others / total)]));
        }
        if (total > 0) rows.Add(new ReportRow(["Totalt", Display.Count(total), Display.Percent(100)], IsTotal: true));
        return new ReportTable([new("Grundorsak", Weight: 2), new("Ärenden", true), new("Andel", true)], rows,
            "Ingen grundorsak registrerad under månaden.");
    }

    private static string OutcomeName(string code) => code switch
    {
        "reached-resolved" => "Nådd, problemet löst",
        "reached-not-resolved" => "Nådd, inte löst",
        "unreachable" => "Inte nådd",
        "declined" => "Avböjde samtal",
        _ => code,
    };

    private static string EngagementLeadOf(EngagementMonth engagement)
    {
        var month = ReportText.Month(engagement.Month);
        var lead = $"Pulsmätningen i {month} per team, bredvid teamets kundupplevelse för kontakter samma månad. " +
                   $"Engagemang visas bara för team med minst {EngagementCalculator.AnonymityThreshold} svar (anonymitet).";
        if (!engagement.AnyAnswers) lead += $" Ingen pulsmätning besvarades i {month}.";
        return lead;
    }

    private static ReportTable EngagementTable(EngagementMonth engagement)
    {
        string[] EngagementCells(EngagementResult result) => result.MonthOpen
            ? [Display.NoValue, "publiceras när månaden är slut", Display.NoValue]
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
            var label = total.TeamsLeftOut > 0 ? $"Alla team som visas (utan {total.TeamsLeftOut} med färre än {EngagementCalculator.AnonymityThreshold} svar)" : "Alla team som visas";
            var shownCx = KpiCounts.Sum(engagement.Teams.Select(t => t.Cx));
            rows.Add(new ReportRow([label, .. EngagementCells(total.Result), .. CxCells(shownCx)], IsTotal: true));
        }
        return new ReportTable(
            [new("Team", Weight: 2), new("Svar", true, 0.8f), new(KpiDefinitions.Get(KpiKind.EngagementIndex).Name, true, 1.1f), new(KpiDefinitions.Get(KpiKind.Enps).Name, true, 0.8f), new(KpiDefinitions.Get(KpiKind.CsatPercent).Name, true), new("Enkätsvar", true), new(KpiDefinitions.Get(KpiKind.ContactFcrPercent).Name, true, 1.2f)],
            rows, "Inga team.");
    }

    private static string MaturityLeadOf(MonthlyReport report)
    {
        if (report.Maturity is not { } maturity)
            return $"Ingen mognadsmätning har avslutats före slutet av {ReportText.Month(report.Month)}. När en omgång är avslutad visas den här.";
        var current = maturity.Current;
        var lead = $"Senaste avslutade mätningen: ”{current.Round.Name}” ({Display.Date(current.Round.AssessedOn)}), {current.RatersSubmitted} bedömare. " +
                   $"Samlad nivå {Display.Number(current.OverallMean)} av 5";
        if (current.OverallTarget is { } target) lead += $", mål {Display.Number(target)}";
        if (current.OverallPreviousMean is { } previous && current.Previous is { } previousRound)
            lead += $", förra mätningen (”{previousRound.Name}”) {Display.Number(previous)}";
        return lead + ". Nedan de största gapen till målet med sina förbättringsåtgärder.";
    }

    private static ReportChart Radar(MaturityLeadershipSummary maturity)
    {
        var data = Maturity.Results.MaturityRadar.For(maturity.Current, "sv");
        // The radar names its target shape in English; the report is Swedish.
        data = data with { Shapes = data.Shapes.Select(s => s.Name == Maturity.Results.MaturityRadar.TargetName ? s with { Name = "Mål" } : s).ToList() };
        var table = new ReportTable([new("Förmåga", Weight: 2.5f), new("Nivå", true), new("Mål", true)],
            maturity.Current.Capabilities.Select(c => new ReportRow(
                [c.Capability.Name.In("sv"), Display.Number(c.Score.Mean), Display.Count(c.Score.TargetLevel)])).ToList());
        var description = $"Mognadsradar för ”{maturity.Current.Round.Name}”: nivå 1–5 per förmåga, " +
                          string.Join(", ", maturity.Current.Capabilities.Select(c => $"{c.Capability.Name.In("sv")} {Display.Number(c.Score.Mean)}")) + ".";
        return new ReportChart("Mognadsradar", description, () =>
        {
            var plot = new Plot();
            Maturity.Results.MaturityRadar.Draw(plot, data);
            return plot;
        }, table);
    }

    private static ReportTable GapTable(MaturityLeadershipSummary maturity) => new(
        [new("Förmåga", Weight: 1.6f), new("Nivå", true, 0.6f), new("Mål", true, 0.6f), new("Gap", true, 0.6f), new("Förändring", true, 0.9f), new("Åtgärder", Weight: 3)],
        maturity.TopGaps().Select(gap => new ReportRow(
        [
            gap.Capability.Capability.Name.In("sv"),
            Display.Number(gap.Capability.Score.Mean),
            Display.Count(gap.Capability.Score.TargetLevel),
            Display.Number(gap.Capability.Score.Gap),
            MaturityDisplay.Change(gap.Capability.Score.Change),
            gap.Actions.Count == 0 ? "Ingen åtgärd registrerad." : string.Join("\n", gap.Actions.Select(ActionText)),
        ])).ToList(),
        "Alla förmågor når sina mål.");

    private static string ActionText(Maturity.Actions.ImprovementActionView action)
    {
        var status = action.Status switch
        {
            ImprovementActionStatus.Open => "öppen",
            ImprovementActionStatus.InProgress => "pågår",
            ImprovementActionStatus.Done => "klar",
            _ => "avbruten",
        };
        return $"{action.Title} ({action.OwnerName}, {status}, senast {Display.Date(action.DueDate)}{(action.IsOverdue ? ", försenad" : "")})";
    }

    private static IReadOnlyList<ReportTerm> DefinitionsFor(int windowDays) =>
    [
        new(KpiDefinitions.Get(KpiKind.CsatPercent).Name, "Andel enkätsvar med 4 eller 5 på skalan 1–5 (topp-2). Ett svar hör till den kontakt det gäller."),
        new(KpiDefinitions.Get(KpiKind.SurveyFcrPercent).Name, "Andel svar ”ja, löst vid första kontakten” av dem som besvarat frågan."),
        new(KpiDefinitions.Get(KpiKind.ContactFcrPercent).Name, $"Andel kontakter som inte följs av en ny kontakt från samma kund inom {windowDays} dagar, av kontakter vars {windowDays}-dagarsfönster har passerat."),
        new(KpiDefinitions.Get(KpiKind.RepeatContactRate).Name, $"Andel kontakter från en kund som hade en annan kontakt de föregående {windowDays} dagarna."),
        new("NPS", "Andel som ger 9–10 minus andel som ger 0–6 på frågan om de skulle rekommendera oss (−100 till 100)."),
        new(KpiDefinitions.Get(KpiKind.CallbackSlaMetPercent).Name, "Andel återringningsärenden med ett första kontaktförsök före förfallotiden, av ärenden som förföll under månaden (ärenden som ännu inte förfallit ingår inte)."),
        new(KpiDefinitions.Get(KpiKind.RecoveryRate).Name, "Andel återringda kunder som ger CSAT 4–5 i uppföljningsenkäten, av dem som svarade under månaden."),
        new(KpiDefinitions.Get(KpiKind.EngagementIndex).Name, $"Medelvärdet av pulsmätningens påståenden (1–5) omräknat till 0–100; visas för ett team först vid minst {EngagementCalculator.AnonymityThreshold} svar."),
        new("eNPS", "Andel medarbetare som ger 9–10 minus andel som ger 0–6."),
        new("Litet underlag (†)", $"n < {Proportion.SmallSampleThreshold}. Siffran visas men kan variera mycket av en slump; tolka med försiktighet."),
    ];

    /// <summary>A formatted figure with the small-sample mark when n is under 30.</summary>
    private static string MarkedNumber(string text, double? value, long n) =>
        text + (value is not null && n < Proportion.SmallSampleThreshold ? " " + SmallSampleMark : "");

    /// <summary>A percentage, with the small-sample mark when n is under 30.</summary>
    private static string Marked(double? percent, long n) =>
        Display.Percent(percent) + (percent is not null && n < Proportion.SmallSampleThreshold ? " " + SmallSampleMark : "");

    private static double? Share(long part, long whole) => whole == 0 ? null : 100.0 * part / whole;

}
