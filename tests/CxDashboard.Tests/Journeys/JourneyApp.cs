using System.Globalization;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Journeys;

/// <summary>
/// The app started for real for the journeys: Kestrel on a free port, a SQLite file, the demo organisation seeded at
/// start by the same seeder `dotnet run` uses (the generator for ten weeks instead of a year: every feature has its data,
/// coaching alerts included, in seconds), the English UI, and the clock fixed at <see cref="CxAppFactory.DefaultNow"/>.
/// </summary>
public sealed class DemoAppFactory : CxAppFactory
{
    /// <summary>Ten weeks: enough history for a coaching alert (28 days against the weeks before), a month report and callback cases.</summary>
    public const int DemoDays = 70;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:SeedOnStart", "true");
        builder.UseSetting("Demo:Days", DemoDays.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Localization:DefaultCulture", Ui.Culture);
    }
}

/// <summary>The journeys' shared app and browser: seeded once for the whole collection.</summary>
public sealed class JourneyApp() : BrowserApp(new DemoAppFactory())
{
    private readonly HashSet<string> _checkedPages = [];

    /// <summary>Screenshots of the journeys, to look at after a run.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "journey-screenshots")).FullName;

    /// <summary>A new browser context signed in through the login form with a demo login.</summary>
    public async Task<IPage> SignInAsync(string email, int width = 1366, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        page.SetDefaultTimeout(15_000); // a step that does not happen fails in seconds, not half a minute
        await page.GotoAsync(BaseUrl + "/Account/Login");
        await page.GetByLabel(Ui.Email).FillAsync(email);
        await page.GetByLabel(Ui.Password).FillAsync(DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = Ui.SignIn }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        return page;
    }

    /// <summary>axe (WCAG 2.1 A/AA) and the CSP check, once per page and role: a page is checked the first time a journey shows it.</summary>
    public async Task CheckAsync(IPage page, string who)
    {
        var path = new Uri(page.Url).AbsolutePath;
        var key = who + " " + (int.TryParse(path.Split('/').Last(), out _) ? path[..path.LastIndexOf('/')] + "/{id}" : path);
        lock (_checkedPages)
        {
            if (!_checkedPages.Add(key)) return;
        }
        await AssertAccessibleAsync(page);
    }

    /// <summary>A section's link in the top bar.</summary>
    public static ILocator Nav(IPage page, string section) => page.Locator("#main-nav").GetByRole(AriaRole.Link, new() { Name = section, Exact = true });

    /// <summary>Downloads of the journeys, kept beside the screenshots (the journeys of a collection run one at a time).</summary>
    public static string DownloadFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "journey-downloads")).FullName;

    /// <summary>A download saved under its suggested name (ClosedXML reads a workbook by its extension).</summary>
    public static async Task<string> SaveAsync(IDownload download)
    {
        var path = Path.Combine(DownloadFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        return path;
    }

    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = fullPage });
}

[CollectionDefinition(Name)]
public sealed class JourneyCollection : ICollectionFixture<JourneyApp>
{
    public const string Name = "Journeys";
}
