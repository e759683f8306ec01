using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Features.Accounts;

namespace CxDashboard.Tests.Admin;

/// <summary>Changing W and the time zone on the settings page changes every number that depends on them.</summary>
public sealed class OrganisationSettingsTests : IAsyncLifetime
{
    private readonly CxAppFactory _app = new();
    private const string March = "/?period=custom&from=2026-03-01&to=2026-03-31";

    public Task InitializeAsync() => BoundaryDataset.LoadAsync(_app);
    public Task DisposeAsync() { _app.Dispose(); return Task.CompletedTask; }

    private static string Tile(AngleSharp.Dom.IDocument page, string kpi) => page.QuerySelector($"[data-kpi={kpi}] [data-testid=kpi-value]").Text();

    [Fact]
    public async Task A_shorter_repeat_window_and_another_time_zone_apply_at_once()
    {
        var admin = await _app.SignedInClientAsync("admin@test.local", Roles.Admin);
        var before = await Html.GetDocumentAsync(admin, March);
        Assert.Equal("9", Tile(before, "Contacts"));
        Assert.Equal("44,4 %", Tile(before, "RepeatContactRate"));

        await Html.PostFormAsync(admin, "/Admin/Settings", new Dictionary<string, string>
        {
            ["Name"] = "Test org", ["TimeZoneId"] = "Europe/Stockholm", ["RepeatWindowDays"] = "6",
        });
        var shorterWindow = await Html.GetDocumentAsync(admin, March);
        Assert.Equal("33,3 %", Tile(shorterWindow, "RepeatContactRate")); // K2 (exactly 7 days after K1) no longer counts
        Assert.Contains("W = 6 days", shorterWindow.QuerySelector("[data-testid=scope-line]").Text());

        // In UTC, K6 (00:30 on 1 March in Stockholm, 23:30 on 28 February in UTC) belongs to February.
        await Html.PostFormAsync(admin, "/Admin/Settings", new Dictionary<string, string>
        {
            ["Name"] = "Test org", ["TimeZoneId"] = "Etc/UTC", ["RepeatWindowDays"] = "7",
        });
        var utc = await Html.GetDocumentAsync(admin, March);
        Assert.Equal("8", Tile(utc, "Contacts"));
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused()
    {
        var admin = await _app.SignedInClientAsync("admin@test.local", Roles.Admin);
        var response = await Html.PostFormAsync(admin, "/Admin/Settings", new Dictionary<string, string>
        {
            ["Name"] = "Test org", ["TimeZoneId"] = "Mars/Olympus", ["RepeatWindowDays"] = "7",
        });
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Unknown time zone", page.QuerySelector(".validation-summary-errors").Text());
    }
}

/// <summary>A new database takes its organisation settings from configuration (Organisation:*); Admin → Settings owns them afterwards.</summary>
public sealed class InitialOrganisationSettingsTests
{
    private sealed class ConfiguredApp(string timeZone, string windowDays) : CxAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Organisation:Name", "Fjordline Support");
            builder.UseSetting("Organisation:TimeZone", timeZone);
            builder.UseSetting("Organisation:RepeatWindowDays", windowDays);
        }
    }

    [Fact]
    public async Task The_settings_page_shows_the_configured_name_time_zone_and_window()
    {
        using var app = new ConfiguredApp("Europe/Oslo", "10");
        var admin = await app.SignedInClientAsync("admin@test.local", Roles.Admin);
        var page = await Html.GetDocumentAsync(admin, "/Admin/Settings");
        Assert.Equal("Fjordline Support", page.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.Equal("Europe/Oslo", page.QuerySelector("select[name=TimeZoneId] option[selected]")!.GetAttribute("value"));
        Assert.Equal("10", page.QuerySelector("input[name=RepeatWindowDays]")!.GetAttribute("value"));
        var dashboard = await Html.GetDocumentAsync(admin, "/");
        Assert.Contains("W = 10 days", dashboard.QuerySelector("[data-testid=scope-line]").Text());
    }

    [Fact]
    public void An_unknown_configured_time_zone_stops_the_start_with_a_message()
    {
        using var app = new ConfiguredApp("Mars/Olympus", "7");
        var error = Assert.ThrowsAny<Exception>(() => app.NewClient());
        Assert.Contains("Organisation:TimeZone: 'Mars/Olympus' is not a time zone", error.ToString());
    }
}
