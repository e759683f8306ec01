using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port with Debian's Chromium driven by Playwright (never a downloaded browser), for
/// tests of what people do in the browser: sign in, click, and an axe check of WCAG 2.1 A/AA on each page.
/// </summary>
public class BrowserApp(CxAppFactory app) : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserApp() : this(new CxAppFactory()) { }

    public CxAppFactory App { get; } = app;
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Data to load before the browser starts.</summary>
    public Func<CxAppFactory, Task>? Seed { get; init; }

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await SeedAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Loads the test's data once the server runs (the <see cref="Seed"/> function unless overridden).</summary>
    protected virtual Task SeedAsync() => Seed?.Invoke(App) ?? Task.CompletedTask;

    /// <summary>A new page in its own browser context (no cookies), of the given viewport size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900) =>
        await (await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } })).NewPageAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        App.Dispose();
    }

    /// <summary>A new browser context signed in through the login form.</summary>
    public async Task<IPage> SignInAsync(string email, string role, params int[] teamIds)
    {
        var exists = await App.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<CxDashboard.Web.Data.CxDbContext>().Users.Any(u => u.Email == email)));
        if (!exists) await App.CreateUserAsync(email, role, teamIds);
        var page = await NewPageAsync();
        await page.GotoAsync(BaseUrl + "/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(CxAppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        return page;
    }

    /// <summary>
    /// Nothing the page tried was blocked by the Content-Security-Policy (Chromium reports each refusal on the console:
    /// an inline script or handler, a style element, a resource from elsewhere).
    /// </summary>
    public static async Task AssertNoPolicyViolationsAsync(IPage page)
    {
        var refused = (await page.ConsoleMessagesAsync())
            .Where(m => m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Text).ToList();
        Assert.True(refused.Count == 0, $"{page.Url}:\n" + string.Join("\n", refused));
    }

    /// <summary>No axe violations of WCAG 2.1 A and AA (contrast included) on the page as it is now, and no CSP refusals.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        await AssertNoPolicyViolationsAsync(page);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.True(result.Violations.Length == 0, $"{page.Url}:\n" + string.Join("\n", result.Violations.Select(v =>
            $"{v.Id}: {v.Help} ({string.Join("; ", v.Nodes.Take(5).Select(n => string.Join(" ", n.Target)))})")));
    }
}

public static class PageNavigation
{
    /// <summary>
    /// Runs a user action (a click, a choice in a list that submits its form) and waits until the next document has
    /// loaded: the current one is marked first, so a reload of the same address counts too.
    /// </summary>
    public static async Task RunAndWaitForPageAsync(this IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => { window.__leftBehind = true; }");
        await action();
        await page.WaitForFunctionAsync("() => window.__leftBehind !== true && document.readyState === 'complete'");
    }
}
