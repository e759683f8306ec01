using ClosedXML.Excel;
using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Exports;

/// <summary>One row of a breakdown sheet: a team, agent, reason or channel with its counts.</summary>
public sealed record KpiBreakdownRow(string Name, KpiCounts Counts, string? Code = null, string? Team = null);

public sealed record ReasonBreakdownRow(string Code, string Name, int Complexity, double SharePercent, bool SelfServiceCandidate, KpiCounts Counts);

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
    public required IReadOnlyList<(DateOnly Day, KpiCounts Counts)> Days { get; init; }

    /// <summary>The dashboard's callback figures for the same period and team; null in an agent's own view.</summary>
    public Callbacks.CallbackKpis? Callbacks { get; init; }
}

/// <summary>
/// The KPI workbook for any dashboard filter: Summary (the numbers of `kpis --format json`, each with its n, 95 %
/// interval, target and the previous period), By team, By agent, By reason, By channel, Daily trend and Definitions.
/// Built with ClosedXML: it is a formatted summary of at most a few thousand rows.
/// </summary>
public static class KpiWorkbook
{
    public const string SummarySheet = "Summary";
    public static readonly string[] SheetNames = [SummarySheet, "By team", "By agent", "By reason", "By channel", "Daily trend", "Callbacks", "Definitions"];

    /// <summary>The Summary table's columns; "JSON field" names the matching field of the kpis JSON and the API.</summary>
    public static readonly (string Title, double Width)[] SummaryColumns =
    [
        ("KPI", 30), ("Value", 11), ("Unit", 16), ("Hits", 10), ("n", 10), ("95 % low", 9), ("95 % high", 9), ("Small sample", 9),
        ("Target (green)", 10), ("Target (amber)", 10), ("Status", 13), ("Previous period", 11), ("Change", 9), ("JSON field", 22),
    ];

    private sealed record SummaryLine(
        string Name, string JsonField, XlValue Value, XlFormat Format, string Unit, XlValue Previous,
        long? Hits = null, long? N = null, PercentInterval? Interval = null, KpiKind? Kind = null);

    public static void Write(KpiWorkbookContent content, Stream output)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = content.Title;
        workbook.Properties.Author = "CxDashboard";
        workbook.Properties.Created = content.ExportedAtUtc;

        Summary(workbook.AddWorksheet(SheetNames[0]), content);
        ClosedXmlTables.Write(workbook.AddWorksheet(SheetNames[1]), KpiColumns.With<KpiBreakdownRow>(r => r.Counts,
            new XlColumn<KpiBreakdownRow>("Team", 28, XlFormat.Text, r => r.Name)), content.Teams);
        ClosedXmlTables.Write(workbook.AddWorksheet(SheetNames[2]), KpiColumns.With<KpiBreakdownRow>(r => r.Counts,
            new XlColumn<KpiBreakdownRow>("Agent id", 12, XlFormat.Text, r => r.Code),
            new XlColumn<KpiBreakdownRow>("Agent", 26, XlFormat.Text, r => r.Name),
            new XlColumn<KpiBreakdownRow>("Team", 22, XlFormat.Text, r => r.Team)), content.Agents);
        ClosedXmlTables.Write(workbook.AddWorksheet(SheetNames[3]), KpiColumns.With<ReasonBreakdownRow>(r => r.Counts,
            new XlColumn<ReasonBreakdownRow>("Reason code", 14, XlFormat.Text, r => r.Code),
            new XlColumn<ReasonBreakdownRow>("Reason", 30, XlFormat.Text, r => r.Name),
            new XlColumn<ReasonBreakdownRow>("Complexity (1–5)", 11, XlFormat.Integer, r => r.Complexity),
            new XlColumn<ReasonBreakdownRow>("Share of contacts %", 11, XlFormat.Percent, r => r.SharePercent),
            new XlColumn<ReasonBreakdownRow>("Self-service candidate", 12, XlFormat.Boolean, r => r.SelfServiceCandidate)), content.Reasons);
        ClosedXmlTables.Write(workbook.AddWorksheet(SheetNames[4]), KpiColumns.With<KpiBreakdownRow>(r => r.Counts,
            new XlColumn<KpiBreakdownRow>("Channel", 20, XlFormat.Text, r => r.Name),
            new XlColumn<KpiBreakdownRow>("Channel code", 12, XlFormat.Text, r => r.Code)), content.Channels);
        ClosedXmlTables.Write(workbook.AddWorksheet(SheetNames[5]), KpiColumns.With<(DateOnly Day, KpiCounts Counts)>(r => r.Counts,
            new XlColumn<(DateOnly Day, KpiCounts Counts)>("Date", 11, XlFormat.Date, r => r.Day),
            new XlColumn<(DateOnly Day, KpiCounts Counts)>("Weekday", 10, XlFormat.Text, r => r.Day.DayOfWeek.ToString())), content.Days);
        CallbackSheet(workbook.AddWorksheet(SheetNames[6]), content.Callbacks);
        Definitions(workbook.AddWorksheet(SheetNames[7]));
        workbook.SaveAs(output);
    }

    private static void Summary(IXLWorksheet sheet, KpiWorkbookContent content)
    {
        var lines = SummaryLines(content.Summary, content.Totals, content.Previous);
        ClosedXmlTables.Header(sheet, 1, SummaryColumns);
        var row = 1;
        foreach (var line in lines)
        {
            row++;
            var definition = line.Kind is { } kind ? KpiDefinitions.Get(kind) : null;
            var target = line.Kind is { } k ? content.Targets.For(k, content.TargetTeamId) : null;
            double? value = line.Value.Kind == XlValueKind.Number ? line.Value.Number : null;
            double? previous = line.Previous.Kind == XlValueKind.Number ? line.Previous.Number : null;
            var small = line.N is > 0 and < Proportion.SmallSampleThreshold;

            ClosedXmlTables.Set(sheet.Cell(row, 1), line.Name, XlFormat.Text);
            ClosedXmlTables.Set(sheet.Cell(row, 2), line.Value, line.Format);
            ClosedXmlTables.Set(sheet.Cell(row, 3), line.Unit, XlFormat.Text);
            ClosedXmlTables.Set(sheet.Cell(row, 4), line.Hits, XlFormat.Integer);
            ClosedXmlTables.Set(sheet.Cell(row, 5), line.N, XlFormat.Integer);
            ClosedXmlTables.Set(sheet.Cell(row, 6), line.Interval?.Low, XlFormat.Percent);
            ClosedXmlTables.Set(sheet.Cell(row, 7), line.Interval?.High, XlFormat.Percent);
            if (line.N is not null) ClosedXmlTables.Set(sheet.Cell(row, 8), small, XlFormat.Boolean);
            ClosedXmlTables.Set(sheet.Cell(row, 9), target?.Green, line.Format);
            ClosedXmlTables.Set(sheet.Cell(row, 10), target?.Amber, line.Format);
            if (definition is not null)
                ClosedXmlTables.Set(sheet.Cell(row, 11), Display.Status(TargetEvaluator.Evaluate(value, target, definition.HigherIsBetter)).Word, XlFormat.Text);
            ClosedXmlTables.Set(sheet.Cell(row, 12), line.Previous, line.Format);
            ClosedXmlTables.Set(sheet.Cell(row, 13), value - previous, line.Format == XlFormat.Integer ? XlFormat.Integer : XlFormat.SignedDecimal1);
            ClosedXmlTables.Set(sheet.Cell(row, 14), line.JsonField, XlFormat.Text);
        }
        ClosedXmlTables.FreezeAndFilter(sheet, 1, row, SummaryColumns.Length);

        // What the numbers are about, under the table (outside its filter range).
        row += 2;
        var query = content.Query;
        var previousPeriod = query.PreviousPeriod();
        (string Item, XlValue Value, XlFormat Format)[] about =
        [
            ("Export", content.Title, XlFormat.Text),
            ("Organisation", content.OrganisationName, XlFormat.Text),
            ("Period from", query.From, XlFormat.Date),
            ("Period to", query.To, XlFormat.Date),
            ("Compared with", $"{previousPeriod.From:yyyy-MM-dd} – {previousPeriod.To:yyyy-MM-dd} (the previous period of the same length)", XlFormat.Text),
            ("Scope", content.ScopeDescription, XlFormat.Text),
            ("Filters", content.Filters.Count == 0 ? "none" : string.Join("; ", content.Filters), XlFormat.Text),
            ("Repeat window W (days)", query.WindowDays, XlFormat.Integer),
            ("Same reason only", query.SameReasonOnly, XlFormat.Boolean),
            ("FCR decidable as of (UTC)", XlValue.FromDateTime(query.AsOfUtc), XlFormat.DateTime),
            ("Time zone", content.Summary.TimeZone, XlFormat.Text),
            ("Exported (UTC)", XlValue.FromDateTime(content.ExportedAtUtc), XlFormat.DateTime),
        ];
        ClosedXmlTables.Set(sheet.Cell(row, 1), "About this export", XlFormat.Text);
        sheet.Cell(row, 1).Style.Font.Bold = true;
        foreach (var (item, value, format) in about)
        {
            row++;
            ClosedXmlTables.Set(sheet.Cell(row, 1), item, XlFormat.Text);
            ClosedXmlTables.Set(sheet.Cell(row, 2), value, format);
        }
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
        new("Average handle time", "averageHandleSeconds", r.AverageHandleSeconds, XlFormat.Decimal1, "seconds (context, not a target)",
            before.AverageHandleSeconds, null, now.ContactsWithHandleTime),
        new("Bot→human escalations", "botEscalations", r.BotEscalations, XlFormat.Integer, "contacts", before.BotEscalations),
        new("Self-service contacts", "selfServiceContacts", r.SelfServiceContacts, XlFormat.Integer, "contacts", before.SelfServiceContacts),
    ];

    private sealed record CallbackLine(string Item, XlValue Value, XlFormat Format, long? N = null, PercentInterval? Interval = null, string? JsonField = null);

    /// <summary>
    /// The callback worklist's figures (as on the dashboard and from GET /api/v1/callbacks/kpis): cases are a team's,
    /// so the agent, channel and reason filters do not apply to them.
    /// </summary>
    private static void CallbackSheet(IXLWorksheet sheet, Callbacks.CallbackKpis? k)
    {
        var lines = k is null
            ? [new CallbackLine("Callback figures are not part of an agent's own view.", XlValue.Empty, XlFormat.Text)]
            : new List<CallbackLine>
            {
                new("Open cases (at the as-of time)", k.Open, XlFormat.Integer, JsonField: "open"),
                new("Overdue (open, past due, no attempt)", k.Overdue, XlFormat.Integer, JsonField: "overdue"),
                new("Escalated (open)", k.Escalated, XlFormat.Integer, JsonField: "escalated"),
                new("Flagged in the period", k.Flagged, XlFormat.Integer, JsonField: "flagged"),
                new("Closed in the period", k.Closed, XlFormat.Integer, JsonField: "closed"),
                new("Callback SLA met %", k.SlaMetPercent, XlFormat.Percent, k.SlaDue, k.SlaMetPercentInterval, "slaMetPercent"),
                new("Cases due, not yet decided", k.SlaNotYetDue, XlFormat.Integer, JsonField: "slaNotYetDue"),
                new("Median hours to first attempt", k.MedianHoursToFirstAttempt, XlFormat.Decimal1, k.FirstAttempts, JsonField: "medianHoursToFirstAttempt"),
                new("Follow-up surveys sent", k.FollowUpsSent, XlFormat.Integer, JsonField: "followUpsSent"),
                new("Recovery rate %", k.RecoveryRatePercent, XlFormat.Percent, k.FollowUpsAnswered, k.RecoveryRatePercentInterval, "recoveryRatePercent"),
            }
            .Concat(k.Outcomes.Select(o => new CallbackLine($"Outcome: {o.Name} (% of closed)", o.Percent, XlFormat.Percent, k.Closed)))
            .Concat(k.RootCauses.Select(r => new CallbackLine($"Root cause: {r.Name} (% of closed)", r.Percent, XlFormat.Percent, k.Closed)))
            .ToList();
        ClosedXmlTables.Write(sheet,
        [
            new XlColumn<CallbackLine>("Callbacks", 44, XlFormat.Text, l => l.Item),
            new XlColumn<CallbackLine>("Value", 11, XlFormat.Text, l => l.Value, l => l.Format),
            new XlColumn<CallbackLine>("n", 9, XlFormat.Integer, l => l.N),
            new XlColumn<CallbackLine>("95 % low", 9, XlFormat.Percent, l => l.Interval?.Low),
            new XlColumn<CallbackLine>("95 % high", 9, XlFormat.Percent, l => l.Interval?.High),
            new XlColumn<CallbackLine>("JSON field (GET /api/v1/callbacks/kpis)", 26, XlFormat.Text, l => l.JsonField),
        ], lines);
    }

    private static void Definitions(IXLWorksheet sheet)
    {
        var entries = MetricGlossary.Definitions
            .Concat(MetricGlossary.PeriodRules.Select(rule => new GlossaryEntry("Periods and attribution", rule)))
            .Concat(MetricGlossary.HonestyRules.Select(rule => new GlossaryEntry("Sample sizes, intervals and targets", rule)))
            .Append(new GlossaryEntry("Numbers in this workbook",
                "Percentages are stored as numbers from 0 to 100, unrounded, and shown with one decimal. Empty cells have no sample (never 0). Dates and times are local to the organisation's time zone, except where a header says UTC."));
        var last = ClosedXmlTables.Write(sheet, [
            new XlColumn<GlossaryEntry>("Term", 32, XlFormat.Text, e => e.Term),
            new XlColumn<GlossaryEntry>("Definition", 120, XlFormat.Text, e => e.Definition),
        ], entries.ToList());
        sheet.Range(2, 2, Math.Max(2, last), 2).Style.Alignment.WrapText = true;
        sheet.Range(2, 1, Math.Max(2, last), 2).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }
}
