using System.Net.Http.Json;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Callbacks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static CxDashboard.Tests.Callbacks.CallbackKpiTests;

namespace CxDashboard.Tests.Callbacks;

public sealed class CallbackKpiTestsOnSqlite(CallbackKpiTests<OnSqlite>.Fixture fixture) : CallbackKpiTests<OnSqlite>(fixture);

public sealed class CallbackKpiTestsOnPostgres(CallbackKpiTests<OnPostgres>.Fixture fixture) : CallbackKpiTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>
/// Callback KPIs over a worked history of <see cref="CallbackDataset"/>, every number by hand (times UTC):
///
///   case  flagged (as of)   first trigger   due             first attempt         outcome (closed)               follow-up
///   CU1   05-05 14:30       05-05 14:00     05-06 14:00     05-06 08:00 (18 h)    reached, resolved · FAKTURA     answered CSAT 5
///   CU3   05-08 09:00       05-06 10:00     05-07 10:00     05-08 11:30 (49.5 h)  declined · FEL                  –
///   CU9   05-08 09:00       05-07 12:00     05-08 12:00     05-08 11:00 (23 h)    reached, not resolved · FAKTURA answered CSAT 2
///   CU2   05-13 10:00       05-09 09:00     05-11 15:00     none                  open, overdue
///   CU6   05-13 10:00       05-11 07:00     05-12 07:00     none                  open, overdue
///
/// May 2026 as of 05-13 10:00: open 2, overdue 2; flagged 5; closed 3; SLA met 2 of 5 (CU1, CU9) = 40 %; median time to
/// first attempt over 18, 23, 49.5 h = 23 h (n = 3); root causes FAKTURA 2, FEL 1; recovery 1 of 2 answered = 50 %.
/// </summary>
public abstract class CallbackKpiTests<TDb>(CallbackKpiTests<TDb>.Fixture fixture) : IClassFixture<CallbackKpiTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public JobDrivenAppFactory App { get; } = new(TDb.Provider);
        public long Cu1, Cu3, Cu9;

        public async Task InitializeAsync() => (Cu1, Cu3, Cu9) = await PlayMayAsync(App);

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private Task<CallbackKpis> KpisAsync(DateOnly from, DateOnly to, int? team = null) => fixture.App.WithScopeAsync(sp =>
        sp.GetRequiredService<CallbackKpiService>().GetAsync(new CallbackKpiRequest { From = from, To = to, TeamId = team }));

    [DbFact]
    public async Task May_matches_the_hand_computed_numbers()
    {
        var k = await KpisAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31));
        Assert.Equal((2, 2, 2, 5, 3), (k.Open, k.Overdue, k.Escalated, k.Flagged, k.Closed));
        Assert.Equal((5, 2, 0), (k.SlaDue, k.SlaMet, k.SlaNotYetDue));
        Assert.Equal(40, k.SlaMetPercent!.Value, 9);
        Assert.Equal(3, k.FirstAttempts);
        Assert.Equal(23, k.MedianHoursToFirstAttempt!.Value, 9);
        Assert.Equal([("reached-resolved", 1L), ("reached-not-resolved", 1L), ("unreachable", 0L), ("declined", 1L)], k.Outcomes.Select(o => (o.Outcome, o.Cases)));
        Assert.Equal([("FAKTURA", 2L), ("FEL", 1L)], k.RootCauses.Select(r => (r.Reason, r.Cases)));
        Assert.Equal(200.0 / 3, k.RootCauses[0].Percent, 9);
        Assert.Equal((2, 2, 1), (k.FollowUpsSent, k.FollowUpsAnswered, k.FollowUpsRecovered));
        Assert.Equal(50, k.RecoveryRatePercent!.Value, 9);
        Assert.Equal(["slaMetPercent", "recoveryRatePercent"], k.SmallSamples);
        // Wilson 95 % for 2 of 5: 11.76 % to 76.93 %.
        Assert.Equal(11.76, k.SlaMetPercentInterval!.Value.Low, 2);
        Assert.Equal(76.93, k.SlaMetPercentInterval!.Value.High, 2);
    }

    [DbFact]
    public async Task A_period_counts_the_cases_due_in_it_and_a_team_only_its_cases()
    {
        // Only CU3 falls due on 7 May (12:00 local), and its first attempt came the next day.
        var seventh = await KpisAsync(new DateOnly(2026, 5, 7), new DateOnly(2026, 5, 7));
        Assert.Equal((1, 0), (seventh.SlaDue, seventh.SlaMet));
        Assert.Equal(0, seventh.SlaMetPercent);
        Assert.Equal(1, seventh.Flagged); // CU9's first trigger
        Assert.Equal((1, 100.0), (seventh.FollowUpsAnswered, seventh.RecoveryRatePercent)); // CU1's answer came on the 7th

        var t1 = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "T1").Select(t => t.Id).SingleAsync());
        var team = await KpisAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), t1);
        Assert.Equal((0, 3, 3, 2), (team.Open, team.Flagged, team.SlaDue, team.SlaMet)); // CU1, CU3, CU9; CU2 and CU6 are T2's
    }

    [DbFact]
    public async Task An_as_of_in_the_past_sees_the_cases_as_they_stood_then()
    {
        var then = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CallbackKpiService>().GetAsync(new CallbackKpiRequest
        {
            From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 31), AsOfUtc = At(5, 8, 10).UtcDateTime,
        }));
        // On 8 May 10:00: CU3 and CU9 open (CU3 overdue since 7 May), CU1 closed; due by then: CU1 (met), CU3 (missed); CU9 not yet.
        Assert.Equal((2, 1, 1), (then.Open, then.Overdue, then.Closed));
        Assert.Equal((2, 1, 1), (then.SlaDue, then.SlaMet, then.SlaNotYetDue));
        Assert.Equal((1, 0), (then.FollowUpsAnswered, then.Escalated)); // CU1's follow-up answered on 7 May; escalations came later
    }

    [DbFact]
    public async Task The_api_answers_the_same_numbers_with_a_read_key()
    {
        var key = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<ApiKeyService>().CreateAsync("kpi reader", ApiKeyScope.Read));
        var client = fixture.App.NewClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/callbacks/kpis?from=2026-05-01&to=2026-05-31");
        Assert.Equal(2, json.GetProperty("open").GetInt64());
        Assert.Equal(2, json.GetProperty("overdue").GetInt64());
        Assert.Equal(5, json.GetProperty("slaDue").GetInt64());
        Assert.Equal(40, json.GetProperty("slaMetPercent").GetDouble(), 9);
        Assert.Equal(23, json.GetProperty("medianHoursToFirstAttempt").GetDouble(), 9);
        Assert.Equal(2, json.GetProperty("followUpsAnswered").GetInt64());
        Assert.Equal(50, json.GetProperty("recoveryRatePercent").GetDouble(), 9);
        Assert.Equal("FAKTURA", json.GetProperty("rootCauses")[0].GetProperty("reason").GetString());
        Assert.Equal("Europe/Stockholm", json.GetProperty("timeZone").GetString());

        var team = await client.GetFromJsonAsync<JsonElement>("/api/v1/callbacks/kpis?from=2026-05-01&to=2026-05-31&team=T2");
        Assert.Equal(2, team.GetProperty("open").GetInt64());
        Assert.Equal(0, team.GetProperty("slaMetPercent").GetDouble()); // CU2 and CU6: due, no attempt

        var bad = await client.GetAsync("/api/v1/callbacks/kpis?from=2026-05-31&to=2026-05-01");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("before it starts", await bad.Content.ReadAsStringAsync());
        var unknownTeam = await client.GetAsync("/api/v1/callbacks/kpis?from=2026-05-01&to=2026-05-31&team=Nope");
        Assert.Contains("Unknown team 'Nope'", await unknownTeam.Content.ReadAsStringAsync());

        var cases = await client.GetFromJsonAsync<JsonElement>("/api/v1/callbacks?status=closed");
        Assert.Equal(["CU1", "CU3", "CU9"], cases.EnumerateArray().Select(c => c.GetProperty("customerId").GetString()).Order());

        var anonymous = fixture.App.NewClient();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/callbacks/kpis?from=2026-05-01&to=2026-05-31")).StatusCode);
    }

    [DbFact]
    public async Task The_dashboard_shows_the_callback_section_to_managers_and_not_to_agents()
    {
        var manager = await fixture.App.SignedInClientAsync("kpi-manager@test.local", Roles.Manager);
        var page = await Html.GetDocumentAsync(manager, "/?period=custom&from=2026-05-01&to=2026-05-31");
        var section = page.QuerySelector("[data-testid=callback-summary]")!;
        string Tile(string kpi) => section.QuerySelector($"[data-kpi={kpi}] [data-testid=kpi-value]").Text();
        Assert.Equal("2", Tile("CallbacksOpen"));
        Assert.Equal("2", Tile("CallbacksOverdue"));
        Assert.Equal("40,0 %", Tile("CallbackSlaMet"));
        Assert.Equal("cases due: 5", section.QuerySelector("[data-kpi=CallbackSlaMet] [data-testid=kpi-n]").Text());
        Assert.Equal("23,0 h", Tile("CallbackTimeToFirstAttempt"));
        Assert.Equal("50,0 %", Tile("CallbackRecoveryRate"));
        Assert.Equal("follow-ups answered: 2", section.QuerySelector("[data-kpi=CallbackRecoveryRate] [data-testid=kpi-n]").Text());
        // Against the default targets (SLA met ≥ 90 % green, ≥ 80 % amber; recovery ≥ 60 % green, ≥ 40 % amber), in words.
        Assert.Equal("■ Off target", section.QuerySelector("[data-kpi=CallbackSlaMet] [data-testid=kpi-status]").Text());
        Assert.Contains("target ≥ 90,0 %", section.QuerySelector("[data-kpi=CallbackSlaMet] .kpi-meta").Text());
        Assert.Equal("▲ Near target", section.QuerySelector("[data-kpi=CallbackRecoveryRate] [data-testid=kpi-status]").Text());
        Assert.Contains("target ≥ 60,0 %", section.QuerySelector("[data-kpi=CallbackRecoveryRate] .kpi-meta").Text());
        Assert.Equal(["Per Två", "Sex Upprepad"], section.QuerySelectorAll("[data-testid=escalated-cases] tbody tr td:first-child").Select(td => td.Text()));
        Assert.NotNull(section.QuerySelector("[data-testid=escalated-cases] a[href^='/Callbacks/Case/']"));
        Assert.Equal(["FAKTURA FAKTURA 2 66,7 %", "FEL FEL 1 33,3 %"], section.QuerySelectorAll("[data-testid=callback-root-causes] tbody tr").Select(Html.RowText));

        var leader = await fixture.App.SignedInClientAsync("kpi-leader@test.local", Roles.Leadership);
        var leaderPage = await Html.GetDocumentAsync(leader, "/?period=custom&from=2026-05-01&to=2026-05-31");
        Assert.Equal("40,0 %", leaderPage.QuerySelector("[data-kpi=CallbackSlaMet] [data-testid=kpi-value]").Text());
        Assert.Null(leaderPage.QuerySelector("[data-testid=escalated-cases] a")); // leadership reads, it does not open cases

        var agent = await fixture.App.SignedInClientAsync("kpi-agent@test.local", Roles.Agent);
        var agentPage = await Html.GetDocumentAsync(agent, "/?period=custom&from=2026-05-01&to=2026-05-31");
        Assert.Null(agentPage.QuerySelector("[data-testid=callback-summary]"));
    }
}

/// <summary>Helpers of this suite that other suites use too.</summary>
public static class CallbackKpiTests
{
    /// <summary>
    /// Plays the history in the table above into <paramref name="app"/> (also used by the monthly report's tests) and
    /// returns the ids of CU1's, CU3's and CU9's cases. Ends with the clock at <see cref="CallbackDataset.Now"/>.
    /// </summary>
    public static async Task<(long Cu1, long Cu3, long Cu9)> PlayMayAsync(JobDrivenAppFactory app)
    {
        await CallbackDataset.LoadAsync(app, At(5, 5, 14, 30));
        await app.CreateUserAsync("kpi-caller@test.local", Roles.Callback);
        var actor = new CallbackActor(await CallbackPages.UserIdAsync(app, "kpi-caller@test.local"), "kpi-caller", false, null);
        var reasons = await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ContactReasons.ToDictionaryAsync(r => r.Code, r => r.Id));

        await CallbackDataset.FlagAsync(app, At(5, 5, 14, 30));
        var cu1 = await CallbackDataset.CaseIdAsync(app, "CU1");
        await ActAsync(app, At(5, 6, 8), s => s.LogAttemptAsync(cu1, Attempt(CallbackAttemptResult.Reached), actor));
        await ActAsync(app, At(5, 6, 8, 10), s => s.CloseAsync(cu1, new CloseInput(CallbackOutcome.ReachedResolved, reasons["FAKTURA"], null, true), actor));

        await CallbackDataset.LoadAsync(app, At(5, 8, 9));
        await CallbackDataset.FlagAsync(app, At(5, 8, 9));
        var cu3 = await CallbackDataset.CaseIdAsync(app, "CU3");
        var cu9 = await CallbackDataset.CaseIdAsync(app, "CU9");
        await ActAsync(app, At(5, 8, 11), s => s.LogAttemptAsync(cu9, Attempt(CallbackAttemptResult.NoAnswer), actor));
        await ActAsync(app, At(5, 8, 11, 30), s => s.LogAttemptAsync(cu3, Attempt(CallbackAttemptResult.Reached), actor));
        await ActAsync(app, At(5, 8, 11, 40), s => s.CloseAsync(cu3, new CloseInput(CallbackOutcome.Declined, reasons["FEL"], null, false), actor));
        await ActAsync(app, At(5, 8, 14), s => s.LogAttemptAsync(cu9, Attempt(CallbackAttemptResult.Reached), actor));
        await ActAsync(app, At(5, 8, 14, 5), s => s.CloseAsync(cu9, new CloseInput(CallbackOutcome.ReachedNotResolved, reasons["FAKTURA"], null, true), actor));

        await AnswerFollowUpAsync(app, cu1, 5, At(5, 7, 9));
        await AnswerFollowUpAsync(app, cu9, 2, At(5, 9, 9));
        await CallbackDataset.LoadAsync(app);
        await CallbackDataset.FlagAsync(app, CallbackDataset.Now);
        await CallbackDataset.EscalateAsync(app, CallbackDataset.Now);
        return (cu1, cu3, cu9);
    }

    internal static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    internal static async Task ActAsync(CxAppFactory app, DateTimeOffset at, Func<CallbackCaseService, Task<CaseCommandResult>> action)
    {
        app.Clock.SetUtcNow(at);
        var result = await app.WithScopeAsync(sp => action(sp.GetRequiredService<CallbackCaseService>()));
        Assert.True(result.Succeeded, result.Message + " " + string.Join("; ", result.Errors));
    }

    internal static AttemptInput Attempt(CallbackAttemptResult result) => new(null, CallbackChannel.Phone, result, null);

    /// <summary>The customer answers the follow-up link (as the hosted survey records it).</summary>
    internal static Task AnswerFollowUpAsync(CxAppFactory app, long caseId, int csat, DateTimeOffset at) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CxDbContext>();
        var invitation = await db.SurveyInvitations.SingleAsync(i => i.CallbackCaseId == caseId);
        db.SurveyResponses.Add(new SurveyResponse
        {
            ExternalId = "answer-" + invitation.Id, ContactId = invitation.ContactId, ReceivedAtUtc = at.UtcDateTime, Csat = csat,
            Kind = SurveyResponseKind.CallbackFollowUp, CallbackCaseId = caseId,
        });
        await db.SaveChangesAsync();
    });
}
