using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Features.Accounts;

namespace CxDashboard.Tests.Maturity;

/// <summary>An action's life against the injected clock (its own app: the clock only moves forward).</summary>
public sealed class MaturityActionDeadlineTests : IAsyncLifetime
{
    private const string Manager = "deadline-manager@test.local";
    private const string Leader = "deadline-leader@test.local";
    private readonly CxAppFactory _app = new();
    private CxAppFactory App => _app;

    public async Task InitializeAsync()
    {
        await App.CreateUserAsync(Manager, Roles.Manager);
        await App.CreateUserAsync(Leader, Roles.Leadership);
    }

    public Task DisposeAsync() { _app.Dispose(); return Task.CompletedTask; }


    private async Task<string> AddActionAsync(HttpClient manager, string title, string dueDate)
    {
        var form = await Html.GetDocumentAsync(manager, "/Maturity/Actions/Edit?capability=organisation");
        Assert.Equal("organisation", form.QuerySelector("#CapabilityKey option[selected]")!.GetAttribute("value"));
        var added = await Html.PostFormAsync(manager, "/Maturity/Actions/Edit?capability=organisation", new Dictionary<string, string>
        {
            ["Title"] = title,
            ["CapabilityKey"] = "organisation",
            ["OwnerUserId"] = form.QuerySelectorAll("#OwnerUserId option").Single(o => o.Text() == Leader).GetAttribute("value")!,
            ["DueDate"] = dueDate,
            ["Status"] = "Open",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/Maturity/Capabilities/organisation", added.Headers.Location!.OriginalString);

        var capability = await Html.GetDocumentAsync(manager, "/Maturity/Capabilities/organisation");
        var row = capability.QuerySelectorAll("[data-testid=actions-table] tbody tr").Single(r => r.Text().Contains(title));
        Assert.Equal("Open", row.QuerySelector("[data-testid=action-status]").Text());
        Assert.Contains(Leader, row.Text());
        return row.GetAttribute("data-action-id")!;
    }

    private static async Task MarkDoneAsync(HttpClient manager, string actionId)
    {
        var edit = await Html.GetDocumentAsync(manager, $"/Maturity/Actions/Edit/{actionId}");
        var fields = MaturityTestData.FormFields(edit.QuerySelector("[data-testid=action-form]")!);
        fields["Status"] = "Done";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(manager, $"/Maturity/Actions/Edit/{actionId}", fields)).StatusCode);
    }

    private static string StatusOf(AngleSharp.Dom.IDocument page, string actionId) =>
        page.QuerySelector($"tr[data-action-id='{actionId}'] [data-testid=action-status]")!.ParentElement.Text();

    [Fact]
    public async Task Actions_turn_overdue_with_the_clock_and_count_as_done_on_time_or_late()
    {
        var manager = await App.SignInAsync(Manager);
        var late = await AddActionAsync(manager, "Two agents per shift call back dissatisfied customers", "2026-04-03");
        var early = await AddActionAsync(manager, "Callback scripts for the top three complaints", "2026-04-04");

        // 2026-04-03: the early one is done a day before it is due. (A sign-in cookie does not outlive days passing.)
        App.Clock.Advance(TimeSpan.FromDays(3));
        manager = await App.SignInAsync(Manager);
        await MarkDoneAsync(manager, early);
        Assert.Empty((await Html.GetDocumentAsync(manager, "/Maturity/Actions?overdue=true")).QuerySelectorAll("[data-testid=actions-table] tbody tr"));

        // 2026-04-05: the other is two days past due, then done late.
        App.Clock.Advance(TimeSpan.FromDays(2));
        manager = await App.SignInAsync(Manager);
        var overdue = await Html.GetDocumentAsync(manager, "/Maturity/Actions?overdue=true");
        Assert.Equal("Open · overdue", StatusOf(overdue, late));
        Assert.Single(overdue.QuerySelectorAll("[data-testid=actions-table] tbody tr"));
        await MarkDoneAsync(manager, late);

        var done = await Html.GetDocumentAsync(manager, "/Maturity/Actions?status=done");
        Assert.Equal("Done 2026-04-05", StatusOf(done, late));
        Assert.Equal("Done 2026-04-03", StatusOf(done, early));
        var delivery = await Html.GetDocumentAsync(manager, "/Maturity/Capabilities/delivery");
        var onTime = delivery.QuerySelector("[data-kpi-key=actions-on-time]").Text();
        Assert.Contains("Improvement actions done on time 50,0 %", onTime);
        Assert.Contains("1 of 2 done by their due date", onTime);
    }
}
