using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Exports;

/// <summary>One row of a breakdown sheet: a team, agent, reason or channel with its counts.</summary>
public sealed record KpiBreakdownRow(string Name, KpiCounts Counts, string? Code = null, string? Team = null);

public sealed record ReasonBreakdownRow(string Code, string Name, int? Complexity, double? SharePercent, bool? SelfServiceCandidate, KpiCounts Counts);

/// <summary>Everything a KPI workbook holds, gathered by <see cref="KpiExportService"/>.</summary>
public sealed record KpiWorkbookContent
{
    public required string Title { get; init; }
    public required string OrganisationName { get; init; }
    public required MetricQuery Query { get; init; }
    public required KpiReport Summary { get; init; }
    public required KpiCounts Totals { get; init; }
    public required KpiCounts Previous { get; init; }
    public required KpiTargets Targets { get; init; }

    /// <summary>The team whose target overrides apply (when the export is for one team).</summary>
    public int? TargetTeamId { get; init; }
    public required string ScopeDescription { get; init; }
    public required IReadOnlyList<string> Filters { get; init; }
    public required DateTime ExportedAtUtc { get; init; }
    public required IReadOnlyList<KpiBreakdownRow> Teams { get; init; }
    public required IReadOnlyList<KpiBreakdownRow> Agents { get; init; }
    public required IReadOnlyList<ReasonBreakdownRow> Reasons { get; init; }
    public required IReadOnlyList<KpiBreakdownRow> Channels { get; init; }
    /// <summary>Every day of the period, read as the daily sheet is written.</summary>
    public required IEnumerable<(DateOnly Day, KpiCounts Counts)> Days { get; init; }

    /// <summary>The dashboard's callback figures for the same period and team; null in an agent's own view.</summary>
    public Callbacks.CallbackKpis? Callbacks { get; init; }

    /// <summary>The workbook's language: the requesting user's on the web, <c>--language</c> on the command line.</summary>
    public required DocumentLanguage Language { get; init; }
}

/// <summary>
/// The KPI workbook for any dashboard filter: Summary (the numbers of `kpis --format json`, each with its n, 95 %
/// interval, target and the previous period), By team, By agent, By reason, By channel (each with its total), Daily
/// trend, Callbacks and Definitions. Written through <see cref="ITableWorkbookWriter"/>: the web and the CLI stream it
/// (<see cref="StreamingXlsxWriter"/>), so a three-year daily sheet costs no more memory than a month's. Sheet names,
/// headers and notes are in the workbook's language (<see cref="ExportText"/>, KPI and channel names from the vocabulary);
/// JSON field names and codes stay as they are.
/// </summary>
public static class KpiWorkbook
{
    /// <summary>The sheets' names in English (the keys of their words).</summary>
    public const string SummarySheet = "Summary";
    public static readonly string[] SheetNames = [SummarySheet, "By team", "By agent", "By reason", "By channel", "Daily trend", "Callbacks", "Definitions"];

    /// <summary>The label of a total row (English; the words of <see cref="ExportText"/>).</summary>
    public const string TotalLabel = "Total";

    /// <summary>One line of the Summary: a KPI or count with what it rests on, its target and the previous period.</summary>
    private sealed record SummaryLine(
        string Name, string JsonField, XlValue Value, XlFormat Format, string Unit, XlValue Previous,
        long? Hits = null, long? N = null, PercentInterval? Interval = null, KpiKind? Kind = null)
    {
        public TargetThresholds? Target { get; init; }
        public string? Status { get; init; }
        public double? Change => Value.Kind == XlValueKind.Number && Previous.Kind == XlValueKind.Number ? Value.Number - Previous.Number : null;

        /// <summary>Changes of rates are percentage points, of durations seconds: neither is a percent or a time of day.</summary>
        public XlFormat ChangeFormat => Format switch { XlFormat.Integer => XlFormat.SignedInteger, _ => XlFormat.SignedDecimal1 };
    }

    public static async Task WriteAsync(KpiWorkbookContent content, ITableWorkbookWriter writer, CancellationToken ct = default)
    {
        var language = content.Language;
        using var words = language.Use();
        var t = ExportText.For(language);
        var total = t[TotalLabel];
        await SummaryAsync(writer, content, t, ct);
        await writer.AddSheetAsync(t[SheetNames[1]], KpiColumns.With<KpiBreakdownRow>(r => r.Counts, language,
            new XlColumn<KpiBreakdownRow>(t["Team"], 28, XlFormat.Text, r => r.Name)), content.Teams.ToAsyncEnumerable(),
            Totalled(content.Teams, r => r.Counts, counts => new KpiBreakdownRow(total, counts)), ct);
        await writer.AddSheetAsync(t[SheetNames[2]], KpiColumns.With<KpiBreakdownRow>(r => r.Counts, language,
            new XlColumn<KpiBreakdownRow>(t["Agent id"], 12, XlFormat.Text, r => r.Code),
            new XlColumn<KpiBreakdownRow>(t["Agent"], 26, XlFormat.Text, r => r.Name),
            new XlColumn<KpiBreakdownRow>(t["Team"], 22, XlFormat.Text, r => r.Team)), content.Agents.ToAsyncEnumerable(),
            Totalled(content.Agents, r => r.Counts, counts => new KpiBreakdownRow(t["Total (agents)"], counts, total)), ct);
        await writer.AddSheetAsync(t[SheetNames[3]], KpiColumns.With<ReasonBreakdownRow>(r => r.Counts, language,
            new XlColumn<ReasonBreakdownRow>(t["Reason code"], 14, XlFormat.Text, r => r.Code),
            new XlColumn<ReasonBreakdownRow>(t["Reason"], 30, XlFormat.Text, r => r.Name),
            new XlColumn<ReasonBreakdownRow>(t["Complexity (1–5)"], 11, XlFormat.Integer, r => r.Complexity),
            new XlColumn<ReasonBreakdownRow>(t["Share of contacts"], 11, XlFormat.Percent, r => r.SharePercent),
            new XlColumn<ReasonBreakdownRow>(t["Self-service candidate"], 12, XlFormat.Boolean, r => r.SelfServiceCandidate)), content.Reasons.ToAsyncEnumerable(),
            Totalled(content.Reasons, r => r.Counts, counts => new ReasonBreakdownRow(total, "", null, counts.Contacts > 0 ? 100 : null, null, counts)), ct);
        await writer.AddSheetAsync(t[SheetNames[4]], KpiColumns.With<KpiBreakdownRow>(r => r.Counts, language,
            new XlColumn<KpiBreakdownRow>(t["Channel"], 20, XlFormat.Text, r => r.Name),
            new XlColumn<KpiBreakdownRow>(t["Channel code"], 12, XlFormat.Text, r => r.Code)), content.Channels.ToAsyncEnumerable(),
            Totalled(content.Channels, r => r.Counts, counts => new KpiBreakdownRow(total, counts)), ct);

        // The daily sheet is added up as its rows pass, so the days are read once and never held.
        var days = KpiCounts.Empty;
        await writer.AddSheetAsync(t[SheetNames[5]], KpiColumns.With<(DateOnly? Day, KpiCounts Counts)>(r => r.Counts, language,
            new XlColumn<(DateOnly? Day, KpiCounts Counts)>(t["Date"], 11, XlFormat.Date, r => r.Day is { } day ? day : total),
            new XlColumn<(DateOnly? Day, KpiCounts Counts)>(t["Weekday"], 10, XlFormat.Text, r => r.Day is { } day ? language.UiCulture.DateTimeFormat.GetDayName(day.DayOfWeek) : null)),
            content.Days.Select(d =>
            {
                days += d.Counts;
                return ((DateOnly?)d.Day, d.Counts);
            }).ToAsyncEnumerable(),
            new XlSheetOptions<(DateOnly? Day, KpiCounts Counts)> { Totals = () => [(null, days)] }, ct);
        await CallbackSheetAsync(writer, content.Callbacks, t, ct);
        await DefinitionsAsync(writer, t, ct);
        writer.Complete();
    }

    /// <summary>A breakdown's total: its rows' counts added up, every rate recomputed from the sums.</summary>
    private static XlSheetOptions<T> Totalled<T>(IEnumerable<T> rows, Func<T, KpiCounts> counts, Func<KpiCounts, T> total) =>
        new() { Totals = () => [total(KpiCounts.Sum(rows.Select(counts)))] };

    /// <summary>The Summary's columns; "JSON field" names the matching field of the kpis JSON and the API.</summary>
    private static IReadOnlyList<XlColumn<SummaryLine>> SummaryColumns(ComparisonPeriod comparison, DocumentText t, Vocabulary v) =>
    [
        new(t["KPI"], 30, XlFormat.Text, l => l.Name),
        new(t["Value"], 11, XlFormat.Text, l => l.Value, l => l.Format),
        new(t["Unit"], 16, XlFormat.Text, l => l.Unit),
        new(t["Hits"], 10, XlFormat.Integer, l => l.Hits),
        new(t["n"], 10, XlFormat.Integer, l => l.N),
        new(t["95 % low"], 9, XlFormat.Percent, l => l.Interval?.Low),
        new(t["95 % high"], 9, XlFormat.Percent, l => l.Interval?.High),
        new(t["Small sample"], 9, XlFormat.Boolean, l => l.N is null ? XlValue.Empty : l.N is > 0 and < Proportion.SmallSampleThreshold),
        new(t["Target (green)"], 10, XlFormat.Text, l => l.Target?.Green, l => l.Format),
        new(t["Target (amber)"], 10, XlFormat.Text, l => l.Target?.Amber, l => l.Format),
        new(t["Status"], 13, XlFormat.Text, l => l.Status),
        new(t.Format("Previous period ({0})", comparison.Description), 14, XlFormat.Text, l => l.Previous, l => l.Format),
        new(t["Change (percentage points for rates, seconds for times)"], 14, XlFormat.Text, l => l.Change, l => l.ChangeFormat),
        new(t["JSON field"], 22, XlFormat.Text, l => l.JsonField),
    ];

    private static Task SummaryAsync(ITableWorkbookWriter writer, KpiWorkbookContent content, DocumentText t, CancellationToken ct)
    {
        var v = content.Language.Words;
        var query = content.Query;
        var comparison = query.Comparison;
        var lines = SummaryLines(content.Summary, content.Totals, content.Previous, t, v).Select(line =>
        {
            if (line.Kind is not { } kind) return line;
            var definition = KpiDefinitions.Get(kind);
            var target = content.Targets.For(kind, content.TargetTeamId);
            double? value = line.Value.Kind == XlValueKind.Number ? line.Value.Number : null;
            return line with { Target = target, Status = v.Status(TargetEvaluator.Evaluate(value, target, definition.HigherIsBetter)) };
        });

        // What the numbers are about, under the table (outside its filter range).
        XlNote[] about =
        [
            new(t["Export"], content.Title),
            new(t["Organisation"], content.OrganisationName),
            new(t["Period from"], query.From, XlFormat.Date),
            new(t["Period to"], query.To, XlFormat.Date),
            new(t["Compared with, from"], comparison.Period.From, XlFormat.Date),
            new(t["Compared with, to"], comparison.Period.To, XlFormat.Date),
            new(t["Compared with"], t.Format("{0}. {1}", comparison.Description, ComparisonPeriod.RuleDescription)),
            new(t["Scope"], content.ScopeDescription),
            new(t["Filters"], content.Filters.Count == 0 ? "none" : string.Join("; ", content.Filters)),
            new(t["Repeat window W (days)"], query.WindowDays, XlFormat.Integer),
            new(t["Same reason only"], query.SameReasonOnly, XlFormat.Boolean),
            new(t["FCR decidable as of (UTC)"], XlValue.FromDateTime(query.AsOfUtc), XlFormat.DateTime),
            new(t["Time zone"], content.Summary.TimeZone),
            new(t["Exported (UTC)"], XlValue.FromDateTime(content.ExportedAtUtc), XlFormat.DateTime),
        ];
        return writer.AddSheetAsync(t[SummarySheet], SummaryColumns(comparison, t, content.Language.Words), lines.ToAsyncEnumerable(),
            new XlSheetOptions<SummaryLine> { Below = new XlNotes(t["About this export"], about) }, ct);
    }

    private static IReadOnlyList<SummaryLine> SummaryLines(KpiReport r, KpiCounts now, KpiCounts before, DocumentText t, Vocabulary v) =>
    [
        new(t["Contacts"], "contacts", r.Contacts, XlFormat.Integer, t.Lower("Contacts"), before.Contacts),
        new(t["Repeat contacts"], "repeatContacts", r.RepeatContacts, XlFormat.Integer, t.Lower("Contacts"), before.RepeatContacts),
        new(v.Kpi(KpiKind.RepeatContactRate), "repeatContactRate", r.RepeatContactRate, XlFormat.Percent, t["% of contacts"], before.RepeatRate.Percent,
            r.RepeatContacts, r.Contacts, r.RepeatContactRateInterval, KpiKind.RepeatContactRate),
        new(t["FCR decidable contacts"], "fcrDecidable", r.FcrDecidable, XlFormat.Integer, t.Lower("Contacts"), before.FcrDecidable),
        new(t["FCR resolved contacts"], "fcrResolved", r.FcrResolved, XlFormat.Integer, t.Lower("Contacts"), before.FcrResolved),
        new(t["Contacts not yet decidable"], "fcrNotYetDecidable", r.FcrNotYetDecidable, XlFormat.Integer, t.Lower("Contacts"), before.FcrNotYetDecidable),
        new(v.Kpi(KpiKind.ContactFcrPercent), "contactFcrPercent", r.ContactFcrPercent, XlFormat.Percent, t["% of decidable"], before.ContactFcr.Percent,
            r.FcrResolved, r.FcrDecidable, r.ContactFcrPercentInterval, KpiKind.ContactFcrPercent),
        new(t["Survey responses"], "responses", r.Responses, XlFormat.Integer, t.Lower("Responses"), before.Responses),
        new(t["CSAT 4–5 responses"], "csatPositive", r.CsatPositive, XlFormat.Integer, t.Lower("Responses"), before.CsatPositive),
        new(t["CSAT (top-2-box)"], "csatPercent", r.CsatPercent, XlFormat.Percent, t["% of responses"], before.Csat.Percent,
            r.CsatPositive, r.Responses, r.CsatPercentInterval, KpiKind.CsatPercent),
        new(v.Kpi(KpiKind.CsatMean), "csatMean", r.CsatMean, XlFormat.Decimal2, t["score 1–5"], before.CsatMean, null, r.Responses, null, KpiKind.CsatMean),
        new(t["Survey FCR answered"], "surveyFcrAnswered", r.SurveyFcrAnswered, XlFormat.Integer, t.Lower("Responses"), before.SurveyFcrAnswered),
        new(t["Survey FCR yes"], "surveyFcrYes", r.SurveyFcrYes, XlFormat.Integer, t.Lower("Responses"), before.SurveyFcrYes),
        new(v.Kpi(KpiKind.SurveyFcrPercent), "surveyFcrPercent", r.SurveyFcrPercent, XlFormat.Percent, t["% of answered"], before.SurveyFcr.Percent,
            r.SurveyFcrYes, r.SurveyFcrAnswered, r.SurveyFcrPercentInterval, KpiKind.SurveyFcrPercent),
        new(t["NPS answered"], "npsAnswered", r.NpsAnswered, XlFormat.Integer, t.Lower("Responses"), before.NpsAnswered),
        new(t["NPS promoters (9–10)"], "npsPromoters", r.NpsPromoters, XlFormat.Integer, t.Lower("Responses"), before.NpsPromoters),
        new(t["NPS detractors (0–6)"], "npsDetractors", r.NpsDetractors, XlFormat.Integer, t.Lower("Responses"), before.NpsDetractors),
        new(v.Kpi(KpiKind.Nps), "nps", r.Nps, XlFormat.Decimal1, t["points −100 to 100"], before.Nps, null, r.NpsAnswered, null, KpiKind.Nps),
        new(t["Average handle time"], "averageHandleSeconds", r.AverageHandleSeconds, XlFormat.Duration, t["minutes:seconds (context, not a target)"],
            before.AverageHandleSeconds, null, now.ContactsWithHandleTime),
        new(v["Kpi.BotEscalationRate"], "botEscalations", r.BotEscalations, XlFormat.Integer, t.Lower("Contacts"), before.BotEscalations),
        new(t["Self-service contacts"], "selfServiceContacts", r.SelfServiceContacts, XlFormat.Integer, t.Lower("Contacts"), before.SelfServiceContacts),
    ];

    /// <summary>One callback figure: its part of the worklist, what it is, the count and, for a share, the percentage of its n.</summary>
    private sealed record CallbackLine(string Category, string Item, long? Count = null, XlValue Value = default, XlFormat Format = XlFormat.Text,
        long? N = null, PercentInterval? Interval = null, string? JsonField = null);

    /// <summary>
    /// The callback worklist's figures (as on the dashboard and from GET /api/v1/callbacks/kpis): cases are a team's,
    /// so the agent, channel and reason filters do not apply to them. Every share beside its count and its n.
    /// </summary>
    private static Task CallbackSheetAsync(ITableWorkbookWriter writer, Callbacks.CallbackKpis? k, DocumentText t, CancellationToken ct)
    {
        var lines = k is null
            ? [new CallbackLine("", t["Callback figures are not part of an agent's own view."])]
            : new List<CallbackLine>
            {
                new(t["Cases"], t["Open cases (at the as-of time)"], k.Open, JsonField: "open"),
                new(t["Cases"], t["Overdue (open, past due, no attempt)"], k.Overdue, JsonField: "overdue"),
                new(t["Cases"], t["Escalated (open)"], k.Escalated, JsonField: "escalated"),
                new(t["Cases"], t["Flagged in the period"], k.Flagged, JsonField: "flagged"),
                new(t["Cases"], t["Closed in the period"], k.Closed, JsonField: "closed"),
                new(t["SLA"], t.Language.Words.Kpi(KpiKind.CallbackSlaMetPercent), k.SlaMet, k.SlaMetPercent, XlFormat.Percent, k.SlaDue, k.SlaMetPercentInterval, "slaMetPercent"),
                new(t["SLA"], t["Cases due, not yet decided"], k.SlaNotYetDue, JsonField: "slaNotYetDue"),
                new(t["First attempt"], t["Median hours to first attempt"], null, k.MedianHoursToFirstAttempt, XlFormat.Decimal1, k.FirstAttempts, JsonField: "medianHoursToFirstAttempt"),
                new(t["Follow-up"], t["Follow-up surveys sent"], k.FollowUpsSent, JsonField: "followUpsSent"),
                new(t["Follow-up"], t["Recovery rate (follow-up CSAT 4–5)"], k.FollowUpsRecovered, k.RecoveryRatePercent, XlFormat.Percent, k.FollowUpsAnswered,
                    k.RecoveryRatePercentInterval, "recoveryRatePercent"),
            }
            .Concat(k.Outcomes.Select(o => new CallbackLine(t["Outcome"], o.Name, o.Cases, o.Percent, XlFormat.Percent, k.Closed)))
            .Concat(k.RootCauses.Select(r => new CallbackLine(t["Root cause"], r.Name, r.Cases, r.Percent, XlFormat.Percent, k.Closed)))
            .ToList();
        return writer.AddSheetAsync(t[SheetNames[6]],
        [
            new XlColumn<CallbackLine>(t["Category"], 14, XlFormat.Text, l => l.Category),
            new XlColumn<CallbackLine>(t["Callbacks"], 40, XlFormat.Text, l => l.Item),
            new XlColumn<CallbackLine>(t["Cases"], 9, XlFormat.Integer, l => l.Count),
            new XlColumn<CallbackLine>(t["Share or value"], 11, XlFormat.Text, l => l.Value, l => l.Format),
            new XlColumn<CallbackLine>(t["n (cases the share is of)"], 11, XlFormat.Integer, l => l.N),
            new XlColumn<CallbackLine>(t["95 % low"], 9, XlFormat.Percent, l => l.Interval?.Low),
            new XlColumn<CallbackLine>(t["95 % high"], 9, XlFormat.Percent, l => l.Interval?.High),
            new XlColumn<CallbackLine>(t["JSON field (GET /api/v1/callbacks/kpis)"], 26, XlFormat.Text, l => l.JsonField),
        ], lines.ToAsyncEnumerable(), ct: ct);
    }

    private static Task DefinitionsAsync(ITableWorkbookWriter writer, DocumentText t, CancellationToken ct)
    {
        var entries = MetricGlossary.Definitions
            .Concat(MetricGlossary.PeriodRules.Select(rule => new GlossaryEntry(t["Periods and attribution"], rule)))
            .Concat(MetricGlossary.HonestyRules.Select(rule => new GlossaryEntry(t["Sample sizes, intervals and targets"], rule)))
            .Append(new GlossaryEntry(t["Numbers in this workbook"], t[NumbersNote]));
        return writer.AddSheetAsync(t[SheetNames[7]],
        [
            new XlColumn<GlossaryEntry>(t["Term"], 32, XlFormat.Text, e => e.Term) { Wrap = true },
            new XlColumn<GlossaryEntry>(t["Definition"], 120, XlFormat.Text, e => e.Definition) { Wrap = true },
        ], entries.ToAsyncEnumerable(), ct: ct);
    }

    /// <summary>How every workbook of the product stores its numbers (English; the words of <see cref="ExportText"/>).</summary>
    public const string NumbersNote =
        "Percentages are stored as fractions with a percent format (0.814 shows as 81.4 %), unrounded; changes of rates are percentage points. Handle times are durations (minutes:seconds). Empty cells have no sample (never 0). Total rows sit under each table, outside its filter, with every rate recomputed from the summed counts. Dates and times are local to the organisation's time zone, except where a header says UTC.";
}
