using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Maturity;

/// <summary>An administrator edits the model through its pages; rounds keep the version they were rated on.</summary>
public sealed class MaturityModelVersioningTests : IAsyncLifetime
{
    private const string Admin = "model-admin@test.local";
    private const string Ann = "model-ann@test.local";
    // The model is shown in the reader's language: the test host's words are English.
    private const string OldStatement = "Dissatisfied customers are called back by a named role within one working day.";
    private const string NewStatement = "Dissatisfied customers are called back by a named role within four working hours.";
    private const string NewStatementSv = "Missnöjda kunder ringas upp av en utsedd roll inom fyra arbetstimmar.";

    private readonly CxAppFactory _app = new();
    private int _closedRound;

    public async Task InitializeAsync()
    {
        await _app.CreateUserAsync(Admin, Roles.Admin);
        await _app.CreateUserAsync(Ann, Roles.Manager);
        var model = await MaturityTestData.CurrentModelAsync(_app);
        _closedRound = await MaturityTestData.ClosedRoundAsync(_app, "Autumn 2025", new DateOnly(2025, 10, 1),
        [
            new(Ann, MaturityTestData.Answers(model, (c, i) => c == "organisation" ? (i + 1).ToString() : "3")),
            new(Admin, MaturityTestData.Answers(model, (c, i) => c == "organisation" ? "2" : "3")),
        ]);
    }

    public Task DisposeAsync() { _app.Dispose(); return Task.CompletedTask; }


    private static async Task<HttpResponseMessage> EditOrganisationAsync(HttpClient admin, Action<Dictionary<string, string>> change, string query = "")
    {
        var page = await Html.GetDocumentAsync(admin, "/Maturity/Model/Edit/organisation" + query);
        var fields = MaturityTestData.FormFields(page.QuerySelector("[data-testid=capability-form]")!);
        change(fields);
        return await Html.PostFormAsync(admin, "/Maturity/Model/Edit/organisation" + query, fields, "[data-testid=capability-form]");
    }

    private Task<int> VersionCountAsync() =>
        _app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().MaturityModelVersions.CountAsync());

    [Fact]
    public async Task Editing_the_model_makes_a_new_version_and_leaves_a_closed_round_as_it_was()
    {
        var admin = await _app.SignInAsync(Admin);
        var before = await Html.GetDocumentAsync(admin, $"/Maturity/Rounds/{_closedRound}");
        var resultsBefore = before.QuerySelector("[data-testid=results-table]")!.InnerHtml;
        var statementsBefore = before.QuerySelector("[data-testid=statements-table]")!.InnerHtml;
        Assert.Contains(OldStatement, await StatementTextAsync(admin), StringComparison.Ordinal);

        var response = await EditOrganisationAsync(admin, f =>
        {
            f["Input.NameSv"] = "Organisation, roller och återkontakt";
            f["Input.NameEn"] = "Organisation, roles and callbacks";
            f["Input.Statements[0].Sv"] = NewStatementSv;
            f["Input.Statements[0].En"] = NewStatement;
            f["Input.Statements[1].Remove"] = "true";
            f["ChangeNote"] = "Callbacks within four working hours";
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var modelPage = await Html.GetDocumentAsync(admin, "/Maturity/Model");
        Assert.Contains("Saved as model version 2", modelPage.QuerySelector("[data-testid=message]").Text());
        Assert.Contains("version 2 (current)", modelPage.QuerySelector("[data-testid=scope-line]").Text());
        Assert.Contains("Callbacks within four working hours", modelPage.QuerySelector("[data-testid=versions-table]").Text());
        Assert.Equal(3, modelPage.QuerySelectorAll("[data-capability=organisation] [data-testid=statements] li").Length);

        // The closed round reads exactly as before: its texts, its numbers, its version.
        var after = await Html.GetDocumentAsync(admin, $"/Maturity/Rounds/{_closedRound}");
        Assert.Equal(resultsBefore, after.QuerySelector("[data-testid=results-table]")!.InnerHtml);
        Assert.Equal(statementsBefore, after.QuerySelector("[data-testid=statements-table]")!.InnerHtml);
        Assert.Contains("model version 1", after.QuerySelector("[data-testid=scope-line]").Text());
        Assert.Contains("Organisation and roles", after.QuerySelector("[data-testid=results-table] tr[data-capability=organisation]").Text());
        var annSheet = await Html.GetDocumentAsync(await _app.SignInAsync(Ann), $"/Maturity/Rounds/{_closedRound}/Rate");
        Assert.Equal(4, annSheet.QuerySelectorAll("[data-capability=organisation] fieldset.statement").Length);
        Assert.DoesNotContain(NewStatement, annSheet.Body!.TextContent);

        // A round opened now rates the new version, and still compares with the closed one by capability.
        var newRound = await MaturityTestData.OpenRoundAsync(_app, "Spring 2026", new DateOnly(2026, 3, 20), [Ann]);
        var sheet = await Html.GetDocumentAsync(await _app.SignInAsync(Ann), $"/Maturity/Rounds/{newRound}/Rate");
        Assert.Contains(NewStatement, sheet.QuerySelector("[data-statement=organisation-1] legend").Text());
        Assert.Equal(34, sheet.QuerySelectorAll("fieldset.statement").Length);
        var model = await MaturityTestData.CurrentModelAsync(_app);
        await MaturityTestData.SubmitAsync(_app, newRound, new(Ann, MaturityTestData.Answers(model, (_, _) => "4")));
        var newPage = await Html.GetDocumentAsync(admin, $"/Maturity/Rounds/{newRound}");
        var row = newPage.QuerySelector("[data-testid=results-table] tr[data-capability=organisation]")!;
        Assert.Contains("Organisation, roles and callbacks", row.Text());
        Assert.Equal("▲ 1,8", row.QuerySelector("[data-testid=change]").Text()); // 4 − mean(2.5, 2) = 1.75
    }

    private static async Task<string> StatementTextAsync(HttpClient admin) =>
        (await Html.GetDocumentAsync(admin, "/Maturity/Model?version=1")).QuerySelector("[data-capability=organisation] [data-testid=statements]")!.TextContent;

    [Fact]
    public async Task Saving_without_a_change_or_with_an_empty_text_stores_no_version()
    {
        var admin = await _app.SignInAsync(Admin);

        var unchanged = await EditOrganisationAsync(admin, _ => { });
        Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        Assert.Contains("Nothing changed", (await Html.GetDocumentAsync(admin, "/Maturity/Model")).QuerySelector("[data-testid=message]").Text());

        var invalid = await EditOrganisationAsync(admin, f => f["Input.NameEn"] = "  ");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var page = Html.Parse(await invalid.Content.ReadAsStringAsync());
        Assert.Contains("$.capabilities[3].name.en: the English text is empty", page.QuerySelector("[data-testid=errors]").Text());
        Assert.Equal("Organisation och roller", page.QuerySelector("#name-sv")!.GetAttribute("value"));
        Assert.Equal(1, await VersionCountAsync());

        // A Swedish admin reads the same problem, and where it is, in Swedish.
        var swedish = await EditOrganisationAsync(admin, f => f["Input.NameEn"] = "  ", "?culture=sv-SE");
        Assert.Equal(HttpStatusCode.OK, swedish.StatusCode);
        var errors = Html.Parse(await swedish.Content.ReadAsStringAsync()).QuerySelector("[data-testid=errors]").Text();
        Assert.Contains("$.capabilities[3].name.en: den engelska texten är tom", errors);
        Assert.DoesNotContain("text is empty", errors);
        Assert.Equal(1, await VersionCountAsync());
    }

    [Fact]
    public async Task Only_administrators_edit_the_model()
    {
        var manager = await _app.SignInAsync(Ann);
        Assert.Contains("/Account/AccessDenied", (await manager.GetAsync("/Maturity/Model/Edit/organisation")).Headers.Location!.ToString());
        Assert.Contains("/Account/AccessDenied", (await manager.GetAsync("/Maturity/Model/Levels")).Headers.Location!.ToString());
        var modelPage = await Html.GetDocumentAsync(manager, "/Maturity/Model");
        Assert.DoesNotContain(modelPage.QuerySelectorAll("a"), a => a.GetAttribute("href")?.StartsWith("/Maturity/Model/Edit", StringComparison.Ordinal) == true);
    }
}
