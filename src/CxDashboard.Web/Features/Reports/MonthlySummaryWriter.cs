using System.Globalization;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// Writes the report's short summary, in the report's language, from the figures alone. Honest by construction: a KPI is said to
/// have risen or fallen only when the change is clear (<see cref="ChangeSignificance"/>); the largest clear movements
/// come first; small samples are named and never read as movements. Numbers in the current culture.
/// </summary>
public static class MonthlySummaryWriter
{
    private static Vocabulary Words => Vocabulary.Current;

    /// <summary>Besides CSAT, at most this many KPIs' movements are told.</summary>
    public const int MaxMovements = 2;

    public static IReadOnlyList<string> Write(MonthlyReport report)
    {
        var sentences = new List<string>();
        var previousName = ComparedMonth(report.Month, report.PreviousMonth);
        var (now, before) = (report.Current, report.Previous);

        if (now.Contacts == 0 && now.Responses == 0)
        {
            sentences.Add(Words.Format("Report.Summary.NoData", ReportText.Month(report.Month)));
            return sentences;
        }

        var csat = HeadlineKpis.All[0];
        sentences.Add(now.Responses == 0
            ? Words.Format("Report.Summary.NoResponses", ReportText.Month(report.Month), csat.Name)
            : KpiSentence(csat, report, previousName, withLastYear: true));

        var moved = HeadlineKpis.All.Skip(1)
            .Where(k => ChangeSignificance.IsClear(k.Kind, now, before))
            .OrderByDescending(k => Math.Abs(ChangeSignificance.Z(k.Kind, now, before) ?? 0))
            .Take(MaxMovements)
            .ToList();
        sentences.AddRange(moved.Select(k => KpiSentence(k, report, previousName, withLastYear: false)));
        if (moved.Count == 0 && before.Contacts > 0)
            sentences.Add(Words.Format("Report.Summary.NoClearMovements", previousName));

        // Every headline KPI's standing against its target: those with a sentence of their own above have said it.
        var told = now.Responses > 0 ? moved.Prepend(csat).ToList() : moved;
        if (TargetsSentence(report, told) is { } targets) sentences.Add(targets);
        if (ActionsSentence(report) is { } actions) sentences.Add(actions);

        sentences.Add(VolumeSentence(report, previousName));
        if (ReasonSentence(report) is { } reasons) sentences.Add(reasons);
        if (CallbackSentence(report) is { } callbacks) sentences.Add(callbacks);
        if (EngagementSentence(report.Engagement) is { } engagement) sentences.Add(engagement);
        if (MaturitySentence(report) is { } maturity) sentences.Add(maturity);

        var small = HeadlineKpis.All.Where(k => k.IsSmallSample(now)).Select(k => $"{k.Name} ({ReportText.N(k.SampleOf(now))})").ToList();
        if (small.Count > 0) sentences.Add(Words.Format("Report.Summary.SmallSamples", Proportion.SmallSampleThreshold, ReportText.JoinAnd(small)));
        return sentences;
    }

    /// <summary>"CSAT steg 2,1 procentenheter till 81,4 % (n = 3 904) och når målet ≥ 80,0 %. Mars 2025: 79,0 %."</summary>
    private static string KpiSentence(HeadlineKpi kpi, MonthlyReport report, string previousName, bool withLastYear)
    {
        var (now, before) = (report.Current, report.Previous);
        var unit = kpi.Definition.Unit;
        var value = Display.Value(kpi.ValueOf(now), unit);
        var n = ReportText.N(kpi.SampleOf(now));
        string sentence;
        if (kpi.IsSmallSample(now))
            sentence = Words.Format("Report.Summary.Kpi.SmallSample", kpi.Name, value, n, ReportText.SmallSample);
        else if (ChangeSignificance.IsClear(kpi.Kind, now, before))
        {
            var delta = kpi.ValueOf(now)!.Value - kpi.ValueOf(before)!.Value;
            var points = Math.Abs(delta).ToString("0.0", CultureInfo.CurrentCulture);
            var key = (delta > 0 ? "Report.Summary.Kpi.Rose." : "Report.Summary.Kpi.Fell.") + (unit == KpiUnit.Percent ? "Percent" : "Points");
            sentence = Words.Format(key, kpi.Name, points, value, n);
        }
        else if (kpi.ValueOf(before) is { } earlier)
            sentence = Words.Format("Report.Summary.Kpi.Unchanged", kpi.Name, value, n, previousName, Display.Value(earlier, unit));
        else
            sentence = Words.Format("Report.Summary.Kpi.Was", kpi.Name, value, n);

        if (!kpi.IsSmallSample(now) && Standing(kpi, report) is { } standing)
            sentence += ", " + standing;
        sentence += ".";
        if (withLastYear && kpi.ValueOf(report.LastYear) is { } lastYear)
            sentence += " " + Words.Format("Report.Summary.LastYear", ReportText.Capitalise(ReportText.Month(report.SameMonthLastYear)), Display.Value(lastYear, unit));
        return sentence;
    }

    /// <summary>"når målet ≥ 80,0 %", "nära målet: 0,6 p.e. under målet ≥ 80,0 %", "7,6 p.e. under målet ≥ 75,0 %".</summary>
    private static string? Standing(HeadlineKpi kpi, MonthlyReport report)
    {
        var (value, target) = (kpi.ValueOf(report.Current), report.TargetFor(kpi.Kind));
        if (TargetGaps.Shortfall(kpi.Kind, value, target) is not { } shortfall) return null;
        if (shortfall <= 0) return Words.Format("Report.Summary.MeetsTarget", ReportText.Target(kpi.Kind, target));
        var gap = ReportText.Gap(kpi.Kind, value, target);
        return TargetGaps.IsNear(kpi.Kind, shortfall) ? Words.Format("Report.Summary.NearTarget", gap) : gap;
    }

    /// <summary>
    /// "Mot målen: Survey FCR 67,4 % (7,6 p.e. under målet ≥ 75,0 %), NPS +11,2 (18,8 enheter under målet ≥ +30,0) och …":
    /// every headline KPI with a target that no sentence above has placed against it.
    /// </summary>
    private static string? TargetsSentence(MonthlyReport report, IReadOnlyList<HeadlineKpi> told)
    {
        var now = report.Current;
        var items = HeadlineKpis.All
            .Where(k => !told.Contains(k) && report.TargetFor(k.Kind) is not null && k.ValueOf(now) is not null)
            .Select(k =>
            {
                var value = Display.Value(k.ValueOf(now), k.Definition.Unit);
                if (k.IsSmallSample(now)) return Words.Format("Report.Summary.TargetItem", k.Name, value, $"{ReportText.SmallSample}, {ReportText.N(k.SampleOf(now))}");
                return Words.Format("Report.Summary.TargetItem", k.Name, value, Standing(k, report)!);
            })
            .ToList();
        if (items.Count == 0) return null;
        return Words.Format(told.Count > 0 ? "Report.Summary.OtherTargets" : "Report.Summary.Targets", ReportText.JoinAnd(items));
    }

    /// <summary>
    /// The open coaching actions behind the two widest missed targets, and who owns them: "Öppna coachningsåtgärder för
    /// de största gapen: NPS 2 (Maria Holm 1, Erik Ström 1), varav 1 försenad; Survey FCR ingen."
    /// </summary>
    private static string? ActionsSentence(MonthlyReport report)
    {
        var now = report.Current;
        var widest = HeadlineKpis.All
            .Where(k => !k.IsSmallSample(now))
            .Select(k => (Kpi: k, Severity: TargetGaps.Severity(k.Kind, k.ValueOf(now), report.TargetFor(k.Kind))))
            .Where(k => k.Severity > 1)
            .OrderByDescending(k => k.Severity)
            .Take(2)
            .Select(k => k.Kpi)
            .ToList();
        if (widest.Count == 0) return null;
        var parts = widest.Select(k =>
        {
            var actions = report.OpenActions.FirstOrDefault(a => a.Kind == k.Kind);
            if (actions is null || actions.Open == 0) return Words.Format("Report.Summary.Actions.None", k.Name);
            var owners = string.Join(", ", actions.Owners.Select(o => $"{o.Name} {o.Actions}"));
            return actions.Overdue > 0
                ? Words.Format("Report.Summary.Actions.OpenOverdue", k.Name, actions.Open, owners, actions.Overdue)
                : Words.Format("Report.Summary.Actions.Open", k.Name, actions.Open, owners);
        });
        return Words.Format("Report.Summary.Actions", string.Join("; ", parts));
    }

    private static string VolumeSentence(MonthlyReport report, string previousName)
    {
        var (now, before) = (report.Current, report.Previous);
        var contacts = Display.Count(now.Contacts);
        var change = ReportText.CountChange(now.Contacts, before.Contacts);
        var selfService = Display.Percent(now.SelfServiceShare.Percent);
        return (before.Contacts > 0, now.Contacts > 0) switch
        {
            (true, true) => Words.Format("Report.Summary.Volume.ChangeAndSelfService", contacts, change, previousName, selfService),
            (true, false) => Words.Format("Report.Summary.Volume.Change", contacts, change, previousName),
            (false, true) => Words.Format("Report.Summary.Volume.SelfService", contacts, selfService),
            _ => Words.Format("Report.Summary.Volume", contacts),
        };
    }

    /// <summary>The contact reason whose repeats or dissatisfaction rose most clearly; else the ones with the most of each.</summary>
    private static string? ReasonSentence(MonthlyReport report)
    {
        var repeatRise = report.ReasonsByRepeats
            .Where(r => ChangeSignificance.IsClear(KpiKind.RepeatContactRate, r.Current, r.Previous) && r.Current.RepeatRate.Percent > r.Previous.RepeatRate.Percent)
            .MaxBy(r => ChangeSignificance.Z(KpiKind.RepeatContactRate, r.Current, r.Previous));
        var dissatisfactionRise = report.ReasonsByDissatisfaction
            .Where(r => ChangeSignificance.IsClear(r.Current.Dissatisfied, r.Previous.Dissatisfied) && r.Current.Dissatisfied.Percent > r.Previous.Dissatisfied.Percent)
            .MaxBy(r => ChangeSignificance.ProportionZ(r.Current.Dissatisfied, r.Previous.Dissatisfied));

        var parts = new List<string>();
        if (repeatRise is not null)
            parts.Add(Words.Format("Report.Summary.Reason.RepeatRise", KpiDefinitions.Get(KpiKind.RepeatContactRate).Name, repeatRise.Name, Display.Percent(repeatRise.Previous.RepeatRate.Percent), Display.Percent(repeatRise.Current.RepeatRate.Percent), ReportText.N(repeatRise.Current.Contacts)));
        else if (report.ReasonsByRepeats.FirstOrDefault() is { } mostRepeats)
            parts.Add(Words.Format("Report.Summary.Reason.MostRepeats", mostRepeats.Name, Display.Count(mostRepeats.Current.RepeatContacts), Display.Count(mostRepeats.Current.Contacts), Display.Percent(mostRepeats.Current.RepeatRate.Percent)));

        if (dissatisfactionRise is not null)
            parts.Add(Words.Format("Report.Summary.Reason.DissatisfactionRise", dissatisfactionRise.Name, Display.Percent(dissatisfactionRise.Previous.Dissatisfied.Percent), Display.Percent(dissatisfactionRise.Current.Dissatisfied.Percent), ReportText.N(dissatisfactionRise.Current.Responses)));
        else if (report.ReasonsByDissatisfaction.FirstOrDefault() is { } mostDissatisfied)
            parts.Add(Words.Format("Report.Summary.Reason.MostDissatisfied", mostDissatisfied.Name, Display.Count(mostDissatisfied.Current.CsatNegative), Display.Count(mostDissatisfied.Current.Responses),
                Display.Percent(mostDissatisfied.Current.Dissatisfied.Percent) + (mostDissatisfied.Current.Responses < Proportion.SmallSampleThreshold ? ", " + ReportText.SmallSample : "")));

        return parts.Count == 0 ? null : ReportText.Capitalise(string.Join("; ", parts)) + ".";
    }

    /// <summary>"Återuppringning: 120 ärenden flaggades; Återuppringning inom SLA 87,5 % (n = 96), nära målet ≥ 90,0 %; Återvunna kunder 65,0 % (n = 20, litet underlag)."</summary>
    private static string? CallbackSentence(MonthlyReport report)
    {
        var kpis = report.Callbacks.Current;
        if (kpis.Flagged == 0 && kpis.SlaDue == 0 && kpis.FollowUpsAnswered == 0) return null;
        string Rate(KpiKind kind, double? percent, long n)
        {
            var text = Words.Format("Report.Summary.TargetItem.NoParentheses", KpiDefinitions.Get(kind).Name, ReportText.PercentWithN(percent, n));
            var status = TargetEvaluator.Evaluate(percent, report.TargetFor(kind), true);
            if (n < Proportion.SmallSampleThreshold || status is TargetStatus.None or TargetStatus.Green) return text;
            return Words.Format(status == TargetStatus.Amber ? "Report.Summary.Callbacks.NearTarget" : "Report.Summary.Callbacks.BelowTarget", text, ReportText.Target(kind, report.TargetFor(kind)));
        }
        var parts = new List<string> { ReportText.Counted(kpis.Flagged, "Report.Summary.Callbacks.Flagged") };
        if (kpis.SlaDue > 0) parts.Add(Rate(KpiKind.CallbackSlaMetPercent, kpis.SlaMetPercent, kpis.SlaDue));
        if (kpis.FollowUpsAnswered > 0) parts.Add(Rate(KpiKind.RecoveryRate, kpis.RecoveryRatePercent, kpis.FollowUpsAnswered));
        return string.Join("; ", parts) + ".";
    }

    private static string? EngagementSentence(EngagementMonth engagement)
    {
        var month = ReportText.Month(engagement.Month);
        var shown = engagement.Teams.Where(t => !t.Engagement.Suppressed).ToList();
        var hidden = engagement.Teams.Count - shown.Count;
        if (!engagement.AnyAnswers) return Words.Format("Report.Summary.Engagement.NoPulse", month);
        if (shown.Count == 0) return Words.Format("Report.Summary.Engagement.AllHidden", EngagementCalculator.AnonymityThreshold, month);

        var total = engagement.Total.Result;
        var sentence = Words.Format("Report.Summary.Engagement", Words.Kpi(KpiKind.EngagementIndex), Display.Number(total.EngagementIndex), Words.Kpi(KpiKind.Enps), Display.Score(total.Enps),
            shown.Count, EngagementCalculator.AnonymityThreshold);
        if (shown.Count >= 2 && shown.Where(t => t.Engagement.EngagementIndex is not null).MinBy(t => t.Engagement.EngagementIndex) is { } lowest)
            sentence += Words.Format("Report.Summary.Engagement.Lowest", lowest.Team, Display.Number(lowest.Engagement.EngagementIndex));
        if (hidden > 0) sentence += Words.Format("Report.Summary.Engagement.Hidden", hidden);
        return sentence + ".";
    }

    private static string? MaturitySentence(MonthlyReport report)
    {
        if (report.Maturity is not { } maturity) return null;
        var current = maturity.Current;
        var sentence = Words.Format("Report.Summary.Maturity", current.Round.Name, Display.Date(current.Round.AssessedOn), Display.Number(current.OverallMean));
        if (current.OverallTarget is { } target) sentence += Words.Format("Report.Summary.Maturity.Target", Display.Number(target));
        if (maturity.TopGaps(1) is [var gap])
        {
            var widest = gap.Capability;
            sentence += Words.Format("Report.Summary.Maturity.WidestGap", widest.Capability.Name.In(ReportText.Language), Display.Number(widest.Score.Gap));
            sentence += gap.Actions.FirstOrDefault() is { } action
                ? Words.Format("Report.Summary.Maturity.Action", action.Title, action.OwnerName, Display.Date(action.DueDate))
                : Words["Report.Summary.Maturity.NoAction"];
        }
        return sentence + ".";
    }

    /// <summary>"februari" in the same year, "december 2025" across a year end.</summary>
    public static string ComparedMonth(DateOnly month, DateOnly other) =>
        other.Year == month.Year ? ReportText.MonthName(other) : ReportText.Month(other);

}
