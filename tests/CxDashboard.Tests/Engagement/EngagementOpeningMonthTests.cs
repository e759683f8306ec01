using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Ingestion;

namespace CxDashboard.Tests.Engagement;

/// <summary>
/// On 7 April the April pulse has barely started: /Engagement opens on March, the last full month with answers, and
/// says why; April is one choice away.
/// </summary>
public sealed class EngagementOpeningMonthTests : IAsyncLifetime
{
    private readonly CxAppFactory _app = new();

    public async Task InitializeAsync()
    {
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 7, 9, 0, 0, TimeSpan.Zero));
        await _app.ImportOkAsync(ImportKind.Agents, "agent_id,name,team\nA1,Anna Andersson,T1\n");
        var rows = string.Concat(Enumerable.Range(0, 6).Select(i => $"T1,2026-03,{5 + i % 3},4,4\n")) + "T1,2026-04,9,5,5\nT1,2026-04,8,4,5\n";
        await _app.ImportOkAsync(ImportKind.Engagement, "team,period,enps,q1,q2\n" + rows);
    }

    public Task DisposeAsync() { _app.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task The_page_opens_on_the_last_full_month_with_answers_and_says_why()
    {
        var client = await _app.SignedInClientAsync("manager@engagement.test", Roles.Manager);
        var page = await Html.GetDocumentAsync(client, "/Engagement");
        Assert.Contains("2025-10 – 2026-03", page.QuerySelector("[data-testid=scope-line]")!.TextContent);
        Assert.StartsWith("2026-03:", page.QuerySelector("#latest-heading")!.TextContent);
        Assert.Equal("2026-03", page.QuerySelector("#to")!.GetAttribute("value"));
        Assert.Contains("Showing up to 2026-03, the last month that has ended with pulse answers: 2026-04 is only 7 day(s) old",
            page.QuerySelector("[data-testid=opened-on]")!.TextContent);
        Assert.Contains("T1 6", Html.RowText(page.QuerySelectorAll("[data-testid=latest-table] tbody tr")[0]));

        var april = await Html.GetDocumentAsync(client, "/Engagement?to=2026-04");
        Assert.StartsWith("2026-04:", april.QuerySelector("#latest-heading")!.TextContent);
        Assert.Null(april.QuerySelector("[data-testid=opened-on]"));
    }
}
