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
