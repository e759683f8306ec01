using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Reports;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Journeys;

/// <summary>Leadership opens the latest monthly report, on the web and as the PDF, and downloads it.</summary>
[Collection(JourneyCollection.Name)]
public sealed class LeaderJourney(JourneyApp app)
{
    private const string Who = "leader";

    [Fact]
    public async Task A_leader_reads_the_latest_monthly_report_on_the_web_and_as_pdf_and_downloads_it()
    {
        var page = await app.SignInAsync("leader@demo.local");
        await app.CheckAsync(page, Who);

        await page.RunAndWaitForPageAsync(() => JourneyApp.Nav(page, Ui.NavReports).ClickAsync());
        await app.CheckAsync(page, Who);
        // The library lists the newest month first: the demo's last full month, February 2026.
        var latest = page.Locator("[data-testid=library-table] tbody tr").First;
        Assert.StartsWith("2026-02", (await latest.InnerTextAsync()).Trim());

        // The web version.
        await page.RunAndWaitForPageAsync(() => latest.GetByRole(AriaRole.Link, new() { Name = Ui.WebVersion }).ClickAsync());
        await app.CheckAsync(page, Who);
        var web = await page.Locator("main").InnerTextAsync();
        Assert.Contains("February 2026", web); // the journeys' organisation writes English
        Assert.Contains("CSAT", web);
        await JourneyApp.ScreenshotAsync(page, "leader-monthly-web");
        await page.GoBackAsync();

        // The PDF, opened in the browser.
        var opened = await page.RunAndWaitForResponseAsync(() => latest.GetByRole(AriaRole.Link, new() { Name = Ui.OpenPdf }).ClickAsync(),
            response => response.Url.Contains("/Reports/Download/2026-02"));
        Assert.Equal("application/pdf", opened.Headers["content-type"]);
        Assert.StartsWith("inline", opened.Headers["content-disposition"]);
        Assert.Equal(200, opened.Status); // its content is read from the download below (a viewer may cut the body short)
        if (page.Url.Contains("/Reports/Download")) await page.GoBackAsync();

        // And downloaded.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=library-table] tbody tr").First
            .GetByRole(AriaRole.Link, new() { Name = Ui.DownloadPdf }).ClickAsync());
        Assert.Equal("cx-report-2026-02.pdf", download.SuggestedFilename);
        var pdf = PdfText.Read(await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.Contains("February 2026", pdf.All);
        Assert.Contains("Key figures", pdf.All);
        Assert.InRange(pdf.Pages.Count, 2, 8);
    }
}
