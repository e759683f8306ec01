using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Features.Metrics;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Journeys;

/// <summary>
/// A manager's morning: every period preset, a custom range, a team and a channel, then "Export to Excel" (the
/// workbook holds the figures of the tiles); a reason's drill-down; an agent's scorecard from the agents table; a
/// coaching action planned from an alert.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed class ManagerJourney(JourneyApp app)
{
    private const string Who = "manager";

    [Fact]
    public async Task A_manager_filters_the_dashboard_exports_it_drills_down_and_plans_coaching()
    {
        var page = await app.SignInAsync("manager@demo.local");
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await app.CheckAsync(page, Who);
        var today = Today();

        // The eight tiles sit in two full rows of four.
        var tileTops = await page.Locator("[data-testid=kpi-tiles] .kpi-tile").EvaluateAllAsync<double[]>("tiles => tiles.map(t => Math.round(t.getBoundingClientRect().top))");
        Assert.Equal([4, 4], tileTops.GroupBy(top => top).Select(row => row.Count()));
        // Trend charts show at the size they are drawn, so their labels keep theirs (at least 11 px on screen).
        var charts = await page.Locator("[data-testid=trend-chart] svg").EvaluateAllAsync<double[][]>(
            "svgs => svgs.map(s => { const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width; " +
            "const sizes = [...s.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale); return [scale, Math.min(...sizes)]; })");
        Assert.Equal(3, charts.Length);
        Assert.All(charts, c => Assert.True(c[0] >= 0.95 && c[0] <= 1.05 && c[1] >= 11, $"chart at scale {c[0]:0.00}, smallest label {c[1]:0.0} px"));
        // Target status in the tables is coloured (and carries a shape and a word, see the page tests).
        Assert.Equal("rgb(164, 22, 26)", await page.Locator("[data-testid=teams-table] td.cell-red").First.EvaluateAsync<string>("td => getComputedStyle(td).color"));
        Assert.Equal("■", await page.Locator("[data-testid=teams-table] td.cell-red .status-mark").First.InnerTextAsync());
        await JourneyApp.ScreenshotAsync(page, "manager-dashboard", fullPage: true);

        // Each period preset, chosen from the list: the page says which dates it shows and the list keeps the choice.
        foreach (var (key, label) in Ui.Presets)
        {
            await page.RunAndWaitForPageAsync(() => page.Locator("#period").SelectOptionAsync(new SelectOptionValue { Label = label }));
            var expected = PeriodPresets.Resolve(key, today);
            Assert.StartsWith($"{expected.From:yyyy-MM-dd} – {expected.To:yyyy-MM-dd} ({expected.Days} days)", await ScopeLineAsync(page));
            Assert.Equal(label, await SelectedLabelAsync(page, "#period"));
            // The address is the preset's, without stale dates: shareable, and it follows the calendar.
            Assert.Contains($"period={key}", page.Url);
            Assert.DoesNotContain("from=", page.Url);
        }

        // A custom range: the dates appear once "Custom dates" is chosen, and Apply shows them.
        await page.Locator("#period").SelectOptionAsync(new SelectOptionValue { Label = Ui.CustomDates });
        await page.Locator("#from").FillAsync("2026-03-02");
        await page.Locator("#to").FillAsync("2026-03-29");
        await page.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Button, new() { Name = Ui.Apply }).ClickAsync());
        Assert.StartsWith("2026-03-02 – 2026-03-29 (28 days)", await ScopeLineAsync(page));
        var allContacts = await TileNumberAsync(page, "Contacts");

        // A team, then a channel: each narrows the figures and both stay in the address and on the page.
        await page.RunAndWaitForPageAsync(() => page.Locator("#team").SelectOptionAsync(new SelectOptionValue { Label = "Team Sundsvall" }));
        var teamContacts = await TileNumberAsync(page, "Contacts");
        await page.RunAndWaitForPageAsync(() => page.Locator("#channel").SelectOptionAsync(new SelectOptionValue { Label = "Chat" }));
        var line = await ScopeLineAsync(page);
        Assert.StartsWith("2026-03-02 – 2026-03-29 (28 days)", line);
        Assert.Contains("team Team Sundsvall", line);
        Assert.Contains("channel Chat", line);
        var chatContacts = await TileNumberAsync(page, "Contacts");
        Assert.True(allContacts > teamContacts && teamContacts > chatContacts && chatContacts > 0, $"{allContacts} > {teamContacts} > {chatContacts}");
        await JourneyApp.ScreenshotAsync(page, "manager-dashboard-filtered");

        // "Export to Excel": the workbook's summary holds the tiles' figures, for the same filters.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = Ui.ExportToExcel }).ClickAsync());
        using (var workbook = new XLWorkbook(await JourneyApp.SaveAsync(download)))
        {
            var summary = workbook.Worksheet("Summary").RowsUsed().Skip(1).Where(r => !r.Cell(14).IsEmpty()) // the KPI rows, not "About this export"
                .ToDictionary(r => r.Cell(14).GetString(), r => (Value: r.Cell(2).IsEmpty() ? (double?)null : Workbooks.ApiNumber(r.Cell(2)), N: r.Cell(5).IsEmpty() ? (long?)null : (long)r.Cell(5).GetDouble()));
            foreach (var (kpi, field, decimals) in new[]
                     {
                         ("Contacts", "contacts", 0), ("RepeatContactRate", "repeatContactRate", 1), ("ContactFcrPercent", "contactFcrPercent", 1),
                         ("CsatPercent", "csatPercent", 1), ("CsatMean", "csatMean", 2), ("SurveyFcrPercent", "surveyFcrPercent", 1), ("Nps", "nps", 1),
                     })
            {
                var tile = await TileNumberAsync(page, kpi);
                Assert.True(summary[field].Value is { } value && Math.Round(value, decimals, MidpointRounding.AwayFromZero) == tile,
                    $"{kpi}: tile {tile}, workbook {summary[field].Value}");
                if (kpi != "Contacts") Assert.Equal(await TileNAsync(page, kpi), summary[field].N);
            }
        }

        // A reason's drill-down: from the reasons table, with the period kept.
        await page.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Link, new() { Name = Ui.Reset }).ClickAsync());
        var firstReason = page.Locator("[data-testid=reasons-table] tbody tr").First;
        var reasonName = (await firstReason.Locator("td a").First.InnerTextAsync()).Trim();
        var reasonContacts = ParseNumber(await firstReason.Locator("td").Nth(2).InnerTextAsync());
        await page.RunAndWaitForPageAsync(() => firstReason.Locator("td a").First.ClickAsync());
        Assert.Contains($"reason {reasonName}", await ScopeLineAsync(page));
        Assert.StartsWith(reasonName, await SelectedLabelAsync(page, "#reason"));
        Assert.Equal(reasonContacts, await TileNumberAsync(page, "Contacts"));

        // An agent's scorecard from the agents table.
        await page.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Link, new() { Name = Ui.Reset }).ClickAsync());
        var agentRow = page.Locator("[data-testid=agents-table] tbody tr").First;
        var agentName = (await agentRow.Locator("td a").First.InnerTextAsync()).Trim();
        await page.RunAndWaitForPageAsync(() => agentRow.Locator("[data-testid=scorecard-link]").ClickAsync());
        Assert.Matches("/Coaching/Agent/[0-9]+", new Uri(page.Url).AbsolutePath);
        Assert.Contains(agentName, await page.Locator("h1").InnerTextAsync());
        await app.CheckAsync(page, Who);
        // The scorecard's own period list: a preset chosen there is the period shown.
        var (ninetyKey, ninetyLabel) = Ui.Presets.Single(p => p.Key == "90d");
        await page.RunAndWaitForPageAsync(() => page.Locator("#period").SelectOptionAsync(new SelectOptionValue { Label = ninetyLabel }));
        var ninety = PeriodPresets.Resolve(ninetyKey, today);
        Assert.Contains($"{ninety.From:yyyy-MM-dd} – {ninety.To:yyyy-MM-dd} (90 days)", await ScopeLineAsync(page));
        Assert.Equal(ninetyLabel, await SelectedLabelAsync(page, "#period"));

        // A coaching action planned from an alert on the coaching overview.
        await page.RunAndWaitForPageAsync(() => JourneyApp.Nav(page, Ui.NavCoaching).ClickAsync());
        await app.CheckAsync(page, Who);
        var alert = page.Locator("[data-testid=coaching-alert]").First;
        var alertedAgent = (await alert.Locator("a").First.InnerTextAsync()).Trim();
        await page.RunAndWaitForPageAsync(() => alert.GetByRole(AriaRole.Link, new() { Name = Ui.PlanCoaching }).ClickAsync());
        Assert.Contains(alertedAgent, await page.Locator("h1").InnerTextAsync());
        var form = page.Locator("[data-testid=action-form]");
        Assert.NotEqual("", await form.Locator("#Focus").InputValueAsync()); // the alert's KPI is chosen
        await form.Locator("#Title").FillAsync("Listen to three calls together and agree on one change");
        await form.Locator("#DueDate").FillAsync("2026-04-14");
        await page.RunAndWaitForPageAsync(() => form.GetByRole(AriaRole.Button, new() { Name = Ui.AddCoachingAction }).ClickAsync());
        Assert.Contains("Listen to three calls together", await page.Locator("[data-testid=actions-table]").First.InnerTextAsync());
        await JourneyApp.ScreenshotAsync(page, "manager-scorecard-with-action", fullPage: true);
    }

    private static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(CxAppFactory.DefaultNow.UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")));

    private static async Task<string> ScopeLineAsync(IPage page) =>
        Regex.Replace(await page.Locator("[data-testid=scope-line]").InnerTextAsync(), @"\s+", " ").Trim();

    private static Task<string> SelectedLabelAsync(IPage page, string select) =>
        page.Locator(select).EvaluateAsync<string>("s => s.options[s.selectedIndex].text");

    private static async Task<double> TileNumberAsync(IPage page, string kpi) =>
        ParseNumber(await page.Locator($"[data-kpi={kpi}] [data-testid=kpi-value]").InnerTextAsync());

    private static async Task<long> TileNAsync(IPage page, string kpi) =>
        (long)ParseNumber(await page.Locator($"[data-kpi={kpi}] [data-testid=kpi-n]").InnerTextAsync());

    /// <summary>The number in a text as the English UI writes it: "69.7 %", "+11.2", "responses: 2,196", "−3.0".</summary>
    private static double ParseNumber(string text)
    {
        var match = Regex.Match(text.Replace('−', '-').Replace(",", ""), @"[-+]?[0-9]+(\.[0-9]+)?");
        Assert.True(match.Success, $"no number in '{text}'");
        return double.Parse(match.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
