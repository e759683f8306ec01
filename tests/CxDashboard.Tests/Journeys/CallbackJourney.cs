using System.Globalization;
using System.Text.RegularExpressions;
using CxDashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Journeys;

/// <summary>
/// Callback staff work the most urgent case: claim it, log two attempts, close it with an outcome, a root cause and a
/// follow-up survey; the customer answers the survey on a phone (390 px); the recovery figure on the dashboard moves.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed class CallbackJourney(JourneyApp app)
{
    private const string Who = "callback";

    [Fact]
    public async Task Callback_staff_call_back_the_most_urgent_customer_and_the_recovery_figure_moves()
    {
        var manager = await app.SignInAsync("manager@demo.local");
        var answeredBefore = await FollowUpsAnsweredAsync(manager); // the manager lands on the dashboard

        var page = await app.SignInAsync("callback@demo.local");
        Assert.Equal("/Callbacks", new Uri(page.Url).AbsolutePath);
        await app.CheckAsync(page, Who);
        await JourneyApp.ScreenshotAsync(page, "callback-worklist");

        // Most urgent first: every overdue or escalated case before the others, each group by priority.
        var rows = await WorklistAsync(page);
        Assert.NotEmpty(rows);
        Assert.True(rows.Any(r => r.Urgent), "the demo has overdue or escalated cases");
        Assert.True(rows[0].Urgent, "the first row is overdue or escalated");
        var firstCalm = rows.FindIndex(r => !r.Urgent);
        Assert.True(firstCalm < 0 || rows.Skip(firstCalm).All(r => !r.Urgent), string.Join(" | ", rows));
        foreach (var group in new[] { rows.Where(r => r.Urgent).ToList(), rows.Where(r => !r.Urgent).ToList() })
            Assert.Equal(group.Select(r => r.Priority).OrderDescending(), group.Select(r => r.Priority));

        // The most urgent case nobody has yet: "Open, unassigned", then the first row's customer.
        await page.RunAndWaitForPageAsync(() => page.Locator("#status").SelectOptionAsync(new SelectOptionValue { Label = Ui.OpenUnassigned }));
        var first = page.Locator("[data-testid=worklist] tbody tr").First;
        var customer = (await first.Locator("[data-testid=customer]").InnerTextAsync()).Trim();
        await page.RunAndWaitForPageAsync(() => first.Locator("[data-testid=customer]").ClickAsync());
        Assert.Contains(customer, await page.Locator("h1").InnerTextAsync());

        await page.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Button, new() { Name = Ui.ClaimThisCase }).ClickAsync());
        Assert.Contains(Ui.CaseIsYours, await MessageAsync(page));
        await app.CheckAsync(page, Who);

        // Two attempts: no answer, then reached.
        foreach (var (result, number) in new[] { ("NoAnswer", 1), ("Reached", 2) })
        {
            var attempt = page.Locator("[data-testid=attempt-form]");
            await attempt.Locator("#Attempt_Result").SelectOptionAsync(result);
            await attempt.Locator("#Attempt_Note").FillAsync(number == 1 ? "No answer, tried the mobile" : "Went through the invoice together");
            await page.RunAndWaitForPageAsync(() => attempt.GetByRole(AriaRole.Button, new() { Name = Ui.LogAttempt }).ClickAsync());
            Assert.Equal($"Attempt {number} logged.", await MessageAsync(page));
        }
        Assert.Equal(2, await page.Locator("[data-testid=attempts] tbody tr").CountAsync());

        // Close: outcome, root cause, and a follow-up survey.
        var close = page.Locator("[data-testid=close-form]");
        await close.Locator("#outcome-ReachedResolved").CheckAsync();
        await close.Locator("#Close_RootCauseReasonId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await close.Locator("#Close_SendFollowUp").CheckAsync();
        await page.RunAndWaitForPageAsync(() => close.GetByRole(AriaRole.Button, new() { Name = Ui.CloseCase }).ClickAsync());
        Assert.StartsWith(Ui.CaseClosed, await MessageAsync(page));
        var link = await page.Locator("[data-testid=follow-up-link]").InputValueAsync();
        await JourneyApp.ScreenshotAsync(page, "callback-case-closed", fullPage: true);

        // The customer answers on a phone.
        var phone = await app.NewPageAsync(390, 844);
        await phone.GotoAsync(app.BaseUrl + new Uri(link).PathAndQuery);
        await app.CheckAsync(phone, "customer");
        Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "nothing wider than the phone");
        var option = await phone.Locator("label[for=csat-5]").BoundingBoxAsync();
        Assert.True(option!.Height >= 44, $"a CSAT option is {option.Height} px high");
        await phone.Locator("#csat-5").CheckAsync();
        await phone.Locator("#resolved-yes").CheckAsync();
        await phone.Locator("#comment").FillAsync("Tack för att ni ringde, nu fungerar fakturan.");
        await phone.RunAndWaitForPageAsync(() => phone.Locator("[data-testid=survey-form] button[type=submit]").ClickAsync());
        await Assertions.Expect(phone.Locator("[data-testid=survey-message]")).ToBeVisibleAsync();
        await JourneyApp.ScreenshotAsync(phone, "callback-follow-up-survey-phone", fullPage: true);

        // The recovery figure counts the answer.
        await manager.ReloadAsync();
        Assert.Equal(answeredBefore + 1, await FollowUpsAnsweredAsync(manager));
    }

    private sealed record Row(string Customer, int Priority, bool Urgent);

    private static async Task<List<Row>> WorklistAsync(IPage page)
    {
        var rows = new List<Row>();
        foreach (var row in await page.Locator("[data-testid=worklist] tbody tr").AllAsync())
        {
            var text = await row.InnerTextAsync();
            var sla = await row.Locator("[data-testid=sla]").CountAsync() > 0 ? (await row.Locator("[data-testid=sla]").InnerTextAsync()).Trim() : "";
            var priority = int.Parse(Regex.Match(await row.Locator(".prio").InnerTextAsync(), "[0-9]+").Value, CultureInfo.InvariantCulture);
            rows.Add(new Row((await row.Locator("[data-testid=customer]").InnerTextAsync()).Trim(), priority, sla == Ui.Overdue || text.Contains(Ui.Escalated)));
        }
        return rows;
    }

    private static async Task<string> MessageAsync(IPage page) => (await page.Locator("[data-testid=message]").InnerTextAsync()).Trim();

    /// <summary>"follow-ups answered: N" on the dashboard's recovery tile (last 30 days, today included).</summary>
    private static async Task<int> FollowUpsAnsweredAsync(IPage manager)
    {
        var text = await manager.Locator("[data-kpi=CallbackRecoveryRate] [data-testid=kpi-n]").InnerTextAsync();
        return int.Parse(Regex.Match(text.Replace(",", ""), "[0-9]+").Value, CultureInfo.InvariantCulture);
    }
}
