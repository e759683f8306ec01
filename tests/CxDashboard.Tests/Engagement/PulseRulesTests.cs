using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Surveys;

namespace CxDashboard.Tests.Engagement;

/// <summary>The pulse statements file and the answer rules of the pulse and the survey (plain classes).</summary>
public sealed class PulseRulesTests
{
    private static string SeedFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seed-data", PulseStatements.FileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("seed-data/pulse-statements.json not found above the test folder");
    }

    [Fact]
    public void The_shipped_statements_cover_purpose_tools_coaching_workload_and_psychological_safety()
    {
        var statements = PulseStatements.Load(SeedFile());
        Assert.InRange(statements.All.Count, 1, 10);
        Assert.Equal(statements.All.Select(s => s.Item).Order(), statements.All.Select(s => s.Item));
        var themes = statements.All.Select(s => s.Theme).ToHashSet();
        Assert.Superset(new HashSet<string> { "purpose", "tools", "coaching", "workload", "psychological safety" }, themes);
        Assert.All(statements.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Sv) || string.IsNullOrWhiteSpace(s.En)));
    }

    [Fact]
    public void A_statements_file_with_reused_or_out_of_range_items_or_a_missing_language_is_rejected_with_every_reason()
    {
        var error = Assert.Throws<InvalidDataException>(() => PulseStatements.Parse(
            [new(1, "a", "Ett", "One"), new(1, "b", "Två", "Two"), new(11, "c", "Elva", ""),], "test.json"));
        Assert.Contains("item 11 is not 1–10", error.Message);
        Assert.Contains("item 11 needs its wording in both sv and en", error.Message);
        Assert.Contains("item 1 is used 2 times", error.Message);
        Assert.Throws<InvalidDataException>(() => PulseStatements.Parse([], "empty.json"));
    }

    [Fact]
    public void A_pulse_needs_one_statement_answered_within_1_to_5_and_an_enps_within_0_to_10()
    {
        var statements = PulseStatements.Parse([new(1, "a", "Ett", "One"), new(2, "b", "Två", "Two")], "test");
        Assert.Equal(PulseSubmitOutcome.Accepted, PulseAnswerRules.Check(new(null, new Dictionary<int, int?> { [2] = 5 }), statements));
        Assert.Equal(PulseSubmitOutcome.NothingAnswered, PulseAnswerRules.Check(new(9, new Dictionary<int, int?> { [1] = null }), statements));
        Assert.Equal(PulseSubmitOutcome.Invalid, PulseAnswerRules.Check(new(null, new Dictionary<int, int?> { [1] = 6 }), statements));
        Assert.Equal(PulseSubmitOutcome.Invalid, PulseAnswerRules.Check(new(null, new Dictionary<int, int?> { [3] = 4 }), statements));
        Assert.Equal(PulseSubmitOutcome.Invalid, PulseAnswerRules.Check(new(11, new Dictionary<int, int?> { [1] = 4 }), statements));
    }

    [Fact]
    public void A_survey_answer_needs_csat_1_to_5_and_resolved_while_nps_and_comment_are_optional()
    {
        Assert.Empty(SurveyAnswerRules.Problems(new(1, false, null, null)));
        Assert.Equal([SurveyAnswerField.Csat, SurveyAnswerField.Resolved], SurveyAnswerRules.Problems(new(null, null, 5, "x")));
        Assert.Equal([SurveyAnswerField.Csat, SurveyAnswerField.Nps], SurveyAnswerRules.Problems(new(6, true, 11, null)));
        Assert.Equal([SurveyAnswerField.Comment], SurveyAnswerRules.Problems(new(3, true, null, new string('x', 4001))));
        Assert.Null(SurveyAnswerRules.Normalise("   "));
        Assert.Equal("a\nb", SurveyAnswerRules.Normalise(" a\r\nb "));
    }

    [Theory]
    [InlineData(null, null, "2025-10", "2026-03")]
    [InlineData("2026-01", "2026-02", "2026-01", "2026-02")]
    [InlineData("2023-04", "2026-03", "2023-04", "2026-03")]
    [InlineData("", "2026-01", "2025-08", "2026-01")]
    public void The_engagement_page_shows_six_months_by_default_and_at_most_36(string? from, string? to, string expectedFrom, string expectedTo)
    {
        var (f, t) = EngagementReportService.Range(new EngagementFilter(from, to, null), new DateOnly(2026, 3, 1));
        Assert.Equal((expectedFrom, expectedTo), (EngagementReportService.MonthLabel(f), EngagementReportService.MonthLabel(t)));
    }

    [Theory]
    [InlineData("2026-02", "2026-01", "The period ends (2026-01) before it starts (2026-02)")]
    [InlineData("2020-01", "2026-03", "at most 36 months (three years)")]
    [InlineData("garbage", null, "from: 'garbage' is not a month (write it YYYY-MM).")]
    public void Months_backwards_over_three_years_or_unreadable_are_refused(string? from, string? to, string message) =>
        Assert.Contains(message, Assert.Throws<PeriodException>(() => EngagementReportService.Range(new EngagementFilter(from, to, null), new DateOnly(2026, 3, 1))).Message);
}
