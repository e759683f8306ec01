using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Features.Accounts;
using static CxDashboard.Tests.Imports.ImportTestSupport;

namespace CxDashboard.Tests.Imports;

public sealed class ImportHistoryTestsOnSqlite : ImportHistoryTests<OnSqlite>;

public sealed class ImportHistoryTestsOnPostgres : ImportHistoryTests<OnPostgres>, IRunsOnPostgres;

/// <summary>Imports run from the command line appear in the Import page's history beside the page's own, rejected ones too.</summary>
public abstract class ImportHistoryTests<TDb> where TDb : ITestDatabase
{
    private const string Agents = "agent_id,name,team\nA1,Anna Berg,Team Nord\nA2,Bo Ek,Team Nord\n";

    [DbFact]
    public async Task Command_line_imports_are_listed_with_their_counts_and_outcome()
    {
        using var app = new CxAppFactory(TDb.Provider);
        var admin = await app.SignedInClientAsync("admin@test.local", Roles.Admin);

        var good = WriteTemp(Agents);
        Assert.Equal(0, (await ImportCliAsync(app, "agents", good)).ExitCode);
        var bad = WriteTemp("agent_id,name\nA3,Cia Lund\n");
        Assert.Equal(1, (await ImportCliAsync(app, "agents", bad)).ExitCode);
        Assert.Equal(0, (await ImportCliAsync(app, "agents", good, "--dry-run")).ExitCode);

        var page = await Html.GetDocumentAsync(admin, "/Import");
        var rows = page.QuerySelectorAll("[data-testid=import-history] tbody tr").Select(Html.RowText).ToList();
        Assert.Equal(2, rows.Count); // the dry run wrote nothing and is not history
        Assert.Contains("Command line (import)", rows[0]);
        Assert.Contains(Path.GetFileName(bad), rows[0]);
        Assert.Contains("Rejected: nothing written", rows[0]);
        Assert.Contains(Path.GetFileName(good), rows[1]);
        Assert.Matches(@"agents 2 2 0 0 0 Imported", rows[1]);

        var runLink = page.QuerySelectorAll("[data-testid=import-history] tbody tr a").Last().GetAttribute("href")!;
        var run = await Html.GetDocumentAsync(admin, runLink);
        Assert.Contains("Uploaded by Command line (import)", run.QuerySelector("[data-testid=scope-line]").Text());
        Assert.Equal("Imported", run.QuerySelector("[data-testid=run-status]").Text());
    }
}
