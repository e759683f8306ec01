using System.Globalization;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// Writes the report's short summary, in Swedish, from the figures alone. Honest by construction: a KPI is said to
/// have risen or fallen only when the change is clear (<see cref="ChangeSignificance"/>); the largest clear movements
/// come first; small samples are named and never read as movements. Numbers in the current culture.
/// </summary>
public static class MonthlySummaryWriter
{
    /// <summary>Besides CSAT, at most this many KPIs' movements are told.</summary>
    public const int MaxMovements = 2;

    public static IReadOnlyList<string> Write(MonthlyReport report)
    {
        var sentences = new List<string>();
        var previousName = ComparedMonth(report.Month, report.PreviousMonth);
        var (now, before) = (report.Current, report.Previous);

        if (now.Contacts == 0 && now.Responses == 0)
        {
            sentences.Add($"Inga kontakter eller enkätsvar registrerades i {ReportText.Month(report.Month)}.");
            return sentences;
        }

        var csat = HeadlineKpis.All[0];
        sentences.Add(now.Responses == 0
            ? $"Inga enkätsvar i {ReportText.Month(report.Month)}, så CSAT kan inte beräknas."
            : KpiSentence(csat, report, previousName, withLastYear: true));

        var moved = HeadlineKpis.All.Skip(1)
            .Where(k => ChangeSignificance.IsClear(k.Kind, now, before))
            .OrderByDescending(k => Math.Abs(ChangeSignificance.Z(k.Kind, now, before) ?? 0))
            .Take(MaxMovements)
            .ToList();
        sentences.AddRange(moved.Select(k => KpiSentence(k, report, previousName, withLastYear: false)));
        if (moved.Count == 0 && before.Contacts > 0)
            sentences.Add($"Övriga nyckeltal förändrades inte tydligt jämfört med {previousName}.");

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
        if (small.Count > 0) sentences.Add($"Litet underlag (n < {Proportion.SmallSampleThreshold}) för {Join(small)}: tolka med försiktighet.");
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
            sentence = $"{kpi.Name} var {value} ({n}, {ReportText.SmallSample})";
        else if (ChangeSignificance.IsClear(kpi.Kind, now, before))
        {
            var delta = kpi.ValueOf(now)!.Value - kpi.ValueOf(before)!.Value;
            var points = Math.Abs(delta).ToString("0.0", CultureInfo.CurrentCulture) + (unit == KpiUnit.Percent ? " procentenheter" : " enheter");
            sentence = $"{kpi.Name} {(delta > 0 ? "steg" : "sjönk")} {points} till {value} ({n})";
        }
        else if (kpi.ValueOf(before) is { } earlier)
            sentence = $"{kpi.Name} var i stort sett oförändrad på {value} ({n}; {previousName} {Display.Value(earlier, unit)})";
        else
            sentence = $"{kpi.Name} var {value} ({n})";

        if (!kpi.IsSmallSample(now) && Standing(kpi, report) is { } standing)
            sentence += ", " + standing;
        sentence += ".";
        if (withLastYear && kpi.ValueOf(report.LastYear) is { } lastYear)
            sentence += $" {ReportText.Capitalise(ReportText.Month(report.SameMonthLastYear))}: {Display.Value(lastYear, unit)}.";
        return sentence;
    }

    /// <summary>"når målet ≥ 80,0 %", "nära målet: 0,6 p.e. under målet ≥ 80,0 %", "7,6 p.e. under målet ≥ 75,0 %".</summary>
    private static string? Standing(HeadlineKpi kpi, MonthlyReport report)
    {
        var (value, target) = (kpi.ValueOf(report.Current), report.TargetFor(kpi.Kind));
        if (TargetGaps.Shortfall(kpi.Kind, value, target) is not { } shortfall) return null;
        if (shortfall <= 0) return $"når målet {ReportText.Target(kpi.Kind, target)}";
        var gap = ReportText.Gap(kpi.Kind, value, target);
        return TargetGaps.IsNear(kpi.Kind, shortfall) ? $"nära målet: {gap}" : gap;
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
                if (k.IsSmallSample(now)) return $"{k.Name} {value} ({ReportText.SmallSample}, {ReportText.N(k.SampleOf(now))})";
                var standing = Standing(k, report)!;
                return $"{k.Name} {value} ({standing})";
            })
            .ToList();
        if (items.Count == 0) return null;
        return $"{(told.Count > 0 ? "Övriga nyckeltal mot målen" : "Mot målen")}: {Join(items)}.";
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
            if (actions is null || actions.Open == 0) return $"{k.Name}: ingen öppen åtgärd";
            var owners = string.Join(", ", actions.Owners.Select(o => $"{o.Name} {o.Actions}"));
            return actions.Overdue > 0
                ? $"{k.Name}: {actions.Open} öppna ({owners}), varav {actions.Overdue} försenade"
                : $"{k.Name}: {actions.Open} öppna ({owners})";
        });
        return $"Coachningsåtgärder för de största gapen – {string.Join("; ", parts)}.";
    }

    private static string VolumeSentence(MonthlyReport report, string previousName)
    {
        var (now, before) = (report.Current, report.Previous);
        var change = before.Contacts > 0 ? $" ({ReportText.CountChange(now.Contacts, before.Contacts)} mot {previousName})" : "";
        var selfService = now.Contacts > 0 ? $", varav {Display.Percent(now.SelfServiceShare.Percent)} via självservice/bot" : "";
        return $"{Display.Count(now.Contacts)} kontakter{change}{selfService}.";
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
            parts.Add($"{KpiDefinitions.Get(KpiKind.RepeatContactRate).Name} för ”{repeatRise.Name}” steg från {Display.Percent(repeatRise.Previous.RepeatRate.Percent)} till {Display.Percent(repeatRise.Current.RepeatRate.Percent)} ({ReportText.N(repeatRise.Current.Contacts)} kontakter)");
        else if (report.ReasonsByRepeats.FirstOrDefault() is { } mostRepeats)
            parts.Add($"Flest återkontakter gällde ”{mostRepeats.Name}”: {Display.Count(mostRepeats.Current.RepeatContacts)} av {Display.Count(mostRepeats.Current.Contacts)} kontakter ({Display.Percent(mostRepeats.Current.RepeatRate.Percent)})");

        if (dissatisfactionRise is not null)
            parts.Add($"andelen missnöjda (CSAT 1–2) för ”{dissatisfactionRise.Name}” steg från {Display.Percent(dissatisfactionRise.Previous.Dissatisfied.Percent)} till {Display.Percent(dissatisfactionRise.Current.Dissatisfied.Percent)} ({ReportText.N(dissatisfactionRise.Current.Responses)} svar)");
        else if (report.ReasonsByDissatisfaction.FirstOrDefault() is { } mostDissatisfied)
            parts.Add($"flest missnöjda kunder gällde ”{mostDissatisfied.Name}”: {Display.Count(mostDissatisfied.Current.CsatNegative)} av {Display.Count(mostDissatisfied.Current.Responses)} svar ({Display.Percent(mostDissatisfied.Current.Dissatisfied.Percent)}{(mostDissatisfied.Current.Responses < Proportion.SmallSampleThreshold ? ", " + ReportText.SmallSample : "")})");

        return parts.Count == 0 ? null : ReportText.Capitalise(string.Join("; ", parts)) + ".";
    }

    /// <summary>"Återringning: 120 ärenden flaggades; Callback SLA met 87,5 % (n = 96), under målet ≥ 90,0 %; Recovery rate 62,0 % (n = 50)."</summary>
    private static string? CallbackSentence(MonthlyReport report)
    {
        var kpis = report.Callbacks.Current;
        if (kpis.Flagged == 0 && kpis.SlaDue == 0 && kpis.FollowUpsAnswered == 0) return null;
        string Rate(KpiKind kind, double? percent, long n)
        {
            var text = $"{KpiDefinitions.Get(kind).Name} {ReportText.PercentWithN(percent, n)}";
            var status = TargetEvaluator.Evaluate(percent, report.TargetFor(kind), true);
            if (n < Proportion.SmallSampleThreshold || status is TargetStatus.None or TargetStatus.Green) return text;
            return $"{text}, {(status == TargetStatus.Amber ? "nära" : "under")} målet {ReportText.Target(kind, report.TargetFor(kind))}";
        }
        var parts = new List<string> { $"Återringning: {ReportText.Counted(kpis.Flagged, "ärende", "ärenden")} flaggades" };
        if (kpis.SlaDue > 0) parts.Add(Rate(KpiKind.CallbackSlaMetPercent, kpis.SlaMetPercent, kpis.SlaDue));
        if (kpis.FollowUpsAnswered > 0) parts.Add(Rate(KpiKind.RecoveryRate, kpis.RecoveryRatePercent, kpis.FollowUpsAnswered));
        return string.Join("; ", parts) + ".";
    }

    private static string? EngagementSentence(EngagementMonth engagement)
    {
        var month = ReportText.Month(engagement.Month);
        var shown = engagement.Teams.Where(t => !t.Engagement.Suppressed).ToList();
        var hidden = engagement.Teams.Count - shown.Count;
        if (!engagement.AnyAnswers) return $"Ingen pulsmätning av engagemanget i {month}.";
        if (shown.Count == 0)
            return $"Inget team nådde {EngagementCalculator.AnonymityThreshold} svar i pulsmätningen i {month}, så inga engagemangssiffror visas.";

        var total = engagement.Total.Result;
        var sentence = $"Engagemangsindex {Display.Number(total.EngagementIndex)} (eNPS {Display.Score(total.Enps)}) för {shown.Count} team med minst {EngagementCalculator.AnonymityThreshold} svar";
        if (shown.Count >= 2 && shown.Where(t => t.Engagement.EngagementIndex is not null).MinBy(t => t.Engagement.EngagementIndex) is { } lowest)
            sentence += $"; lägst {lowest.Team} ({Display.Number(lowest.Engagement.EngagementIndex)})";
        if (hidden > 0) sentence += $"; {hidden} team hade för få svar för att visas";
        return sentence + ".";
    }

    private static string? MaturitySentence(MonthlyReport report)
    {
        if (report.Maturity is not { } maturity) return null;
        var current = maturity.Current;
        var sentence = $"Senaste mognadsmätningen (”{current.Round.Name}”, {Display.Date(current.Round.AssessedOn)}): nivå {Display.Number(current.OverallMean)} av 5";
        if (current.OverallTarget is { } target) sentence += $" mot målet {Display.Number(target)}";
        if (maturity.TopGaps(1) is [var gap])
        {
            var widest = gap.Capability;
            sentence += $"; störst gap för {widest.Capability.Name.In("sv")} ({Display.Number(widest.Score.Gap)} nivåer)";
            sentence += gap.Actions.FirstOrDefault() is { } action
                ? $", åtgärd: ”{action.Title}” ({action.OwnerName}, senast {Display.Date(action.DueDate)})"
                : ", ingen åtgärd registrerad";
        }
        return sentence + ".";
    }

    /// <summary>"februari" in the same year, "december 2025" across a year end.</summary>
    public static string ComparedMonth(DateOnly month, DateOnly other) =>
        other.Year == month.Year ? ReportText.MonthName(other) : ReportText.Month(other);

    private static string Join(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " och " + items[^1];

}
