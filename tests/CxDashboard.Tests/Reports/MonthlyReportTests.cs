using System.Globalization;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Reports;

public sealed class MonthlyReportTestsOnSqlite(MonthlyReportTests<OnSqlite>.Fixture fixture) : MonthlyReportTests<OnSqlite>(fixture);

public sealed class MonthlyReportTestsOnPostgres(MonthlyReportTests<OnPostgres>.Fixture fixture) : MonthlyReportTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>
/// The monthly job on the hand-computed March 2026 (see <see cref="ReportDataset"/>), run as the schedule would on
/// 1 April at 06:00; the PDF it writes is opened and read like a reader would.
/// </summary>
public abstract class MonthlyReportTests<TDb>(MonthlyReportTests<TDb>.Fixture fixture) : IClassFixture<MonthlyReportTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new(TDb.Provider);
        public ReportLibraryEntry Entry { get; private set; } = null!;
        public PdfText Pdf { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App.Clock.SetUtcNow(ReportDataset.JobTime);
            await ReportDataset.LoadAsync(App);
            Entry = await App.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportJob>().RunAsync(null, null, CancellationToken.None));
            Pdf = PdfText.Read(await App.MonthlyPdfAsync("2026-03"));
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private PdfText Pdf => fixture.Pdf;

    [DbFact]
    public async Task The_scheduled_run_writes_the_previous_month_to_the_library()
    {
        var entry = fixture.Entry;
        Assert.Equal(new DateOnly(2026, 3, 1), entry.Month);
        Assert.Equal(MonthlyReportJob.ScheduledBy, entry.CreatedBy);
        Assert.Equal(ReportDataset.JobTime.UtcDateTime, entry.CreatedAtUtc);

        var pdf = await fixture.App.MonthlyPdfAsync("2026-03");
        Assert.Equal(pdf.Length, entry.SizeBytes);
        Assert.Equal(Pdf.Pages.Count, entry.PageCount);
        Assert.InRange(Pdf.Pages.Count, 2, 6);

        var rows = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ReportLibrary.ToListAsync());
        Assert.Equal(entry.Id, Assert.Single(rows).Id);
    }

    [DbFact]
    public void It_reads_as_a_Swedish_report_with_its_title_and_page_numbers()
    {
        Assert.Equal("Kundupplevelse – mars 2026", Pdf.Title);
        Assert.StartsWith("Kundupplevelse – mars 2026", Pdf.Pages[0]);
        Assert.Contains("Sammanfattning", Pdf.Pages[0]);
        for (var page = 1; page <= Pdf.Pages.Count; page++)
            Assert.Contains($"Sida {page} av {Pdf.Pages.Count}", Pdf.Pages[page - 1]);
        Assert.Contains("1–31 mars 2026, alla team och kanaler, jämfört med februari 2026 och mars 2025", Pdf.Pages[0]);
        Assert.Contains("Siffror per 2026-04-01 06:00 (Europe/Stockholm)", Pdf.Pages[0]);
    }

    [DbFact]
    public async Task The_headline_CSAT_is_the_kpis_verb_figure_rounded_as_shown()
    {
        var kpis = await CliRunner.RunAsync(fixture.App.ConnectionString, ReportDataset.JobTime, "kpis", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json");
        Assert.Equal(0, kpis.ExitCode);
        var csat = kpis.Json.GetProperty("csatPercent").GetDouble();
        Assert.Equal(ReportDataset.MarchCsatPercent, csat, 9);
        Assert.Equal(47, kpis.Json.GetProperty("responses").GetInt64());
        var shown = csat.ToString("0.0", CultureInfo.GetCultureInfo("sv-SE")) + " %";
        Assert.Equal(ReportDataset.MarchCsatShown, shown);

        // The CSAT tile: name, value, n, target status, against February and March 2025.
        Assert.Contains($"Kundnöjdhet (CSAT) {shown} n = 47 svar Når målet 0,9 p.e. bättre än målet ≥ 80,0 % Mot februari: ▲ 10,9 p.e., bättre (70,0 %) Mot mars 2025: ▲ 0,9 p.e., bättre (80,0 %)", Pdf.Pages[0]);
    }

    [DbFact]
    public void Every_headline_KPI_shows_its_value_n_and_comparisons()
    {
        var first = Pdf.Pages[0];
        Assert.Contains("Lösningsgrad enligt kund (FCR) 80,9 % n = 47 svar Når målet 5,9 p.e. bättre än målet ≥ 75,0 %", first);
        Assert.Contains("Lösningsgrad (FCR) 75,0 % n = 40 avgörbara kontakter Under målet 5,0 p.e. under målet ≥ 80,0 %", first);
        Assert.Contains("Återkontaktsgrad 16,7 % n = 60 kontakter Under målet 1,7 p.e. över målet ≤ 15,0 %", first);
        Assert.Contains("NPS +29,8 n = 47 svar", first);
        Assert.Contains("Kontakter 60 0,0 % via självservice/bot Volym, inget mål Mot februari: ▲ 50,0 % (40) Mot mars 2025: ▲ 100,0 % (30)", first);
        // Contact-based FCR leaves out the month's last days and says so.
        Assert.Contains("Lösningsgrad (FCR): 20 kontakter från månadens sista 7 dagar kan ännu inte avgöras", first);
    }

    [DbFact]
    public void The_summary_claims_only_clear_changes_and_names_the_reasons()
    {
        var first = Pdf.Pages[0];
        // 38/47 against 28/40 is not a clear change at these sample sizes (z ≈ 1.2), so the summary does not say "rose".
        Assert.Contains("Kundnöjdhet (CSAT) var i stort sett oförändrad på 80,9 % (n = 47; februari 70,0 %), når målet ≥ 80,0 %. Mars 2025: 80,0 %.", first);
        Assert.DoesNotContain("Kundnöjdhet (CSAT) steg", first);
        Assert.Contains("60 kontakter (▲ 50,0 % mot februari), varav 0,0 % via självservice/bot.", first);
        // Clear movements, largest first (z ≈ −3.4 and 2.7); NPS (z ≈ 2.6) is third and left out.
        Assert.Contains("Lösningsgrad (FCR) sjönk 25,0 procentenheter till 75,0 % (n = 40), 5,0 p.e. under målet ≥ 80,0 %.", first);
        Assert.Contains("Återkontaktsgrad steg 16,7 procentenheter till 16,7 % (n = 60), 1,7 p.e. över målet ≤ 15,0 %.", first);
        Assert.DoesNotContain("NPS steg", first);
        // Invoices' repeats rose clearly (0 of 40 in February); their dissatisfaction fell, so the most dissatisfied reason is named instead.
        Assert.Contains("Återkontaktsgrad för ”Fråga om faktura” steg från 0,0 % till 25,0 % (n = 40 kontakter); " +
                        "flest missnöjda kunder gällde ”Fråga om faktura”: 8 av 30 svar (26,7 %).", first);
        Assert.Contains("Engagemangsindex 75,0 (eNPS +50,0) för 1 team med minst 5 svar; 1 team hade för få svar för att visas.", first);
    }

    [DbFact]
    public void Contact_reasons_are_ranked_with_real_customer_comments_as_plain_text()
    {
        var text = Pdf.All;
        Assert.Contains("Kontaktorsaker som ger missnöjda kunder", text);
        Assert.Contains("Fråga om faktura 8 30 26,7 % ▼ 3,3 p.e. 73,3 %", text);
        // 1 of 17 is a small sample and is marked.
        Assert.Contains("Teknisk felanmälan 1 17 5,9 % †", text);
        Assert.Contains($"”{ReportDataset.DissatisfiedComment}”", text);
        // A comment that looks like a spreadsheet formula is printed as the customer wrote it.
        Assert.Contains(PdfText.Normalise($"”{ReportDataset.FormulaComment}”"), text);
        Assert.Contains("Fråga om faktura · telefon · CSAT 1 · 15 mars", text);

        Assert.Contains("Kontaktorsaker som ger återkontakter", text);
        Assert.Contains("Fråga om faktura 10 40 25,0 % ▲ 25,0 p.e. 75,0 %", text);
        Assert.Contains($"”{ReportDataset.RepeatComment}”", text);
        Assert.Contains("Fråga om faktura · chatt · CSAT 2 · 5 mars", text);
    }

    [DbFact]
    public void Channel_mix_gives_each_channels_share()
    {
        var text = Pdf.All;
        Assert.Contains("Kanalmix", text);
        Assert.Contains("Telefon 30 50,0 %", text);
        Assert.Contains("Chatt 10 16,7 %", text);
        Assert.Contains("E-post 20 33,3 %", text);
        Assert.Contains("Totalt 60 100,0 %", text);
    }

    [DbFact]
    public void Engagement_is_shown_only_for_teams_with_five_answers()
    {
        var text = Pdf.All;
        Assert.Contains("Engagemang och kundupplevelse per team", text);
        Assert.Contains("T1 6 75,0 † +50,0 † 73,3 % 30 75,0 %", text);
        Assert.Contains("Alla team som visas (utan 1 med färre än 5 svar) 6 75,0 † +50,0 †", text);
        Assert.Contains("T2 < 5 färre än 5 svar –", text);
        // T2's three answers would give an index of 66,7 and eNPS +33,3: neither may appear anywhere.
        Assert.DoesNotContain("66,7", text);
        Assert.DoesNotContain("+33,3", text);
    }

    [DbFact]
    public void Without_a_closed_maturity_round_the_section_says_so()
    {
        Assert.Contains("Ingen mognadsmätning har avslutats före slutet av mars 2026.", Pdf.All);
    }

    [DbFact]
    public void The_trend_charts_are_vectors_with_their_text()
    {
        var text = Pdf.All;
        Assert.Contains("Utveckling de senaste 12 månaderna", text);
        Assert.Contains("April 2025 – mars 2026, per kalendermånad.", text);
        // Chart titles and the target legend are drawn as text, not pictures.
        Assert.Contains("Återkontaktsgrad %", text);
        Assert.Contains("Mål", text);
    }

    [DbFact]
    public async Task The_web_version_shows_the_same_report()
    {
        var client = await fixture.App.SignedInClientAsync("leader@reports.test", Roles.Leadership);
        var page = await Html.GetDocumentAsync(client, "/Reports/Monthly?month=2026-03");
        Assert.Equal("Kundupplevelse – mars 2026", Assert.Single(page.QuerySelectorAll("h1")).Text());
        Assert.Equal("sv", page.DocumentElement.GetAttribute("lang"));
        var csat = Assert.Single(page.QuerySelectorAll(".tile"), t => t.QuerySelector(".name").Text() == "Kundnöjdhet (CSAT)");
        Assert.Equal(ReportDataset.MarchCsatShown, csat.QuerySelector(".value").Text());
        Assert.Equal(["n = 47 svar", "Når målet", "0,9 p.e. bättre än målet ≥ 80,0 %", "Mot februari: ▲ 10,9 p.e., bättre (70,0 %)", "Mot mars 2025: ▲ 0,9 p.e., bättre (80,0 %)"],
            csat.QuerySelectorAll(".line").Select(line => line.Text()));

        // Every summary sentence of the web version is in the PDF, word for word.
        var sentences = page.QuerySelectorAll("section.summary li").Select(li => li.Text()).ToList();
        Assert.True(sentences.Count >= 4, string.Join(" | ", sentences));
        Assert.All(sentences, sentence => Assert.Contains(PdfText.Normalise(sentence), Pdf.Pages[0]));

        // Charts carry a description in words and their numbers as a table.
        var chart = page.QuerySelector("svg[role=img][aria-label^='CSAT för 12 perioder från apr 2025 till mar']");
        Assert.NotNull(chart);
        Assert.Contains("Mål 80,0.", chart!.GetAttribute("aria-label"));
        Assert.Contains($"{ReportDataset.DissatisfiedComment}", page.QuerySelector("#missnojda")!.ParentElement!.Text());
    }

    private async Task<int> TeamIdAsync(string name) =>
        await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    private async Task<PdfText> DownloadAsync(HttpClient client, string expectedFileName)
    {
        var response = await client.GetAsync("/Reports/Download/2026-03");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expectedFileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        return PdfText.Read(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_team_limited_manager_gets_the_report_of_their_team_on_the_web_and_as_PDF()
    {
        var t1 = await TeamIdAsync("T1");
        var client = await fixture.App.SignedInClientAsync("lead-t1@reports.test", Roles.Manager, t1);

        var page = await Html.GetDocumentAsync(client, "/Reports/Monthly?month=2026-03");
        Assert.Equal("Kundupplevelse – mars 2026 – T1", Assert.Single(page.QuerySelectorAll("h1")).Text());
        var text = page.Body!.TextContent;
        // T1 handles invoices only: T2's faults, their comment and T2's engagement row are not in it.
        Assert.Contains("Fråga om faktura", text);
        Assert.DoesNotContain("Teknisk felanmälan", text);
        var contacts = Assert.Single(page.QuerySelectorAll(".tile"), t => t.QuerySelector(".name")!.Text() == "Kontakter");
        Assert.Equal("40", contacts.QuerySelector(".value")!.Text());
        Assert.DoesNotContain(page.QuerySelectorAll("section#engagemang tr, section[aria-labelledby=engagemang] tbody tr"), row => row.Text().StartsWith("T2", StringComparison.Ordinal));

        var pdf = await DownloadAsync(client, $"cx-report-2026-03-teams-{t1}.pdf");
        Assert.Equal("Kundupplevelse – mars 2026 – T1", pdf.Title);
        Assert.StartsWith("Kundupplevelse – mars 2026 – T1", pdf.Pages[0]);
        Assert.Contains("Månadsrapport för T1", pdf.Pages[0]);
        Assert.DoesNotContain("Teknisk felanmälan", pdf.All);
        Assert.Contains("Kontakter 40 ", pdf.Pages[0]);
    }

    [Fact]
    public async Task Team_reports_are_never_served_across_scopes_and_leadership_keeps_the_organisations()
    {
        var (t1, t2) = (await TeamIdAsync("T1"), await TeamIdAsync("T2"));
        var first = await fixture.App.SignedInClientAsync("cache-t1@reports.test", Roles.Manager, t1);
        var second = await fixture.App.SignedInClientAsync("cache-t2@reports.test", Roles.Manager, t2);
        var leader = await fixture.App.SignedInClientAsync("cache-leader@reports.test", Roles.Leadership);

        var t1Pdf = await DownloadAsync(first, $"cx-report-2026-03-teams-{t1}.pdf");
        var t2Pdf = await DownloadAsync(second, $"cx-report-2026-03-teams-{t2}.pdf");
        var again = await DownloadAsync(first, $"cx-report-2026-03-teams-{t1}.pdf");
        var organisation = await DownloadAsync(leader, "cx-report-2026-03.pdf");

        Assert.Equal("Kundupplevelse – mars 2026 – T2", t2Pdf.Title);
        Assert.Contains("Teknisk felanmälan", t2Pdf.All);
        Assert.DoesNotContain("Fråga om faktura", t2Pdf.All);
        Assert.Equal(t1Pdf.All, again.All);
        Assert.Equal("Kundupplevelse – mars 2026", organisation.Title);
        Assert.Contains("Teknisk felanmälan", organisation.All);
        Assert.Contains("Fråga om faktura", organisation.All);

        var t2Page = await Html.GetDocumentAsync(second, "/Reports/Monthly?month=2026-03");
        Assert.Equal("Kundupplevelse – mars 2026 – T2", Assert.Single(t2Page.QuerySelectorAll("h1")).Text());
        var library = await Html.GetDocumentAsync(second, "/Reports");
        Assert.NotNull(library.QuerySelector("[data-testid=team-report-note]"));
    }
}
