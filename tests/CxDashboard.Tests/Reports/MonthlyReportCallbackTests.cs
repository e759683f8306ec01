using CxDashboard.Tests.Callbacks;
using CxDashboard.Web.Features.Reports;
using Microsoft.Extensions.DependencyInjection;

using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Reports;

public sealed class MonthlyReportCallbackTestsOnSqlite(MonthlyReportCallbackTests<OnSqlite>.Fixture fixture) : MonthlyReportCallbackTests<OnSqlite>(fixture);

public sealed class MonthlyReportCallbackTestsOnPostgres(MonthlyReportCallbackTests<OnPostgres>.Fixture fixture) : MonthlyReportCallbackTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>
/// The report's callback section over the worked callback history of <see cref="CallbackKpiTests"/> (May 2026 as of
/// 13 May 12:00 Stockholm): 5 cases flagged, 3 closed (reached and resolved, reached not resolved, declined), SLA met
/// 2 of 5, median 23 h to the first attempt, root causes FAKTURA 2 and FEL 1, recovery 1 of 2 follow-up answers.
/// </summary>
public abstract class MonthlyReportCallbackTests<TDb>(MonthlyReportCallbackTests<TDb>.Fixture fixture) : IClassFixture<MonthlyReportCallbackTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public JobDrivenAppFactory App { get; } = new(TDb.Provider);
        public PdfText Pdf { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await CallbackKpiTests.PlayMayAsync(App);
            var generated = await App.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportGenerator>().GenerateAsync(new DateOnly(2026, 5, 1)));
            Pdf = PdfText.Read(generated.Pdf.Content);
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private string Text => fixture.Pdf.All;

    [DbFact]
    public void Cases_SLA_and_recovery_are_shown_with_their_n_and_small_samples_marked()
    {
        Assert.Contains("Återuppringning av missnöjda kunder", Text);
        Assert.Contains("Per 2026-05-13 12:00: 2 öppna ärenden, varav 2 försenade och 2 eskalerade.", Text);
        Assert.Contains("Flaggade ärenden 5 3 avslutade under månaden Volym, inget mål Mot april: – (0) Median till första försök: 23,0 h (n = 3)", Text);
        Assert.Contains("Återuppringning inom SLA 40,0 % n = 5 förfallna ärenden † litet underlag Under målet 50,0 p.e. under målet ≥ 90,0 % Alla månadens ärenden är avgjorda", Text);
        Assert.Contains("Återvunna kunder 50,0 % n = 2 uppföljningssvar † litet underlag Under målet 10,0 p.e. under målet ≥ 60,0 % 2 uppföljningsenkäter skickade", Text);
    }

    [DbFact]
    public void Outcomes_and_root_causes_of_the_closed_cases_are_listed()
    {
        Assert.Contains("Utfall Ärenden Andel Nådd, löst 1 33,3 % Nådd, inte löst 1 33,3 % Gick inte att nå 0 0,0 % Avböjde 1 33,3 % Avslutade ärenden 3 100,0 %", Text);
        Assert.Contains("Grundorsak Ärenden Andel FAKTURA 2 66,7 % FEL 1 33,3 %", Text);
    }

    [DbFact]
    public void The_summary_gives_the_callback_figures_without_a_verdict_on_small_samples()
    {
        Assert.Contains("Återuppringning: 5 ärenden flaggades; Återuppringning inom SLA 40,0 % (n = 5, litet underlag); Återvunna kunder 50,0 % (n = 2, litet underlag).", fixture.Pdf.Pages[0]);
    }
}
