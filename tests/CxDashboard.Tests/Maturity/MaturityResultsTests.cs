using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ClosedXML.Excel;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Maturity.Results;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Maturity;

/// <summary>
/// Two closed rounds. Autumn 2025 (Ann and Bo): 2 on every statement. Spring 2026 (Ann, Bo, the admin), target 4 for
/// "organisation" and 3 elsewhere: organisation Ann 4, Bo 2, admin 5 → levels 2, 4, 5: mean 3.667, SD 1.247,
/// QUARTILE.INC 3.0–4.5 (IQR 1.5: disagreement), gap 0.333, change +1.667; everything else 3 (Bo does not know technology).
/// </summary>
public sealed partial class MaturityResultsTests(MaturityResultsTests.Fixture fixture) : IClassFixture<MaturityResultsTests.Fixture>
{
    public const string Admin = "admin@test.local";
    public const string Ann = "ann@test.local";
    public const string Bo = "bo@test.local";
    public const string Leader = "leader@test.local";
    public const string FormulaComment = "=HYPERLINK(\"http://example.test\",\"click\")";
    public const string BoComment = "Only one person calls back, and only on Mondays.";

    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public int Autumn { get; private set; }
        public int Spring { get; private set; }

        public async Task InitializeAsync()
        {
            await App.CreateUserAsync(Admin, Roles.Admin);
            await App.CreateUserAsync(Ann, Roles.Manager);
            await App.CreateUserAsync(Bo, Roles.Manager);
            await App.CreateUserAsync(Leader, Roles.Leadership);
            var model = await MaturityTestData.CurrentModelAsync(App);

            Autumn = await MaturityTestData.ClosedRoundAsync(App, "Autumn 2025", new DateOnly(2025, 10, 1),
            [
                new(Ann, MaturityTestData.Answers(model, (_, _) => "2"), new Dictionary<string, string?> { ["organisation"] = FormulaComment }),
                new(Bo, MaturityTestData.Answers(model, (_, _) => "2")),
            ]);
            Spring = await MaturityTestData.ClosedRoundAsync(App, "Spring 2026", new DateOnly(2026, 3, 10),
            [
                new(Ann, MaturityTestData.Answers(model, (c, _) => c == "organisation" ? "4" : "3")),
                new(Bo, MaturityTestData.Answers(model, (c, _) => c switch { "organisation" => "2", "technology" => "dk", _ => "3" }),
                    new Dictionary<string, string?> { ["organisation"] = BoComment }),
                new(Admin, MaturityTestData.Answers(model, (c, _) => c == "organisation" ? "5" : "3")),
            ], target: c => c == "organisation" ? 4 : 3);
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private CxAppFactory App => fixture.App;


    [Fact]
    public async Task The_result_model_scores_the_round_against_the_previous_one()
    {
        var result = await App.WithScopeAsync(sp => sp.GetRequiredService<MaturityResultsService>().GetAsync(fixture.Spring));

        Assert.Equal("Autumn 2025", result!.Previous!.Name);
        var organisation = result.RankedByGap[0];
        Assert.Equal("organisation", organisation.Key);
        Assert.Equal(11.0 / 3, organisation.Score.Mean!.Value, 9);
        Assert.Equal(1.247219128924647, organisation.Score.StandardDeviation!.Value, 9);
        Assert.Equal((3.0, 4.5), (organisation.Score.LowerQuartile!.Value, organisation.Score.UpperQuartile!.Value));
        Assert.True(organisation.Score.Disagreement);
        Assert.Equal(4 - 11.0 / 3, organisation.Score.Gap!.Value, 9);
        Assert.Equal(11.0 / 3 - 2, organisation.Score.Change!.Value, 9);
        var technology = result.Capability("technology")!.Score;
        Assert.Equal((3.0, 2, 4), (technology.Mean!.Value, technology.Raters, technology.DontKnows));
        Assert.Equal(3, result.RatersSubmitted);
    }

    [Fact]
    public async Task The_leadership_summary_is_the_latest_closed_round_with_the_one_before_it()
    {
        var summary = await App.WithScopeAsync(sp => sp.GetRequiredService<MaturityResultsService>().GetLatestClosedAsync());

        Assert.Equal("Spring 2026", summary!.Current.Round.Name);
        Assert.Equal("Autumn 2025", summary.Previous!.Round.Name);
        Assert.Null(summary.Previous.Previous);
        var gap = Assert.Single(summary.TopGaps(3));
        Assert.Equal("organisation", gap.Capability.Key);
    }

    [Fact]
    public async Task The_round_page_draws_a_radar_of_this_round_the_previous_round_and_the_target()
    {
        var page = await Html.GetDocumentAsync(await App.SignInAsync(Ann), $"/Maturity/Rounds/{fixture.Spring}");
        var svg = page.QuerySelector("[data-testid=radar] svg")!;

        Assert.Equal("img", svg.GetAttribute("role"));
        var label = svg.GetAttribute("aria-label")!;
        Assert.Contains("for Spring 2026 (blue, filled), Autumn 2025 (grey), the target (dashed orange)", label);
        Assert.Contains("Largest gap: Organisation and roles, 0,3 levels below target", label);
        var texts = svg.QuerySelectorAll("text").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("Spring 2026", texts);
        Assert.Contains("Autumn 2025", texts);
        Assert.Contains("Target", texts);
        Assert.Contains("Organisation and", texts.SelectMany(t => t.Split('\n')).Select(t => t.Trim()));

        // The geometry: each vertex of a series lies at (level ÷ 5) of a spoke's length from the centre, spokes clockwise from the top.
        var (centre, fullLength) = Spokes(svg);
        var expected = Enumerable.Repeat(3.0, 9).ToArray();
        expected[3] = 11.0 / 3; // organisation
        AssertPolygon(SeriesOutline(svg, MaturityRadar.CurrentColor), centre, fullLength, expected);
        AssertPolygon(SeriesOutline(svg, MaturityRadar.PreviousColor), centre, fullLength, Enumerable.Repeat(2.0, 9).ToArray());

        var table = Html.RowText(page.QuerySelector("[data-testid=radar-table] tr[data-capability=organisation]")!);
        Assert.Equal("4. Organisation and roles 3,7 2,0 4", table);
    }

    [Fact]
    public async Task The_radars_capability_labels_clear_its_rings_and_its_legend()
    {
        var page = await Html.GetDocumentAsync(await App.SignInAsync(Ann), $"/Maturity/Rounds/{fixture.Spring}");
        var svg = page.QuerySelector("[data-testid=radar] svg")!;
        var (centre, outerRadius) = Spokes(svg);

        string[] legend = ["Spring 2026", "Autumn 2025", "Target"];
        var boxes = svg.QuerySelectorAll("text[transform]")
            .Select(t => (Text: t.TextContent.Trim(), Box: TextBox(t)))
            .Where(t => t.Text.Length > 0 && !int.TryParse(t.Text, out _)) // the ring numbers sit inside on purpose
            .ToList();
        var labels = boxes.Where(b => !legend.Contains(b.Text)).ToList();
        Assert.InRange(labels.Count, 9, 18); // nine capabilities, on one or two lines

        foreach (var (text, box) in labels)
        {
            // The point of the box nearest the centre lies outside the outer ring.
            var nearestX = Math.Clamp(centre.X, box.Left, box.Right);
            var nearestY = Math.Clamp(centre.Y, box.Top, box.Bottom);
            var distance = Math.Sqrt(Math.Pow(nearestX - centre.X, 2) + Math.Pow(nearestY - centre.Y, 2));
            Assert.True(distance > outerRadius, $"'{text}' reaches {distance:0} px from the centre, inside the outer ring ({outerRadius:0} px)");
        }
        foreach (var (name, entry) in boxes.Where(b => legend.Contains(b.Text)))
            foreach (var (text, box) in labels)
                Assert.False(entry.Left < box.Right && box.Left < entry.Right && entry.Top < box.Bottom && box.Top < entry.Bottom,
                    $"the legend's '{name}' overlaps the label '{text}'");
    }

    /// <summary>A text's box from its position, its glyphs' x offsets and its font size (ScottPlot writes one x per glyph).</summary>
    private static (double Left, double Right, double Top, double Bottom) TextBox(IElement text)
    {
        var t = Translate().Match(text.GetAttribute("transform")!);
        var (x, y) = (double.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(t.Groups[2].Value, CultureInfo.InvariantCulture));
        static double[] Numbers(string? list) => [.. (list ?? "0").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(n => double.Parse(n, CultureInfo.InvariantCulture))];
        var glyphs = Numbers(text.GetAttribute("x"));
        var baseline = y + Numbers(text.GetAttribute("y"))[0];
        var size = double.Parse(text.GetAttribute("font-size") ?? "12", CultureInfo.InvariantCulture);
        return (x + glyphs.Min(), x + glyphs.Max() + size * 0.6, baseline - size * 0.8, baseline + size * 0.2);
    }

    [Fact]
    public async Task The_radar_plot_carries_the_three_series_for_the_pdf_too()
    {
        var result = (await App.WithScopeAsync(sp => sp.GetRequiredService<MaturityResultsService>().GetAsync(fixture.Spring)))!;
        var plot = new ScottPlot.Plot();
        MaturityRadar.Draw(plot, MaturityRadar.For(result, "en"));

        var radar = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.Radar>());
        Assert.Equal(["Target", "Autumn 2025", "Spring 2026"], radar.Series.Select(s => s.LegendText));
        Assert.Equal(11.0 / 3, radar.Series[2].Values[3], 9);
        Assert.Equal(4.0, radar.Series[0].Values[3]);
        Assert.Equal("Organisation and roles", radar.PolarAxis.Spokes[3].LabelText?.Replace('\n', ' '));
    }

    [Fact]
    public async Task A_manager_sees_the_results_but_not_who_rated_what()
    {
        foreach (var email in new[] { Ann, Leader })
        {
            var page = await Html.GetDocumentAsync(await App.SignInAsync(email), $"/Maturity/Rounds/{fixture.Spring}");
            Assert.Null(page.QuerySelector("[data-testid=individual-ratings]"));
            var comment = page.QuerySelectorAll("[data-testid=comments] li").Single(li => li.Text().Contains(BoComment));
            Assert.DoesNotContain(Bo, comment.Text());
            Assert.Contains("Shown without the rater's name", page.QuerySelector("#comments-heading + p").Text());
            Assert.NotNull(page.QuerySelector("[data-testid=results-table] tr[data-capability=organisation] [data-testid=disagreement]"));
        }
    }

    [Fact]
    public async Task An_admin_sees_each_raters_individual_ratings()
    {
        var page = await Html.GetDocumentAsync(await App.SignInAsync(Admin), $"/Maturity/Rounds/{fixture.Spring}");

        var section = page.QuerySelector("[data-testid=individual-ratings]")!;
        Assert.Equal(["Statement", Admin, Ann, Bo], section.QuerySelectorAll("thead th").Select(th => th.Text()));
        Assert.EndsWith("5 4 2", Html.RowText(section.QuerySelector("tr[data-statement=organisation-1]")!));
        Assert.EndsWith("3 3 ?", Html.RowText(section.QuerySelector("tr[data-statement=technology-2]")!));
        Assert.Contains($"— {Bo}", page.QuerySelectorAll("[data-testid=comments] li").Single(li => li.Text().Contains(BoComment)).Text());
    }

    [Fact]
    public async Task The_overview_shows_the_latest_round_with_its_largest_gap()
    {
        var page = await Html.GetDocumentAsync(await App.SignInAsync(Leader), "/Maturity");

        Assert.Contains("Latest closed round: Spring 2026 (2026-03-10), 3 raters, compared with Autumn 2025", page.QuerySelector("[data-testid=scope-line]").Text());
        Assert.StartsWith("Organisation and roles: level 3,7, target 4, 0,3 below", page.QuerySelector("[data-testid=top-gaps] li").Text());
        Assert.Equal("3,1", page.QuerySelector("[data-kpi=overall] [data-testid=kpi-value]").Text()); // (8 × 3 + 3.667) ÷ 9
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=rounds-table] tbody tr").Length);
        Assert.Null(page.QuerySelector("a[href='/Maturity/Rounds/New']"));
        Assert.NotNull(page.QuerySelector("[data-testid=radar] svg[role=img]"));
    }

    [Fact]
    public async Task The_admins_workbook_has_results_statements_comments_ratings_and_actions_with_numbers_as_numbers()
    {
        using var workbook = await DownloadAsync(Admin);

        Assert.Equal(["Results", "Statements", "Comments", "Ratings", "Actions", "About"], workbook.Worksheets.Select(s => s.Name));
        var results = workbook.Worksheet("Results");
        Assert.Equal(1, results.SheetView.SplitRow);
        Assert.Equal("Mean level", results.Cell("D1").GetString());
        Assert.Equal("organisation", results.Cell("B2").GetString());
        Assert.Equal(11.0 / 3, results.Cell("D2").GetDouble(), 9);
        Assert.Equal(XLDataType.Number, results.Cell("D2").DataType);
        Assert.Equal("0.0", results.Cell("D2").Style.NumberFormat.Format);
        Assert.Equal(1.247219128924647, results.Cell("G2").GetDouble(), 9);
        Assert.Equal("0.00", results.Cell("G2").Style.NumberFormat.Format);
        Assert.Equal(1.5, results.Cell("H2").GetDouble());
        Assert.Equal("Yes", results.Cell("K2").GetString());
        Assert.Equal(4, results.Cell("L2").GetDouble());
        Assert.Equal(4 - 11.0 / 3, results.Cell("M2").GetDouble(), 9);
        Assert.Equal("+0.0;-0.0;0.0", results.Cell("M2").Style.NumberFormat.Format);
        Assert.Equal(2.0, results.Cell("N2").GetDouble());
        Assert.True(results.Column(3).Width >= 30, "column widths are set, not left at the default");

        var ratings = workbook.Worksheet("Ratings");
        Assert.Equal(1 + 3 * 35, ratings.LastRowUsed()!.RowNumber());
        var boTechnology = ratings.RowsUsed().Single(r => r.Cell(2).GetString() == Bo && r.Cell(4).GetString() == "technology-1");
        Assert.True(boTechnology.Cell(6).IsEmpty());
        Assert.Equal("Yes", boTechnology.Cell(7).GetString());
        var annOrganisation = ratings.RowsUsed().Single(r => r.Cell(2).GetString() == Ann && r.Cell(4).GetString() == "organisation-1");
        Assert.Equal(4, annOrganisation.Cell(6).GetDouble());
        Assert.Equal(new DateTime(2026, 3, 31), annOrganisation.Cell(8).GetDateTime());

        var statements = workbook.Worksheet("Statements");
        var organisationOne = statements.RowsUsed().Single(r => r.Cell(2).GetString() == "organisation-1");
        Assert.Equal([0, 1, 0, 1, 1], Enumerable.Range(7, 5).Select(c => (int)organisationOne.Cell(c).GetDouble()));
        Assert.Equal(Bo, workbook.Worksheet("Comments").RowsUsed().Single(r => r.Cell(2).GetString() == BoComment).Cell(3).GetString());
    }

    [Fact]
    public async Task A_managers_workbook_has_no_individual_ratings_and_keeps_formula_looking_text_as_text()
    {
        using var workbook = await DownloadAsync(Ann, fixture.Autumn);

        Assert.Equal(["Results", "Statements", "Comments", "Actions", "About"], workbook.Worksheets.Select(s => s.Name));
        var comments = workbook.Worksheet("Comments");
        Assert.Equal(["Capability", "Comment"], comments.Row(1).CellsUsed().Select(c => c.GetString()));
        var cell = comments.Cell("B2");
        Assert.Equal(FormulaComment, cell.GetString());
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
    }

    private async Task<XLWorkbook> DownloadAsync(string email, int? roundId = null)
    {
        var response = await (await App.SignInAsync(email)).GetAsync($"/Maturity/Rounds/{roundId ?? fixture.Spring}?handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("maturity-round-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    [GeneratedRegex(@"translate\(([\d.]+) ([\d.]+)\)")]
    private static partial Regex Translate();

    [GeneratedRegex(@"[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)")]
    private static partial Regex PathPoint();

    /// <summary>ScottPlot draws each spoke as "M0 0L0 -r" translated to the centre; the first spoke points up.</summary>
    private static ((double X, double Y) Centre, double Length) Spokes(IElement svg)
    {
        var spoke = svg.QuerySelectorAll("path[transform]").First(p => p.GetAttribute("d")!.StartsWith("M0 0L0 -", StringComparison.Ordinal));
        var t = Translate().Match(spoke.GetAttribute("transform")!);
        var length = -double.Parse(PathPoint().Matches(spoke.GetAttribute("d")!)[1].Groups[2].Value, CultureInfo.InvariantCulture);
        return ((double.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(t.Groups[2].Value, CultureInfo.InvariantCulture)), length);
    }

    private static List<(double X, double Y)> SeriesOutline(IElement svg, string colorHex)
    {
        var outline = svg.QuerySelectorAll("path").Single(p =>
            string.Equals(p.GetAttribute("stroke"), colorHex, StringComparison.OrdinalIgnoreCase) && PathPoint().Matches(p.GetAttribute("d")!).Count >= 9);
        return PathPoint().Matches(outline.GetAttribute("d")!)
            .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
    }

    private static void AssertPolygon(List<(double X, double Y)> points, (double X, double Y) centre, double length, double[] levels)
    {
        for (var i = 0; i < levels.Length; i++)
        {
            var distance = Math.Sqrt(Math.Pow(points[i].X - centre.X, 2) + Math.Pow(points[i].Y - centre.Y, 2));
            Assert.True(Math.Abs(distance / length * 5 - levels[i]) < 0.02, $"vertex {i}: {distance / length * 5:0.000} drawn, {levels[i]:0.000} expected");
        }
    }
}
