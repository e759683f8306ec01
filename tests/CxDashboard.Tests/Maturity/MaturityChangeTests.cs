using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Reports;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity;
using CxDashboard.Web.Features.Maturity.Scoring;
using CxDashboard.Web.Features.Presentation;
using CxDashboard.Web.Features.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Maturity;

/// <summary>
/// A change between rounds is computed once from the unrounded means and rounded only to be shown, the same way on the
/// round page and in the monthly PDF. Three raters score the four strategy statements 23 in all in the first round
/// (mean 23/12) and 26 in the second (26/12): a change of exactly 0.25 levels, which as a difference of doubles is
/// 0.24999999999999978. Shown with one decimal, half away from zero, it is 0,3 everywhere.
/// </summary>
public sealed class MaturityChangeTests(MaturityChangeTests.Fixture fixture) : IClassFixture<MaturityChangeTests.Fixture>
{
    private const string Ann = "ann@change.test", Bo = "bo@change.test", Admin = "admin@change.test";

    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public int Second { get; private set; }
        public PdfText Pdf { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await App.CreateUserAsync(Ann, Roles.Manager);
            await App.CreateUserAsync(Bo, Roles.Manager);
            await App.CreateUserAsync(Admin, Roles.Admin);
            var model = await MaturityTestData.CurrentModelAsync(App);
            // Strategy is the one capability below target, so the report's gap table shows it.
            static int Target(string capability) => capability == "strategy" ? 4 : 1;
            static Func<string, int, string?> Scores(int lastStrategyScore) => (c, i) => c == "strategy" ? (i == 3 ? lastStrategyScore.ToString() : "2") : "3";
            App.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 2, 10, 0, 0, TimeSpan.Zero));
            await MaturityTestData.ClosedRoundAsync(App, "Early April 2026", new DateOnly(2026, 4, 2),
                [new(Ann, MaturityTestData.Answers(model, Scores(2))), new(Bo, MaturityTestData.Answers(model, Scores(2))), new(Admin, MaturityTestData.Answers(model, Scores(1)))],
                Target);
            App.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 20, 10, 0, 0, TimeSpan.Zero));
            Second = await MaturityTestData.ClosedRoundAsync(App, "Late April 2026", new DateOnly(2026, 4, 20),
                [new(Ann, MaturityTestData.Answers(model, Scores(2))), new(Bo, MaturityTestData.Answers(model, Scores(3))), new(Admin, MaturityTestData.Answers(model, Scores(3)))],
                Target);

            App.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 1, 4, 0, 0, TimeSpan.Zero));
            await App.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportJob>().RunAsync(null, null, CancellationToken.None));
            Pdf = PdfText.Read(await App.MonthlyPdfAsync("2026-04"));
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    [Fact]
    public async Task The_round_page_and_the_monthly_pdf_show_the_same_change()
    {
        var client = await fixture.App.SignInAsync(Admin);
        var page = await Html.GetDocumentAsync(client, $"/Maturity/Rounds/{fixture.Second}");
        Assert.Equal("▲ 0,3", page.QuerySelector("tr[data-capability=strategy] [data-testid=change]")!.TextContent.Trim());
        Assert.Matches(@"Strategi, mål och mätning 2,2 4 1,8 ▲ 0,3 ", fixture.Pdf.All);
    }

    [Fact]
    public void A_change_is_the_difference_of_the_unrounded_means_rounded_half_away_from_zero_only_for_display()
    {
        var change = MaturityScoring.Difference(26.0 / 12, 23.0 / 12)!.Value;
        Assert.True(change < 0.25); // the double difference falls just short of the exact 0.25
        Assert.Equal(0.3, Display.RoundForDisplay(change, 1));
        Assert.Equal(-0.3, Display.RoundForDisplay(-change, 1));
        Assert.Equal(0.5, Display.RoundForDisplay(35.0 / 12 - 37.0 / 15, 1)); // 0.45 exactly, 0.44999999999999973 as doubles
        using var swedish = new CultureScope("sv-SE");
        Assert.Equal("▲ 0,3", MaturityDisplay.Change(change));
        Assert.Equal("▲ 0,3", ReportText.Change(26.0 / 12, 23.0 / 12, CxDashboard.Web.Features.Metrics.KpiUnit.Index));
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly System.Globalization.CultureInfo _before = System.Globalization.CultureInfo.CurrentCulture;
        public CultureScope(string name) => System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(name);
        public void Dispose() => System.Globalization.CultureInfo.CurrentCulture = _before;
    }
}
