using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Reports;

namespace CxDashboard.Tests.Reports;

/// <summary>The auto-written summary from hand-made figures: what it claims, in what order, and what it holds back.</summary>
public class MonthlySummaryWriterTests
{
    private static readonly DateOnly March = new(2026, 3, 1);

    private static KpiCounts Counts(long responses = 0, long positive = 0, long contacts = 0, long repeats = 0, long decidable = 0, long resolved = 0,
        long npsAnswered = 0, long promoters = 0, long detractors = 0, long negative = 0, long selfService = 0, long? surveyYes = null) => new()
        {
            // Survey FCR follows CSAT unless a test sets it: every response answered the question.
            Responses = responses, CsatPositive = positive, CsatNegative = negative, SurveyFcrAnswered = responses, SurveyFcrYes = surveyYes ?? positive,
            Contacts = contacts, RepeatContacts = repeats, FcrDecidable = decidable, FcrResolved = resolved,
            NpsAnswered = npsAnswered, NpsPromoters = promoters, NpsDetractors = detractors, SelfServiceContacts = selfService,
        };

    private static MonthlyReport Report(KpiCounts now, KpiCounts before, KpiCounts? lastYear = null,
        IReadOnlyList<ReasonHighlight>? byRepeats = null, IReadOnlyList<ReasonHighlight>? byDissatisfaction = null, EngagementMonth? engagement = null,
        CallbackMonth? callbacks = null) => new()
        {
            Month = March,
            OrganisationName = "Test AB",
            CultureName = "sv-SE",
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"),
            AsOfUtc = new DateTime(2026, 4, 1, 4, 0, 0, DateTimeKind.Utc),
            WindowDays = 7,
            Current = now,
            Previous = before,
            LastYear = lastYear ?? KpiCounts.Empty,
            Targets = KpiDefinitions.All.ToDictionary(d => d.Kind, d => new TargetThresholds(d.DefaultGreen, d.DefaultAmber)),
            Trend = [],
            Channels = [],
            ReasonsByDissatisfaction = byDissatisfaction ?? [],
            ReasonsByRepeats = byRepeats ?? [],
            Callbacks = callbacks ?? new CallbackMonth(CallbackKpisOf(), CallbackKpisOf()),
            Engagement = engagement ?? new EngagementMonth(March, [], new CombinedEngagement(March, EngagementResult.Hidden, 0, 0), AnyAnswers: false),
        };

    private static CallbackKpis CallbackKpisOf(long flagged = 0, long slaDue = 0, long slaMet = 0, long answered = 0, long recovered = 0) => new()
    {
        From = March,
        To = March.AddMonths(1).AddDays(-1),
        AsOf = new DateTime(2026, 4, 1, 4, 0, 0, DateTimeKind.Utc),
        TimeZone = "Europe/Stockholm",
        Flagged = flagged,
        SlaDue = slaDue,
        SlaMet = slaMet,
        SlaMetPercent = slaDue == 0 ? null : 100.0 * slaMet / slaDue,
        FollowUpsAnswered = answered,
        FollowUpsRecovered = recovered,
        RecoveryRatePercent = answered == 0 ? null : 100.0 * recovered / answered,
        Outcomes = [],
        RootCauses = [],
        SmallSamples = [],
    };

    private static IReadOnlyList<string> Write(MonthlyReport report)
    {
        using (ReportCulture.Use(report.CultureName)) return MonthlySummaryWriter.Write(report);
    }

    [Fact]
    public void A_clear_rise_is_told_with_its_size_n_target_and_the_same_month_last_year()
    {
        var now = Counts(responses: 3904, positive: 3178, surveyYes: 3000, contacts: 20_000, repeats: 3000, decidable: 18_000, resolved: 14_400);
        var before = Counts(responses: 3800, positive: 3013, surveyYes: 2920, contacts: 20_000, repeats: 3000, decidable: 18_000, resolved: 14_400);
        var lastYear = Counts(responses: 3500, positive: 2765);

        var summary = Write(Report(now, before, lastYear));

        // 3178/3904 = 81,4 %; 3013/3800 = 79,3 %: 2,1 points, z ≈ 2.3.
        Assert.Equal("Kundnöjdhet (CSAT) steg 2,1 procentenheter till 81,4 % (n = 3 904), når målet ≥ 80,0 %. Mars 2025: 79,0 %.", summary[0].Replace('\u00a0', ' '));
        Assert.Equal("Övriga nyckeltal förändrades inte tydligt jämfört med februari.", summary[1]);
    }

    [Fact]
    public void The_largest_clear_movements_come_first_and_at_most_two()
    {
        var now = Counts(responses: 1000, positive: 800, contacts: 10_000, repeats: 2000, decidable: 9000, resolved: 7200, npsAnswered: 1000, promoters: 400, detractors: 100);
        var before = Counts(responses: 1000, positive: 800, contacts: 10_000, repeats: 1500, decidable: 9000, resolved: 7020, npsAnswered: 1000, promoters: 380, detractors: 110);

        var summary = Write(Report(now, before)).Select(s => s.Replace('\u00a0', ' ')).ToList();

        Assert.StartsWith("Kundnöjdhet (CSAT) var i stort sett oförändrad på 80,0 % (n = 1 000; februari 80,0 %)", summary[0]);
        // Repeat rate 15 → 20 % (z ≈ 9.3) before contact FCR 78 → 80 % (z ≈ 3.3); NPS +27 → +30 (z ≈ 1.0) is not clear.
        Assert.Equal("Återkontaktsgrad steg 5,0 procentenheter till 20,0 % (n = 10 000), 5,0 p.e. över målet ≤ 15,0 %.", summary[1]);
        Assert.Equal("Lösningsgrad (FCR) steg 2,0 procentenheter till 80,0 % (n = 9 000), når målet ≥ 80,0 %.", summary[2]);
        Assert.DoesNotContain(summary, s => s.StartsWith("NPS", StringComparison.Ordinal));
    }

    [Fact]
    public void Small_samples_are_named_and_never_read_as_movements()
    {
        var now = Counts(responses: 12, positive: 12, contacts: 40, npsAnswered: 12, promoters: 12);
        var before = Counts(responses: 10, positive: 2, contacts: 40, npsAnswered: 10, detractors: 10);

        var summary = Write(Report(now, before)).Select(s => s.Replace('\u00a0', ' ')).ToList();

        Assert.Equal("Kundnöjdhet (CSAT) var 100,0 % (n = 12, litet underlag).", summary[0]);
        Assert.DoesNotContain(summary, s => s.Contains("steg", StringComparison.Ordinal));
        Assert.Equal("Litet underlag (n < 30) för Kundnöjdhet (CSAT) (n = 12), Lösningsgrad enligt kund (FCR) (n = 12) och NPS (n = 12): tolka med försiktighet.", summary[^1]);
    }

    [Fact]
    public void Every_KPI_is_placed_against_its_target_once_with_its_gap()
    {
        // CSAT's own sentence gives its gap; the next sentence places the others, a KPI where lower is better "over" its target.
        var now = Counts(responses: 500, positive: 300, contacts: 1000, repeats: 300);
        var summary = Write(Report(now, now)).Select(s => s.Replace('\u00a0', ' ')).ToList();
        Assert.StartsWith("Kundnöjdhet (CSAT) var i stort sett oförändrad på 60,0 %", summary[0]);
        Assert.EndsWith(", 20,0 p.e. under målet ≥ 80,0 %.", summary[0]);
        Assert.Contains("Övriga nyckeltal mot målen: Lösningsgrad enligt kund (FCR) 60,0 % (15,0 p.e. under målet ≥ 75,0 %) och Återkontaktsgrad 30,0 % (15,0 p.e. över målet ≤ 15,0 %).", summary);
        // The widest gaps (in near-bands) name their open coaching actions, or say there are none.
        Assert.Contains("Coachningsåtgärder för de största gapen – Kundnöjdhet (CSAT): ingen öppen åtgärd; Lösningsgrad enligt kund (FCR): ingen öppen åtgärd.", summary);
        Assert.Single(summary, s => s.Contains("CSAT", StringComparison.Ordinal) && s.Contains("under målet", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reason_whose_repeats_rose_clearly_is_named_with_both_months()
    {
        var faktura = new ReasonHighlight("FAKTURA", "Faktura", Counts(contacts: 2579, repeats: 487), Counts(contacts: 2400, repeats: 341), []);
        var flytt = new ReasonHighlight("FLYTT", "Flytt", Counts(contacts: 900, repeats: 150), Counts(contacts: 900, repeats: 160), []);
        var summary = Write(Report(Counts(contacts: 5000, responses: 100, positive: 80), Counts(contacts: 5000, responses: 100, positive: 80), byRepeats: [flytt, faktura]))
            .Select(s => s.Replace('\u00a0', ' ')).ToList();
        Assert.Contains(summary, s => s.StartsWith("Återkontaktsgrad för ”Faktura” steg från 14,2 % till 18,9 % (n = 2 579 kontakter)", StringComparison.Ordinal));
    }

    [Fact]
    public void Engagement_names_how_many_teams_are_shown_and_the_lowest()
    {
        var engagement = new EngagementMonth(March,
        [
            new TeamEngagementMonth("Team A", new EngagementResult(8, 72.5, 25, 8, false), KpiCounts.Empty),
            new TeamEngagementMonth("Team B", new EngagementResult(6, 58.3, -10, 6, false), KpiCounts.Empty),
            new TeamEngagementMonth("Team C", EngagementResult.Hidden, KpiCounts.Empty),
        ], new CombinedEngagement(March, new EngagementResult(14, 66.1, 10, 14, false), 2, 1), AnyAnswers: true);
        var summary = Write(Report(Counts(responses: 100, positive: 80, contacts: 500), KpiCounts.Empty, engagement: engagement));
        Assert.Contains("Engagemangsindex 66,1 (eNPS +10,0) för 2 team med minst 5 svar; lägst Team B (58,3); 1 team hade för få svar för att visas.", summary);
    }

    [Fact]
    public void Callbacks_give_cases_SLA_and_recovery_with_n_and_the_target_when_missed()
    {
        var callbacks = new CallbackMonth(CallbackKpisOf(flagged: 120, slaDue: 96, slaMet: 84, answered: 20, recovered: 13), CallbackKpisOf());
        var summary = Write(Report(Counts(responses: 100, positive: 80, contacts: 500), KpiCounts.Empty, callbacks: callbacks))
            .Select(s => s.Replace('\u00a0', ' ')).ToList();
        // 84/96 = 87,5 % is amber against ≥ 90; 13/20 = 65,0 % is a small sample, so no verdict on it.
        Assert.Contains("Återuppringning: 120 ärenden flaggades; Återuppringning inom SLA 87,5 % (n = 96), nära målet ≥ 90,0 %; Återvunna kunder 65,0 % (n = 20, litet underlag).", summary);
    }

    [Fact]
    public void An_empty_month_says_so_and_nothing_else()
    {
        var summary = Write(Report(KpiCounts.Empty, Counts(responses: 100, positive: 80, contacts: 500)));
        Assert.Equal(["Inga kontakter eller enkätsvar registrerades i mars 2026."], summary);
    }
}
