using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Callbacks;

namespace CxDashboard.Tests.Callbacks;

/// <summary>The flagging rules, the priority formula and the SLA words, as plain functions.</summary>
public sealed class CallbackRulesTests
{
    private static readonly CallbackRules Defaults = new(new CallbackSettings());

    [Theory]
    [InlineData(1, null, CallbackRule.LowCsat)]
    [InlineData(2, true, CallbackRule.LowCsat)]
    [InlineData(2, false, CallbackRule.LowCsat)] // one trigger per response: the more severe rule
    [InlineData(3, false, CallbackRule.NotResolved)]
    [InlineData(3, true, null)]
    [InlineData(3, null, null)]
    [InlineData(4, false, null)]
    [InlineData(5, false, null)]
    public void Responses_flag_by_the_default_thresholds(int csat, bool? resolved, CallbackRule? expected) =>
        Assert.Equal(expected, Defaults.ForResponse(SurveyResponseKind.PostContact, csat, resolved));

    [Fact]
    public void A_follow_up_response_never_flags() =>
        Assert.Null(Defaults.ForResponse(SurveyResponseKind.CallbackFollowUp, 1, false));

    [Fact]
    public void Thresholds_and_switches_are_the_settings()
    {
        var rules = new CallbackRules(new CallbackSettings { LowCsatMax = 3, NotResolvedEnabled = true, NotResolvedCsatMax = 4 });
        Assert.Equal(CallbackRule.LowCsat, rules.ForResponse(SurveyResponseKind.PostContact, 3, true));
        Assert.Equal(CallbackRule.NotResolved, rules.ForResponse(SurveyResponseKind.PostContact, 4, false));
        var off = new CallbackRules(new CallbackSettings { LowCsatEnabled = false, NotResolvedEnabled = false });
        Assert.Null(off.ForResponse(SurveyResponseKind.PostContact, 1, false));
    }

    private static readonly DateTime T0 = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_third_contact_within_seven_days_triggers_and_the_window_is_inclusive()
    {
        var exactly = new[] { T0, T0.AddDays(3), T0.AddDays(7) };
        Assert.Equal([(2, 3)], Defaults.RepeatTriggers(exactly));
        var oneSecondTooLate = new[] { T0, T0.AddDays(3), T0.AddDays(7).AddSeconds(1) };
        Assert.Empty(Defaults.RepeatTriggers(oneSecondTooLate));
    }

    [Fact]
    public void Every_contact_that_completes_a_count_triggers_with_its_count()
    {
        var starts = new[] { T0, T0.AddDays(1), T0.AddDays(2), T0.AddDays(3), T0.AddDays(20), T0.AddDays(21) };
        Assert.Equal([(2, 3), (3, 4)], Defaults.RepeatTriggers(starts));
        var twoInThree = new CallbackRules(new CallbackSettings { RepeatContacts = 2, RepeatWindowDays = 3 });
        Assert.Equal([(1, 2), (2, 3), (3, 4), (5, 2)], twoInThree.RepeatTriggers(starts));
        Assert.Empty(new CallbackRules(new CallbackSettings { RepeatContactsEnabled = false }).RepeatTriggers(starts));
    }

    [Fact]
    public void Priority_puts_CSAT_1_before_CSAT_2_and_rises_with_repeats_and_age()
    {
        var now = T0;
        int Priority(params (CallbackRule, int?)[] triggers) => CallbackPriority.Compute(triggers, now, now);
        Assert.Equal(50, Priority((CallbackRule.LowCsat, 1)));
        Assert.Equal(40, Priority((CallbackRule.LowCsat, 2)));
        Assert.Equal(30, Priority((CallbackRule.NotResolved, 3)));
        Assert.Equal(30, Priority((CallbackRule.RepeatContacts, null)));
        Assert.Equal(60, Priority((CallbackRule.LowCsat, 2), (CallbackRule.LowCsat, 2), (CallbackRule.LowCsat, 2)));
        Assert.Equal(70, Priority((CallbackRule.LowCsat, 1), (CallbackRule.RepeatContacts, null), (CallbackRule.LowCsat, 2), (CallbackRule.LowCsat, 2)));

        var single = new[] { (CallbackRule.LowCsat, (int?)2) };
        Assert.Equal(40, CallbackPriority.Compute(single, T0, T0.AddHours(23)));
        Assert.Equal(45, CallbackPriority.Compute(single, T0, T0.AddHours(24)));
        Assert.Equal(70, CallbackPriority.Compute(single, T0, T0.AddDays(30))); // age points stop at 30
        Assert.Equal("Urgent", CallbackPriority.Label(70));
        Assert.Equal("High", CallbackPriority.Label(50));
        Assert.Equal("Normal", CallbackPriority.Label(49));
    }

    [Fact]
    public void The_SLA_reads_in_words()
    {
        var due = T0.AddHours(9);
        Assert.Equal(("Due", "in 5 h 0 min"), Words(SlaStatus.For(due, null, T0.AddHours(4))));
        Assert.Equal(("Due soon", "1 h 30 min left"), Words(SlaStatus.For(due, null, T0.AddHours(7.5))));
        Assert.Equal(("Overdue", "by 2 d 1 h, no attempt yet"), Words(SlaStatus.For(due, null, due.AddHours(49))));
        Assert.Equal(("SLA met", "first attempt 3 h 0 min before the due time"), Words(SlaStatus.For(due, T0.AddHours(6), due.AddDays(1))));
        Assert.Equal(("SLA missed", "first attempt 20 min after the due time"), Words(SlaStatus.For(due, due.AddMinutes(20), due.AddDays(1))));
        Assert.Equal("status-red", SlaStatus.For(due, null, due.AddMinutes(1)).CssClass);

        static (string, string) Words(SlaStatus s) => (s.Word, s.Detail);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Null(CallbackKpiService.Median([]));
        Assert.Equal(2, CallbackKpiService.Median([3, 1, 2]));
        Assert.Equal(2.5, CallbackKpiService.Median([4, 1, 3, 2]));
    }
}
