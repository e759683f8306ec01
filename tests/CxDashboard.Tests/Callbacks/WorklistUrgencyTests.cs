using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Callbacks;

/// <summary>
/// Urgent work comes first everywhere cases are listed: on <see cref="CallbackDataset"/>, CU2 and CU3 (priority 60) are
/// given a due time tomorrow, so the low-priority CU6 (40), overdue and escalated, must still come before them, after the
/// other overdue cases (CU9 85, CU1 80).
/// </summary>
public sealed class WorklistUrgencyTests(WorklistUrgencyTests.Fixture fixture) : IClassFixture<WorklistUrgencyTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public string ApiKey { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await CallbackDataset.LoadAsync(App);
            await CallbackDataset.EscalateAsync(App);
            await App.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<CxDbContext>();
                foreach (var c in await db.CallbackCases.Where(c => c.Customer!.ExternalId == "CU2" || c.Customer!.ExternalId == "CU3").ToListAsync())
                {
                    c.DueAtUtc = CallbackDataset.Now.UtcDateTime.AddDays(1);
                    c.EscalatedAtUtc = null;
                }
                await db.SaveChangesAsync();
            });
            var created = await CliRunner.RunAsync(App.ConnectionString, CallbackDataset.Now, "create-api-key", "--name", "Worklist");
            ApiKey = created.Out.Trim();
        }

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private static readonly string[] MostUrgentFirst = ["CU9", "CU1", "CU6", "CU3", "CU2"];

    [Fact]
    public async Task The_worklist_puts_overdue_and_escalated_cases_first_then_priority_and_due_time()
    {
        var client = await fixture.App.SignedInClientAsync("caller@urgency.test", Roles.Callback);
        var page = await Html.GetDocumentAsync(client, "/Callbacks");
        var rows = page.QuerySelectorAll("[data-testid=worklist] tbody tr");
        Assert.Equal(["Nio Två Gånger", "Ulla Ett", "Sex Upprepad", "Tea Tre", "Per Två"], rows.Select(r => r.QuerySelector("[data-testid=customer]")!.TextContent.Trim()));
        Assert.Equal(["Overdue", "Overdue", "Overdue", "Due", "Due"], rows.Select(r => r.QuerySelector("[data-testid=sla]")!.TextContent.Trim()));

        // The counters are links to those views.
        var overdueLink = page.QuerySelector("[data-count=overdue]")!;
        Assert.Equal("3 overdue", overdueLink.TextContent.Trim());
        var overdue = await Html.GetDocumentAsync(client, overdueLink.GetAttribute("href")!);
        Assert.Equal(["Nio Två Gånger", "Ulla Ett", "Sex Upprepad"],
            overdue.QuerySelectorAll("[data-testid=worklist] [data-testid=customer]").Select(c => c.TextContent.Trim()));
        var escalated = await Html.GetDocumentAsync(client, page.QuerySelector("[data-count=escalated]")!.GetAttribute("href")!);
        Assert.Equal(3, escalated.QuerySelectorAll("[data-testid=worklist] tbody tr").Length);
    }

    [Fact]
    public async Task The_dashboard_links_escalated_cases_for_those_who_may_open_them_and_names_no_customer_to_leadership()
    {
        var manager = await Html.GetDocumentAsync(await fixture.App.SignedInClientAsync("manager@urgency.test", Roles.Manager), "/");
        var links = manager.QuerySelectorAll("[data-testid=escalated-cases] tbody tr td:first-child a");
        Assert.Contains("Sex Upprepad", links.Select(a => a.TextContent));
        Assert.All(links, a => Assert.StartsWith("/Callbacks/Case/", a.GetAttribute("href")));

        var leader = await Html.GetDocumentAsync(await fixture.App.SignedInClientAsync("leader@urgency.test", Roles.Leadership), "/");
        var table = leader.QuerySelector("[data-testid=escalated-cases]")!;
        Assert.Empty(table.QuerySelectorAll("a"));
        Assert.All(table.QuerySelectorAll("tbody tr td:first-child"), cell => Assert.Matches("^Case [0-9]+$", cell.TextContent.Trim()));
        Assert.DoesNotContain("Sex Upprepad", table.TextContent);
        Assert.Contains("Managers and callback staff work these cases", leader.QuerySelector("[data-testid=escalated-note]")!.TextContent);
    }

    [Fact]
    public async Task The_api_and_the_cli_list_cases_in_the_same_order()
    {
        var client = fixture.App.NewClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", fixture.ApiKey);
        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/callbacks?status=open");
        Assert.Equal(MostUrgentFirst, api.EnumerateArray().Select(c => c.GetProperty("customerId").GetString()));

        var cli = await CliRunner.RunAsync(fixture.App.ConnectionString, CallbackDataset.Now, "callbacks", "list", "--status", "open", "--format", "json");
        Assert.Equal(MostUrgentFirst, cli.Json.EnumerateArray().Select(c => c.GetProperty("customerId").GetString()));
    }

    [Fact]
    public async Task The_export_lists_the_cases_in_the_same_order()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cx-urgency-{Guid.NewGuid():N}.xlsx");
        try
        {
            var run = await CliRunner.RunAsync(fixture.App.ConnectionString, CallbackDataset.Now, "export", "callbacks", "--from", "2026-05-01", "--to", "2026-05-13", "--out", path);
            Assert.True(run.ExitCode == 0, run.Error);
            using var workbook = new XLWorkbook(path);
            var sheet = workbook.Worksheet("Callback cases");
            var column = sheet.Row(1).CellsUsed().Single(c => c.GetString() == "Customer id").Address.ColumnNumber;
            Assert.Equal(MostUrgentFirst, sheet.RowsUsed().Skip(1).Select(r => r.Cell(column).GetString()));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
