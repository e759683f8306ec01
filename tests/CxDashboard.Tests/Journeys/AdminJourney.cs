using System.Text;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Reports;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Journeys;

/// <summary>
/// An administrator downloads a template, imports a file with one bad row (sees the error, imports the valid rows, finds
/// the skipped row in the history), then changes a KPI target and sees the dashboard's status follow.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed class AdminJourney(JourneyApp app)
{
    private const string Who = "admin";

    [Fact]
    public async Task An_admin_imports_with_a_template_and_a_bad_row_then_changes_a_target()
    {
        var page = await app.SignInAsync("admin@demo.local");
        var csatBefore = await StatusWordAsync(page, "CsatPercent");
        Assert.NotEqual(Ui.OnTarget, csatBefore);

        // The template of the contacts file: a header row and one example row.
        await page.RunAndWaitForPageAsync(() => JourneyApp.Nav(page, Ui.NavImport).ClickAsync());
        await app.CheckAsync(page, Who);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=template-contacts-csv]").ClickAsync());
        Assert.Equal("contacts-template.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("contact_id,customer_id,agent_id,team,channel,reason,started_at", lines[0]);

        // Filled in: the example row and one more, whose channel is wrong.
        var bad = lines[1].Replace("EX-1001", "EX-1002").Replace(",phone,", ",fax,");
        var file = Encoding.UTF8.GetBytes(string.Join("\n", lines[0], lines[1], bad) + "\n");
        await page.Locator("#ContactsFile").SetInputFilesAsync(new FilePayload { Name = "contacts-march.csv", MimeType = "text/csv", Buffer = file });
        await page.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Button, new() { Name = Ui.UploadAndCheck }).ClickAsync());
        await app.CheckAsync(page, Who);
        Assert.Contains("1 error(s) in 1 of 2 rows", await page.Locator("[data-testid=check-summary]").InnerTextAsync());
        var error = (await page.Locator("[data-testid=row-errors] tbody tr").AllInnerTextsAsync()).Single();
        Assert.Matches(@"^3\s+channel\s+'fax' is not a channel", error.Trim());
        await JourneyApp.ScreenshotAsync(page, "admin-import-check", fullPage: true);

        // Import the valid row; the skipped one stays listed on the result and in the history.
        await page.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Button, new() { Name = Ui.ImportValidRowsOnly }).ClickAsync());
        Assert.Equal("Valid rows imported", (await page.Locator("[data-testid=run-status]").InnerTextAsync()).Trim());
        Assert.Matches(@"^3\s+channel\s+'fax' is not a channel", (await page.Locator("[data-testid=kept-errors] [data-testid=row-errors] tbody tr").InnerTextAsync()).Trim());
        await page.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Link, new() { Name = Ui.BackToImport }).ClickAsync());
        var history = await page.Locator("[data-testid=import-history] tbody tr").First.InnerTextAsync();
        Assert.Contains("contacts-march.csv", history);
        Assert.Contains("line 3, channel: 'fax' is not a channel", history);
        Assert.Contains("Valid rows imported", history);

        // A target: Admin → KPI targets, the organisation's CSAT thresholds lowered.
        await page.RunAndWaitForPageAsync(() => JourneyApp.Nav(page, Ui.NavAdmin).ClickAsync());
        await page.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Link, new() { Name = Ui.KpiTargets }).ClickAsync());
        await app.CheckAsync(page, Who);
        await AssertNothingBelowTheFooterAsync(page);
        var row = page.Locator("#row-target-CsatPercent");
        await row.Locator("#target-CsatPercent-green").FillAsync("50");
        await row.Locator("#target-CsatPercent-amber").FillAsync("40");
        await page.RunAndWaitForPageAsync(() => row.GetByRole(AriaRole.Button, new() { Name = Ui.Save }).ClickAsync());
        // Back at the row just saved, with the message beside it.
        Assert.EndsWith("#row-target-CsatPercent", page.Url);
        await Assertions.Expect(page.Locator("[data-testid=status-message]")).ToBeInViewportAsync();
        await Assertions.Expect(row).ToBeInViewportAsync();
        Assert.Equal("50", await row.Locator("#target-CsatPercent-green").InputValueAsync());

        // The long table scrolls with the page; its header stays on screen.
        await page.Locator("footer").ScrollIntoViewIfNeededAsync();
        var header = await page.Locator("[data-testid=targets-table] thead th").First.BoundingBoxAsync();
        Assert.InRange(header!.Y, -1, 1);
        await AssertNothingBelowTheFooterAsync(page);
        await JourneyApp.ScreenshotAsync(page, "admin-targets-saved");
        // A full-page print holds every row: each KPI's row for the last team is on paper.
        var kpis = await page.Locator("[data-testid=targets-table] tbody tr.table-light").CountAsync();
        var lastTeam = (await page.Locator("[data-testid=targets-table] tbody tr").Last.Locator("td").Nth(1).InnerTextAsync()).Split('(')[0].Trim();
        var printed = PdfText.Read(await page.PdfAsync()).All;
        Assert.Equal(kpis, System.Text.RegularExpressions.Regex.Matches(printed, System.Text.RegularExpressions.Regex.Escape(lastTeam)).Count);

        // The dashboard's CSAT tile follows the new target.
        await page.RunAndWaitForPageAsync(() => JourneyApp.Nav(page, Ui.NavDashboard).ClickAsync());
        Assert.Equal(Ui.OnTarget, await StatusWordAsync(page, "CsatPercent"));
    }

    private static async Task<string> StatusWordAsync(IPage page, string kpi) =>
        (await page.Locator($"[data-kpi={kpi}] .status-word").First.InnerTextAsync()).Trim().TrimStart('●', '▲', '■').Trim();

    /// <summary>The page ends with its footer: no blank scroll space below it.</summary>
    private static async Task AssertNothingBelowTheFooterAsync(IPage page)
    {
        var below = await page.EvaluateAsync<double>("document.documentElement.scrollHeight - (document.querySelector('footer').getBoundingClientRect().bottom + window.scrollY)");
        Assert.True(below < 2, $"{below} px of blank space below the footer");
    }
}
