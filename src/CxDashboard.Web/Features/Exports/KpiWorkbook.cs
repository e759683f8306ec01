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
}

/// <summary>
/// The KPI workbook for any dashboard filter: Summary (the numbers of `kpis --format json`, each with its n, 95 %
/// interval, target and the previous period), By team, By agent, By reason, By channel (each with its total), Daily
/// trend, Callbacks and Definitions. Written through <see cref="ITableWorkbookWriter"/>: the web and the CLI stream it
/// (<see cref="StreamingXlsxWriter"/>), so a three-year daily sheet costs no more memory than a month's.
/// </summary>
public static class KpiWorkbook
{
    public const string SummarySheet = "Summary";
    public static readonly string[] SheetNames = [SummarySheet, "By team", "By agent", "By reason", "By channel", "Daily trend", "Callbacks", "Definitions"];

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
        var language = DocumentLanguage.OfRequest();
        await SummaryAsync(writer, content, ct);
        await writer.AddSheetAsync(SheetNames[1], KpiColumns.With<KpiBreakdownRow>(r => r.Counts, language,
            new XlColumn<KpiBreakdownRow>("Team", 28, XlFormat.Text, r => r.Name)), content.Teams.ToAsyncEnumerable(),
            Totalled(content.Teams, r => r.Counts, counts => new KpiBreakdownRow(TotalLabel, counts)), ct);
        await writer.AddSheetAsync(SheetNames[2], KpiColumns.With<KpiBreakdownRow>(r => r.Counts, language,
            new XlColumn<KpiBreakdownRow>("Agent id", 12, XlFormat.Text, r => r.Code),
            new XlColumn<KpiBreakdownRow>("Agent", 26, XlFormat.Text, r => r.Name),
            new XlColumn<KpiBreakdownRow>("Team", 22, XlFormat.Text, r => r.Team)), content.Agents.ToAsyncEnumerable(),
            Totalled(content.Agents, r => r.Counts, counts => new KpiBreakdownRow($"{TotalLabel} (agents)", counts, TotalLabel)), ct);
        await writer.AddSheetAsync(SheetNames[3], KpiColumns.With<ReasonBreakdownRow>(r => r.Counts, language,
            new XlColumn<ReasonBreakdownRow>("Reason code", 14, XlFormat.Text, r => r.Code),
            new XlColumn<ReasonBreakdownRow>("Reason", 30, XlFormat.Text, r => r.Name),
            new XlColumn<ReasonBreakdownRow>("Complexity (1–5)", 11, XlFormat.Integer, r => r.Complexity),
            new XlColumn<ReasonBreakdownRow>("Share of contacts", 11, XlFormat.Percent, r => r.SharePercent),
            new XlColumn<ReasonBreakdownRow>("Self-service candidate", 12, XlFormat.Boolean, r => r.SelfServiceCandidate)), content.Reasons.ToAsyncEnumerable(),
            Totalled(content.Reasons, r => r.Counts, counts => new ReasonBreakdownRow(TotalLabel, "", null, counts.Contacts > 0 ? 100 : null, null, counts)), ct);
        await writer.AddSheetAsync(SheetNames[4], KpiColumns.With<KpiBreakdownRow>(r => r.Counts, language,
            new XlColumn<KpiBreakdownRow>("Channel", 20, XlFormat.Text, r => r.Name),
            new XlColumn<KpiBreakdownRow>("Channel code", 12, XlFormat.Text, r => r.Code)), content.Channels.ToAsyncEnumerable(),
            Totalled(content.Channels, r => r.Counts, counts => new KpiBreakdownRow(TotalLabel, counts)), ct);

        // The daily sheet is added up as its rows pass, so the days are read once and never held.
        var days = KpiCounts.Empty;
        await writer.AddSheetAsync(SheetNames[5], KpiColumns.With<(DateOnly? Day, KpiCounts Counts)>(r => r.Counts, language,
            new XlColumn<(DateOnly? Day, KpiCounts Counts)>("Date", 11, XlFormat.Date, r => r.Day is { } day ? day : TotalLabel),
            new XlColumn<(DateOnly? Day, KpiCounts Counts)>("Weekday", 10, XlFormat.Text, r => r.Day?.DayOfWeek.ToString())),
            content.Days.Select(d =>
            {
                days += d.Counts;
                return ((DateOnly?)d.Day, d.Counts);
            }).ToAsyncEnumerable(),
            new XlSheetOptions<(DateOnly? Day, KpiCounts Counts)> { Totals = () => [(null, days)] }, ct);
        await CallbackSheetAsync(writer, content.Callbacks, ct);
        await DefinitionsAsync(writer, ct);
        writer.Complete();
    }

    /// <summary>A breakdown's total: its rows' counts added up, every rate recomputed from the sums.</summary>
    private static XlSheetOptions<T> Totalled<T>(IEnumerable<T> rows, Func<T, KpiCounts> counts, Func<KpiCounts, T> total) =>
        new() { Totals = () => [total(KpiCounts.Sum(rows.Select(counts)))] };

    /// <summary>The Summary's columns; "JSON field" names the matching field of the kpis JSON and the API.</summary>
    private static IReadOnlyList<XlColumn<SummaryLine>> SummaryColumns(ComparisonPeriod comparison) =>
    [
        new("KPI", 30, XlFormat.Text, l => l.Name),
        new("Value", 11, XlFormat.Text, l => l.Value, l => l.Format),
        new("Unit", 16, XlFormat.Text, l => l.Unit),
        new("Hits", 10, XlFormat.Integer, l => l.Hits),
        new("n", 10, XlFormat.Integer, l => l.N),
        new("95 % low", 9, XlFormat.Percent, l => l.Interval?.Low),
        new("95 % high", 9, XlFormat.Percent, l => l.Interval?.High),
        new("Small sample", 9, XlFormat.Boolean, l => l.N is null ? XlValue.Empty : l.N is > 0 and < Proportion.SmallSampleThreshold),
        new("Target (green)", 10, XlFormat.Text, l => l.Target?.Green, l => l.Format),
        new("Target (amber)", 10, XlFormat.Text, l => l.Target?.Amber, l => l.Format),
        new("Status", 13, XlFormat.Text, l => l.Status),
        new($"Previous period ({comparison.Description})", 14, XlFormat.Text, l => l.Previous, l => l.Format),
        new("Change (percentage points for rates, seconds for times)", 14, XlFormat.Text, l => l.Change, l => l.ChangeFormat),
        new("JSON field", 22, XlFormat.Text, l => l.JsonField),
    ];

    private static Task SummaryAsync(ITableWorkbookWriter writer, KpiWorkbookContent content, CancellationToken ct)
    {
        var query = content.Query;
        var comparison = query.Comparison;
        var lines = SummaryLines(content.Summary, content.Totals, content.Previous).Select(line =>
        {
            if (line.Kind is not { } kind) return line;
            var definition = KpiDefinitions.Get(kind);
            var target = content.Targets.For(kind, content.TargetTeamId);
            double? value = line.Value.Kind == XlValueKind.Number ? line.Value.Number : null;
            return line with { Target = target, Status = Display.Status(TargetEvaluator.Evaluate(value, target, definition.HigherIsBetter)).Word };
        });

        // What the numbers are about, under the table (outside its filter range).
        XlNote[] about =
        [
            new("Export", content.Title),
            new("Organisation", content.OrganisationName),
            new("Period from", query.From, XlFormat.Date),
            new("Period to", query.To, XlFormat.Date),
            new("Compared with, from", comparison.Period.From, XlFormat.Date),
            new("Compared with, to", comparison.Period.To, XlFormat.Date),
            new("Compared with", $"{comparison.Description}. {ComparisonPeriod.RuleDescription}"),
            new("Scope", content.ScopeDescription),
            new("Filters", content.Filters.Count == 0 ? "none" : string.Join("; ", content.Filters)),
            new("Repeat window W (days)", query.WindowDays, XlFormat.Integer),
            new("Same reason only", query.SameReasonOnly, XlFormat.Boolean),
            new("FCR decidable as of (UTC)", XlValue.FromDateTime(query.AsOfUtc), XlFormat.DateTime),
            new("Time zone", content.Summary.TimeZone),
            new("Exported (UTC)", XlValue.FromDateTime(content.ExportedAtUtc), XlFormat.DateTime),
        ];
        return writer.AddSheetAsync(SummarySheet, SummaryColumns(comparison), lines.ToAsyncEnumerable(),
            new XlSheetOptions<SummaryLine> { Below = new XlNotes("About this export", about) }, ct);
    }

    private static IReadOnlyList<SummaryLine> SummaryLines(KpiReport r, KpiCounts now, KpiCounts before) =>
    [
        new("Contacts", "contacts", r.Contacts, XlFormat.Integer, "contacts", before.Contacts),
        new("Repeat contacts", "repeatContacts", r.RepeatContacts, XlFormat.Integer, "contacts", before.RepeatContacts),
        new("Repeat-contact rate", "repeatContactRate", r.RepeatContactRate, XlFormat.Percent, "% of contacts", before.RepeatRate.Percent,
            r.RepeatContacts, r.Contacts, r.RepeatContactRateInterval, KpiKind.RepeatContactRate),
        new("FCR decidable contacts", "fcrDecidable", r.FcrDecidable, XlFormat.Integer, "contacts", before.FcrDecidable),
        new("FCR resolved contacts", "fcrResolved", r.FcrResolved, XlFormat.Integer, "contacts", before.FcrResolved),
        new("Contacts not yet decidable", "fcrNotYetDecidable", r.FcrNotYetDecidable, XlFormat.Integer, "contacts", before.FcrNotYetDecidable),
        new("Contact-based FCR", "contactFcrPercent", r.ContactFcrPercent, XlFormat.Percent, "% of decidable", before.ContactFcr.Percent,
            r.FcrResolved, r.FcrDecidable, r.ContactFcrPercentInterval, KpiKind.ContactFcrPercent),
        new("Survey responses", "responses", r.Responses, XlFormat.Integer, "responses", before.Responses),
        new("CSAT 4–5 responses", "csatPositive", r.CsatPositive, XlFormat.Integer, "responses", before.CsatPositive),
        new("CSAT (top-2-box)", "csatPercent", r.CsatPercent, XlFormat.Percent, "% of responses", before.Csat.Percent,
            r.CsatPositive, r.Responses, r.CsatPercentInterval, KpiKind.CsatPercent),
        new("CSAT mean", "csatMean", r.CsatMean, XlFormat.Decimal2, "score 1–5", before.CsatMean, null, r.Responses, null, KpiKind.CsatMean),
        new("Survey FCR answered", "surveyFcrAnswered", r.SurveyFcrAnswered, XlFormat.Integer, "responses", before.SurveyFcrAnswered),
        new("Survey FCR yes", "surveyFcrYes", r.SurveyFcrYes, XlFormat.Integer, "responses", before.SurveyFcrYes),
        new("Survey FCR", "surveyFcrPercent", r.SurveyFcrPercent, XlFormat.Percent, "% of answered", before.SurveyFcr.Percent,
            r.SurveyFcrYes, r.SurveyFcrAnswered, r.SurveyFcrPercentInterval, KpiKind.SurveyFcrPercent),
        new("NPS answered", "npsAnswered", r.NpsAnswered, XlFormat.Integer, "responses", before.NpsAnswered),
        new("NPS promoters (9–10)", "npsPromoters", r.NpsPromoters, XlFormat.Integer, "responses", before.NpsPromoters),
        new("NPS detractors (0–6)", "npsDetractors", r.NpsDetractors, XlFormat.Integer, "responses", before.NpsDetractors),
        new("NPS", "nps", r.Nps, XlFormat.Decimal1, "points −100 to 100", before.Nps, null, r.NpsAnswered, null, KpiKind.Nps),
        new("Average handle time", "averageHandleSeconds", r.AverageHandleSeconds, XlFormat.Duration, "minutes:seconds (context, not a target)",
            before.AverageHandleSeconds, null, now.ContactsWithHandleTime),
        new("Bot→human escalations", "botEscalations", r.BotEscalations, XlFormat.Integer, "contacts", before.BotEscalations),
        new("Self-service contacts", "selfServiceContacts", r.SelfServiceContacts, XlFormat.Integer, "contacts", before.SelfServiceContacts),
    ];

    /// <summary>One callback figure: its part of the worklist, what it is, the count and, for a share, the percentage of its n.</summary>
    private sealed record CallbackLine(string Category, string Item, long? Count = null, XlValue Value = default, XlFormat Format = XlFormat.Text,
        long? N = null, PercentInterval? Interval = null, string? JsonField = null);

    /// <summary>
    /// The callback worklist's figures (as on the dashboard and from GET /api/v1/callbacks/kpis): cases are a team's,
    /// so the agent, channel and reason filters do not apply to them. Every share beside its count and its n.
    /// </summary>
    private static Task CallbackSheetAsync(ITableWorkbookWriter writer, Callbacks.CallbackKpis? k, CancellationToken ct)
    {
        var lines = k is null
            ? [new CallbackLine("", "Callback figures are not part of an agent's own view.")]
            : new List<CallbackLine>
            {
                new("Cases", "Open cases (at the as-of time)", k.Open, JsonField: "open"),
                new("Cases", "Overdue (open, past due, no attempt)", k.Overdue, JsonField: "overdue"),
                new("Cases", "Escalated (open)", k.Escalated, JsonField: "escalated"),
                new("Cases", "Flagged in the period", k.Flagged, JsonField: "flagged"),
                new("Cases", "Closed in the period", k.Closed, JsonField: "closed"),
                new("SLA", "Callback SLA met", k.SlaMet, k.SlaMetPercent, XlFormat.Percent, k.SlaDue, k.SlaMetPercentInterval, "slaMetPercent"),
                new("SLA", "Cases due, not yet decided", k.SlaNotYetDue, JsonField: "slaNotYetDue"),
                new("First attempt", "Median hours to first attempt", null, k.MedianHoursToFirstAttempt, XlFormat.Decimal1, k.FirstAttempts, JsonField: "medianHoursToFirstAttempt"),
                new("Follow-up", "Follow-up surveys sent", k.FollowUpsSent, JsonField: "followUpsSent"),
                new("Follow-up", "Recovery rate (follow-up CSAT 4–5)", k.FollowUpsRecovered, k.RecoveryRatePercent, XlFormat.Percent, k.FollowUpsAnswered,
                    k.RecoveryRatePercentInterval, "recoveryRatePercent"),
            }
            .Concat(k.Outcomes.Select(o => new CallbackLine("Outcome", o.Name, o.Cases, o.Percent, XlFormat.Percent, k.Closed)))
            .Concat(k.RootCauses.Select(r => new CallbackLine("Root cause", r.Name, r.Cases, r.Percent, XlFormat.Percent, k.Closed)))
            .ToList();
        return writer.AddSheetAsync(SheetNames[6],
        [
            new XlColumn<CallbackLine>("Category", 14, XlFormat.Text, l => l.Category),
            new XlColumn<CallbackLine>("Callbacks", 40, XlFormat.Text, l => l.Item),
            new XlColumn<CallbackLine>("Cases", 9, XlFormat.Integer, l => l.Count),
            new XlColumn<CallbackLine>("Share or value", 11, XlFormat.Text, l => l.Value, l => l.Format),
            new XlColumn<CallbackLine>("n (cases the share is of)", 11, XlFormat.Integer, l => l.N),
            new XlColumn<CallbackLine>("95 % low", 9, XlFormat.Percent, l => l.Interval?.Low),
            new XlColumn<CallbackLine>("95 % high", 9, XlFormat.Percent, l => l.Interval?.High),
            new XlColumn<CallbackLine>("JSON field (GET /api/v1/callbacks/kpis)", 26, XlFormat.Text, l => l.JsonField),
        ], lines.ToAsyncEnumerable(), ct: ct);
    }

    private static Task DefinitionsAsync(ITableWorkbookWriter writer, CancellationToken ct)
    {
        var entries = MetricGlossary.Definitions
            .Concat(MetricGlossary.PeriodRules.Select(rule => new GlossaryEntry("Periods and attribution", rule)))
            .Concat(MetricGlossary.HonestyRules.Select(rule => new GlossaryEntry("Sample sizes, intervals and targets", rule)))
            .Append(new GlossaryEntry("Numbers in this workbook", NumbersNote));
        return writer.AddSheetAsync(SheetNames[7],
        [
            new XlColumn<GlossaryEntry>("Term", 32, XlFormat.Text, e => e.Term) { Wrap = true },
            new XlColumn<GlossaryEntry>("Definition", 120, XlFormat.Text, e => e.Definition) { Wrap = true },
        ], entries.ToAsyncEnumerable(), ct: ct);
    }

    /// <summary>How every workbook of the product stores its numbers.</summary>
    public const string NumbersNote =
        "Percentages are stored as fractions with a percent format (0.814 shows as 81.4 %), unrounded; changes of rates are percentage points. Handle times are durations (minutes:seconds). Empty cells have no sample (never 0). Total rows sit under each table, outside its filter, with every rate recomputed from the summed counts. Dates and times are local to the organisation's time zone, except where a header says UTC.";
}
