using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Cli;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Reports;

public sealed class ReportCliTestsOnSqlite(ReportCliTests<OnSqlite>.Fixture fixture) : ReportCliTests<OnSqlite>(fixture);

public sealed class ReportCliTestsOnPostgres(ReportCliTests<OnPostgres>.Fixture fixture) : ReportCliTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>`report monthly`: into the library, into a file of one's own (PDF or the web version), and bad arguments.</summary>
public abstract class ReportCliTests<TDb>(ReportCliTests<TDb>.Fixture fixture) : IClassFixture<ReportCliTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new(TDb.Provider);
        public string OutputDirectory { get; } = Path.Combine(Path.GetTempPath(), $"cxdashboard-report-cli-{Guid.NewGuid():N}");

        public async Task InitializeAsync()
        {
            App.Clock.SetUtcNow(ReportDataset.JobTime);
            await ReportDataset.LoadAsync(App);
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            if (Directory.Exists(OutputDirectory)) Directory.Delete(OutputDirectory, recursive: true);
            return Task.CompletedTask;
        }
    }

    private Task<IReadOnlyList<ReportLibraryEntry>> LibraryAsync() =>
        fixture.App.WithScopeAsync<IReadOnlyList<ReportLibraryEntry>>(async sp => await sp.GetRequiredService<CxDbContext>().ReportLibrary.AsNoTracking().ToListAsync());

    [DbFact]
    public async Task With_out_it_writes_the_pdf_where_asked_and_leaves_the_library_alone()
    {
        var before = await LibraryAsync();
        var path = Path.Combine(fixture.OutputDirectory, "board", "mars.pdf");
        var run = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, "report", "monthly", "--month", "2026-03", "--out", path);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Wrote {path}: 2026-03, ", run.Out);
        var pdf = PdfText.Read(path);
        Assert.Contains($"pages, {new FileInfo(path).Length:N0} bytes", run.Out);
        Assert.Contains($"{pdf.Pages.Count} pages", run.Out);
        Assert.Contains($"Kundnöjdhet (CSAT) {ReportDataset.MarchCsatShown} n = 47 svar", pdf.Pages[0]);
        Assert.Equal(before.Count, (await LibraryAsync()).Count);
    }

    [DbFact]
    public async Task Without_out_it_goes_into_the_library_like_the_job()
    {
        var run = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime.AddHours(3), "report", "monthly", "--month", "2026-02");

        Assert.Equal(0, run.ExitCode);
        var entry = Assert.Single(await LibraryAsync(), e => e.Month == new DateOnly(2026, 2, 1));
        Assert.Equal(ReportVerbs.CreatedBy, entry.CreatedBy);
        Assert.Equal($"Stored 2026-02 in the report library: {entry.PageCount} pages, {entry.SizeBytes:N0} bytes in {entry.BuildMilliseconds} ms.", run.Out.Trim());
        Assert.StartsWith("Kundupplevelse – februari 2026", PdfText.Read(await fixture.App.MonthlyPdfAsync("2026-02")).Pages[0]);
    }

    [DbFact]
    public async Task The_web_version_goes_to_an_html_file()
    {
        var path = Path.Combine(fixture.OutputDirectory, "mars.html");
        var run = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, "report", "monthly", "--month", "2026-03", "--format", "html", "--out", path);

        Assert.Equal(0, run.ExitCode);
        var page = Html.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal("Kundupplevelse – mars 2026", page.QuerySelector("h1").Text());
        Assert.Equal(4, page.QuerySelectorAll("svg[role=img]").Length); // the four trends (no maturity round; the channel table needs no chart)
        Assert.Contains(ReportDataset.DissatisfiedComment, page.Body.Text());
    }

    /// <summary>
    /// The report in each language names KPIs and channels only in that language's words: every headline KPI and every
    /// channel of the month appears by its name in the language, and no name of the other language that differs from it.
    /// </summary>
    [DbTheory]
    [InlineData("sv-SE", "en-GB", "Kundupplevelse – mars 2026", "80,9 %")]
    [InlineData("en-GB", "sv-SE", "Customer experience – March 2026", "80.9 %")]
    public async Task Each_language_names_kpis_and_channels_only_in_its_own_words(string language, string other, string title, string csat)
    {
        var path = Path.Combine(fixture.OutputDirectory, $"report-{language}.pdf");
        var run = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, "report", "monthly", "--month", "2026-03", "--language", language, "--out", path);
        Assert.Equal(0, run.ExitCode);
        var pdf = PdfText.Read(path);
        Assert.StartsWith(title, pdf.Pages[0]);
        Assert.Contains(csat, pdf.Pages[0]);

        var (words, otherWords) = (Vocabulary.For(language), Vocabulary.For(other));
        KpiKind[] kpis = [KpiKind.CsatPercent, KpiKind.SurveyFcrPercent, KpiKind.ContactFcrPercent, KpiKind.RepeatContactRate, KpiKind.Nps,
            KpiKind.CallbackSlaMetPercent, KpiKind.RecoveryRate, KpiKind.EngagementIndex, KpiKind.Enps];
        var text = System.Text.RegularExpressions.Regex.Replace(pdf.All, @"\s+", " ");
        foreach (var kpi in kpis) Assert.Contains(words.Kpi(kpi), text);
        foreach (var channel in new[] { Channel.Phone, Channel.Chat, Channel.Email }) Assert.Contains(words.Channel(channel), text);

        var foreign = kpis.Select(otherWords.Kpi).Concat(Enum.GetValues<Channel>().Select(otherWords.Channel))
            .Where(name => !kpis.Select(words.Kpi).Concat(Enum.GetValues<Channel>().Select(words.Channel)).Any(own => own.Contains(name, StringComparison.Ordinal)))
            .Where(name => System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<!\p{{L}}){System.Text.RegularExpressions.Regex.Escape(name)}(?!\p{{L}})"))
            .ToList();
        Assert.True(foreign.Count == 0, $"{language} report names in {other}: {string.Join(", ", foreign)}");
    }

    [DbFact]
    public async Task Another_language_goes_to_a_file_and_an_unknown_one_is_refused()
    {
        var intoLibrary = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, "report", "monthly", "--month", "2026-03", "--language", "en-GB");
        Assert.Equal(CliApp.UsageError, intoLibrary.ExitCode);
        Assert.Equal("error: --language en-GB: the report library keeps the report in sv-SE; write another language with --out FILE", intoLibrary.Error.Trim());

        var unknown = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, "report", "monthly", "--month", "2026-03", "--language", "fi",
            "--out", Path.Combine(fixture.OutputDirectory, "fi.pdf"));
        Assert.Equal(CliApp.UsageError, unknown.ExitCode);
        // The one --language parser of every verb that writes a document.
        Assert.StartsWith("error: --language: 'fi' is not a language the product speaks; use sv-SE or en-GB.", unknown.Error.Trim());
        Assert.False(File.Exists(Path.Combine(fixture.OutputDirectory, "fi.pdf")));
    }

    [DbTheory]
    [InlineData("2026-3", "--month: '2026-3' is not a month (use YYYY-MM, e.g. 2026-03)")]
    [InlineData("mars", "--month: 'mars' is not a month (use YYYY-MM, e.g. 2026-03)")]
    [InlineData("../2026-03", "--month: '../2026-03' is not a month (use YYYY-MM, e.g. 2026-03)")]
    public async Task A_bad_month_is_a_usage_error_that_writes_nothing(string month, string message)
    {
        var before = await LibraryAsync();
        var run = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, "report", "monthly", "--month", month);
        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Equal($"error: {message}", run.Error.Trim());
        Assert.Equal(before.Count, (await LibraryAsync()).Count);
    }

    [DbFact]
    public async Task The_web_version_needs_a_file_to_go_to()
    {
        var run = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, "report", "monthly", "--month", "2026-03", "--format", "html");
        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Equal("error: --format html needs --out FILE.html (the library keeps PDFs)", run.Error.Trim());
    }

    [Fact]
    public async Task Report_coaching_writes_a_team_pack_as_PDF_and_an_agent_pack_as_Excel()
    {
        var (teamId, agentId) = await fixture.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            return (await db.Teams.Where(t => t.Name == "T1").Select(t => t.Id).SingleAsync(), await db.Agents.Where(a => a.ExternalId == "A1").Select(a => a.Id).SingleAsync());
        });
        var pdfPath = Path.Combine(fixture.OutputDirectory, "packs", "t1.pdf");
        var team = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, "report", "coaching", "--team", teamId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--from", "2026-03-01", "--to", "2026-03-31", "--out", pdfPath, "--language", "en-GB");
        Assert.Equal(0, team.ExitCode);
        Assert.StartsWith($"Wrote {pdfPath}: coaching-t1-2026-03-01-2026-03-31.pdf", team.Out);
        var pdf = PdfText.Read(pdfPath);
        Assert.Contains("Coaching pack: T1", pdf.All);
        Assert.Contains("Anna Andersson", pdf.All);
        Assert.DoesNotContain("Bertil Berg", pdf.All);

        var xlsxPath = Path.Combine(fixture.OutputDirectory, "packs", "a1.xlsx");
        var agent = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, "report", "coaching", "--agent", agentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--from", "2026-03-01", "--to", "2026-03-31", "--format", "xlsx", "--out", xlsxPath, "--language", "en-GB");
        Assert.Equal(0, agent.ExitCode);
        using var workbook = new ClosedXML.Excel.XLWorkbook(xlsxPath);
        Assert.Contains(workbook.Worksheets, sheet => sheet.Name == "Scorecard");

        var neither = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, "report", "coaching", "--from", "2026-03-01", "--to", "2026-03-31", "--out", pdfPath);
        Assert.Equal(CliApp.UsageError, neither.ExitCode);
        var backwards = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, "report", "coaching", "--team", teamId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--from", "2026-03-31", "--to", "2026-03-01", "--out", pdfPath);
        Assert.Equal(CliApp.UsageError, backwards.ExitCode);
    }

    [Fact]
    public async Task Report_coaching_writes_the_organisations_language_unless_language_chooses_the_other()
    {
        var teamId = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "T1").Select(t => t.Id).SingleAsync());
        var id = teamId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = Path.Combine(fixture.OutputDirectory, "packs", "t1-language.pdf");

        // No --language: the organisation's language (here without the test host's English words).
        var organisation = new Dictionary<string, string?> { ["Organisation:Language"] = "sv-SE", ["Localization:DefaultUiCulture"] = null };
        var swedish = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, organisation, "report", "coaching", "--team", id, "--from", "2026-03-01", "--to", "2026-03-31", "--out", path);
        Assert.Equal(0, swedish.ExitCode);
        var sv = PdfText.Read(path).All;
        Assert.Contains("Coachningspaket: T1", sv);
        Assert.Contains("Nyckeltal jämfört med teamet och målet", sv);
        Assert.Contains(Web.Features.Presentation.Vocabulary.For("sv-SE").Kpi(Web.Features.Metrics.KpiKind.RepeatContactRate), sv);
        Assert.DoesNotContain("Coaching pack", sv);
        Assert.DoesNotContain("UTC", sv);

        var english = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, organisation, "report", "coaching", "--team", id, "--from", "2026-03-01", "--to", "2026-03-31", "--out", path,
            "--language", "en-GB");
        Assert.Equal(0, english.ExitCode);
        var en = PdfText.Read(path).All;
        Assert.Contains("Coaching pack: T1", en);
        Assert.Contains("Repeat-contact rate", en);
        Assert.DoesNotContain("Coachningspaket", en);

        var unknown = await CliRunner.RunAsync(fixture.App, ReportDataset.JobTime, "report", "coaching", "--team", id, "--from", "2026-03-01", "--to", "2026-03-31", "--out", path,
            "--language", "de-DE");
        Assert.Equal(CliApp.UsageError, unknown.ExitCode);
        Assert.Contains("--language: 'de-DE' is not a language the product speaks; use sv-SE or en-GB.", unknown.Error);
    }
}
