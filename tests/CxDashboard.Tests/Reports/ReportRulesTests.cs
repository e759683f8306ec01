using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Reports;

namespace CxDashboard.Tests.Reports;

/// <summary>The report's plain rules: when a change is clear, how comments are cleaned, which months and folders are accepted.</summary>
public class ReportRulesTests
{
    [Fact]
    public void A_change_is_clear_only_when_unlikely_to_be_chance_and_at_least_half_a_point()
    {
        // 38/47 against 28/40: pooled p = 66/87, z = (0.8085 − 0.7) / 0.0921 ≈ 1.18: not clear despite 10.9 points.
        Assert.Equal(1.179, ChangeSignificance.ProportionZ(new Proportion(38, 47), new Proportion(28, 40))!.Value, 3);
        Assert.False(ChangeSignificance.IsClear(new Proportion(38, 47), new Proportion(28, 40)));
        // The same shares with ten times the answers: z ≈ 3.7, clear.
        Assert.True(ChangeSignificance.IsClear(new Proportion(380, 470), new Proportion(280, 400)));
        // Huge samples make 0.3 points "significant", but that is too small to tell leadership about.
        Assert.True(Math.Abs(ChangeSignificance.ProportionZ(new Proportion(803_000, 1_000_000), new Proportion(800_000, 1_000_000))!.Value) > 5);
        Assert.False(ChangeSignificance.IsClear(new Proportion(803_000, 1_000_000), new Proportion(800_000, 1_000_000)));
        // Under 30 never counts, however large the change.
        Assert.False(ChangeSignificance.IsClear(new Proportion(29, 29), new Proportion(0, 29)));
        Assert.Null(ChangeSignificance.ProportionZ(new Proportion(0, 0), new Proportion(3, 10)));
    }

    [Fact]
    public void NPS_changes_are_tested_on_the_promoter_minus_detractor_score()
    {
        // 23 promoters and 9 detractors of 47 (NPS 29.8) against 40 passives (NPS 0, no variance).
        var now = new KpiCounts { NpsAnswered = 47, NpsPromoters = 23, NpsDetractors = 9 };
        var before = new KpiCounts { NpsAnswered = 40 };
        var p = 23.0 / 47;
        var d = 9.0 / 47;
        var expected = (p - d) / Math.Sqrt((p + d - (p - d) * (p - d)) / 47);
        Assert.Equal(expected, ChangeSignificance.NpsZ(now, before)!.Value, 9);
        Assert.True(ChangeSignificance.IsClear(KpiKind.Nps, now, before));
    }

    [Theory]
    [InlineData("  Bra   service\r\n\tmen lång kö  ", "Bra service men lång kö")]
    [InlineData("=SUM(A1:A9)", "=SUM(A1:A9)")]
    [InlineData("\u0007\u0000Hej", "Hej")]
    public void Comments_become_one_line_of_plain_text(string raw, string clean) =>
        Assert.Equal(clean, MonthlyReportService.CleanComment(raw));

    [Fact]
    public void Long_comments_are_shortened_at_a_word()
    {
        var raw = string.Join(' ', Enumerable.Repeat("fakturan", 60));
        var clean = MonthlyReportService.CleanComment(raw);
        Assert.True(clean.Length <= MonthlyReportService.MaxCommentLength);
        Assert.EndsWith("fakturan…", clean);
    }

    [Theory]
    [InlineData("2026-03", true)]
    [InlineData("1999-12", true)]
    [InlineData("2026-3", false)]
    [InlineData("2026-13", false)]
    [InlineData("2026-00", false)]
    [InlineData("2026-03\n", false)]
    [InlineData(" 2026-03", false)]
    [InlineData("../2026-03", false)]
    [InlineData("2026-03/../../x", false)]
    [InlineData("２０２６-０３", false)]
    [InlineData(null, false)]
    public void Only_YYYY_MM_names_a_month(string? text, bool accepted)
    {
        Assert.Equal(accepted, ReportLibrary.TryParseMonth(text, out var month));
        if (accepted) Assert.Equal(1, month.Day);
    }

    [Fact]
    public void Library_files_are_named_from_the_month_alone() =>
        Assert.Equal("monthly/cx-report-2026-03.pdf", ReportLibrary.MonthlyRelativePath(new DateOnly(2026, 3, 17)));

    [Fact]
    public void The_reports_folder_is_the_configured_one_or_the_repositorys_reports_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), $"cx-reports-root-{Guid.NewGuid():N}");
        var app = Path.Combine(root, "src", "App");
        Directory.CreateDirectory(app);
        try
        {
            Assert.Equal(Path.Combine(app, "out", "reports"), ReportOptions.ResolveDirectory("out/reports", app));
            Assert.Equal("/var/lib/cx/reports", ReportOptions.ResolveDirectory("/var/lib/cx/reports", app));
            // Not in a source checkout: beside the app.
            Assert.Equal(Path.Combine(app, "reports"), ReportOptions.ResolveDirectory(null, app));
            // From a source checkout (a CxDashboard.sln above): the repository's reports/ folder.
            File.WriteAllText(Path.Combine(root, "CxDashboard.sln"), "");
            Assert.Equal(Path.Combine(root, "reports"), ReportOptions.ResolveDirectory("", app));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Month_names_are_Swedish()
    {
        using var swedish = ReportCulture.Use("sv-SE");
        Assert.Equal("Kundupplevelse – mars 2026", ReportText.Title(new DateOnly(2026, 3, 1)));
        Assert.Equal("1–28 februari 2026", ReportText.Days(new DateOnly(2026, 2, 1)));
        Assert.Equal("1–29 februari 2028", ReportText.Days(new DateOnly(2028, 2, 1)));
        Assert.Equal("december 2025", MonthlySummaryWriter.ComparedMonth(new DateOnly(2026, 1, 1), new DateOnly(2025, 12, 1)));
        Assert.Equal("februari", MonthlySummaryWriter.ComparedMonth(new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 1)));
    }
}
