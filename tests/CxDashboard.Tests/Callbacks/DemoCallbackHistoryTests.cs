using System.Diagnostics;
using System.Text.Json;
using CxDashboard.Tests.DemoData;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Features.Callbacks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CxDashboard.Tests.Callbacks;

/// <summary>The demo organisation's callback history: lived-in, plausible and the same on every seed.</summary>
public sealed class DemoCallbackHistoryTests(ITestOutputHelper output)
{
    private sealed class ShortDemoApp : CxAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Days", "35");
        }
    }

    private static async Task<string> SeedAsync(CxAppFactory app) => await app.WithScopeAsync(async sp =>
    {
        await sp.GetRequiredService<DemoSeeder>().SeedAsync();
        return JsonSerializer.Serialize(await sp.GetRequiredService<CallbackListingService>().ListAsync("all"));
    });

    [Fact]
    public async Task The_demo_seed_works_the_last_weeks_of_cases_through_the_real_workflow_deterministically()
    {
        using var app = new ShortDemoApp();
        using var again = new ShortDemoApp();
        var stopwatch = Stopwatch.StartNew();
        var listing = await SeedAsync(app);
        output.WriteLine($"Demo seed of 35 days with callback history: {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(listing, await SeedAsync(again));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            var open = await db.CallbackCases.CountAsync(c => c.Status == CallbackCaseStatus.Open);
            var closed = await db.CallbackCases.CountAsync(c => c.Status == CallbackCaseStatus.Closed);
            output.WriteLine($"{open} open, {closed} closed");
            Assert.InRange(open, 3, 60);
            Assert.True(closed > 5 * open, $"{closed} closed, {open} open");
            Assert.False(await db.CallbackCases.AnyAsync(c => c.Customer!.DoNotContact));
            Assert.False(await db.CallbackCases.AnyAsync(c => c.Status == CallbackCaseStatus.Closed && c.AttemptCount == 0));
            Assert.True(await db.CallbackCases.AnyAsync(c => c.Status == CallbackCaseStatus.Open && c.EscalatedAtUtc != null && c.FirstAttemptAtUtc == null));
            Assert.True(await db.CallbackCases.AnyAsync(c => c.Status == CallbackCaseStatus.Open && c.AssignedToUserId != null));
            Assert.Equal(4, await db.CallbackCases.Where(c => c.Outcome != null).Select(c => c.Outcome).Distinct().CountAsync());
            Assert.True(await db.CallbackCaseEvents.AnyAsync(e => e.Kind == CallbackEventKind.Assigned));
            Assert.True(await db.SurveyResponses.AnyAsync(r => r.Kind == SurveyResponseKind.CallbackFollowUp && r.CallbackCaseId != null));

            var today = new DateOnly(2026, 3, 31);
            var kpis = await sp.GetRequiredService<CallbackKpiService>().GetAsync(new CallbackKpiRequest { From = today.AddDays(-27), To = today });
            output.WriteLine($"SLA {kpis.SlaMetPercent:0.0} % of {kpis.SlaDue}, median {kpis.MedianHoursToFirstAttempt:0.0} h, recovery {kpis.RecoveryRatePercent:0.0} % of {kpis.FollowUpsAnswered}");
            Assert.InRange(kpis.SlaMetPercent!.Value, 60, 98);
            Assert.InRange(kpis.RecoveryRatePercent!.Value, 35, 90);
            Assert.True(kpis.FollowUpsAnswered >= 20);
            Assert.True(kpis.RootCauses.Count >= 5);

            // The simulated staff write their notes in Swedish; the customers' comments are Swedish apart from a few.
            var notes = await db.CallbackAttempts.Where(a => a.Note != null).Select(a => a.Note!).Distinct().ToListAsync();
            Assert.True(notes.Count >= 5, string.Join(" | ", notes));
            Assert.All(notes, n => Assert.True(LanguageGuess.LooksSwedish(n), n));
            var comments = await db.SurveyResponses.Where(r => r.Comment != null && r.Comment != "").Select(r => r.Comment!).ToListAsync();
            var english = comments.Count(LanguageGuess.LooksEnglish) / (double)comments.Count;
            output.WriteLine($"{comments.Count} customer comments in the seeded app, {english:P1} in English");
            Assert.True(comments.Count >= 200, $"{comments.Count} comments");
            Assert.InRange(english, 0.01, 0.0999);
            Assert.All(comments.Where(c => !LanguageGuess.LooksEnglish(c)), c => Assert.True(LanguageGuess.LooksSwedish(c), c));
        });

        // What the callback staff read on a worked case: their own Swedish note, under the demo login's Swedish name.
        var reached = await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().CallbackAttempts
            .Where(a => a.Result == CallbackAttemptResult.Reached).OrderBy(a => a.Id).Select(a => new { a.CaseId, a.Note }).FirstAsync());
        var client = app.NewClient();
        await Html.SignInAsync(client, CallbackDemoHistory.CallbackLogin, DemoSeeder.DemoPassword);
        var attempts = (await Html.GetDocumentAsync(client, CallbackPages.CaseUrl(reached.CaseId))).QuerySelector("[data-testid=attempts]").Text();
        Assert.Contains(reached.Note!, attempts);
        Assert.Matches("Återringningsansvarig \\(demo\\)|Kundservicechef \\(demo\\)", attempts);
    }
}
