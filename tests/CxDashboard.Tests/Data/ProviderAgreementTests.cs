using ClosedXML.Excel;
using CxDashboard.DemoData;
using CxDashboard.Tests.Callbacks;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Ingestion;

namespace CxDashboard.Tests.Data;

/// <summary>
/// The same two months of demo data (a DST change inside) imported into SQLite and into PostgreSQL, flagged by the same
/// job at the same instant: every figure the CLI prints, the callback list, the KPI workbook and the monthly report are
/// the same to the last digit on both.
/// </summary>
public sealed class ProviderAgreementTests(ProviderAgreementTests.Fixture fixture) : IClassFixture<ProviderAgreementTests.Fixture>, IRunsOnPostgres
{
    public static readonly DateTimeOffset Now = new(2026, 4, 2, 9, 30, 0, TimeSpan.Zero);

    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory Sqlite { get; } = new(DatabaseProvider.Sqlite);
        public CxAppFactory Postgres { get; } = new(DatabaseProvider.Postgres);

        public async Task InitializeAsync()
        {
            var directory = Directory.CreateTempSubdirectory("cx-agree-");
            try
            {
                var seed = FindSeedData();
                var organisation = DemoOrganisation.Load(Path.Combine(seed, "demo", "organisation.json"));
                DemoDataGenerator.Generate(organisation, new DemoGenerationOptions { EndDate = new DateOnly(2026, 3, 31), Days = 60 }, directory.FullName);
                foreach (var app in new[] { Sqlite, Postgres })
                {
                    app.Clock.SetUtcNow(Now);
                    foreach (var (kind, file) in new[]
                             {
                                 (ImportKind.Agents, DemoDataFiles.Agents), (ImportKind.Contacts, DemoDataFiles.Contacts),
                                 (ImportKind.SurveyResponses, DemoDataFiles.SurveyResponses), (ImportKind.Engagement, DemoDataFiles.Engagement),
                             })
                        await app.ImportOkAsync(kind, await File.ReadAllTextAsync(Path.Combine(directory.FullName, file)));
                    await CallbackDataset.FlagAsync(app, Now);
                }
            }
            finally
            {
                directory.Delete(true);
            }
        }

        public Task DisposeAsync()
        {
            Sqlite.Dispose();
            Postgres.Dispose();
            return Task.CompletedTask;
        }

        private static string FindSeedData()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "seed-data"))) return Path.Combine(dir.FullName, "seed-data");
            throw new DirectoryNotFoundException("seed-data");
        }
    }

    private async Task<(string Sqlite, string Postgres)> BothAsync(params string[] args)
    {
        var sqlite = await CliRunner.RunAsync(fixture.Sqlite, Now, args);
        var postgres = await CliRunner.RunAsync(fixture.Postgres, Now, args);
        Assert.True(sqlite.ExitCode == 0, sqlite.Error);
        Assert.True(postgres.ExitCode == 0, postgres.Error);
        return (sqlite.Out, postgres.Out);
    }

    public static TheoryData<string[]> KpiQueries => new()
    {
        new[] { "--from", "2026-02-01", "--to", "2026-03-31" },
        new[] { "--from", "2026-03-01", "--to", "2026-03-31", "--same-reason" },
        new[] { "--from", "2026-03-20", "--to", "2026-03-31", "--window-days", "3", "--as-of", "2026-03-30T22:30:00Z" },
        new[] { "--from", "2026-03-29", "--to", "2026-03-29", "--channel", "phone" },
        new[] { "--from", "2026-02-10", "--to", "2026-03-12", "--team", "1" },
        new[] { "--from", "2026-03-01", "--to", "2026-03-31", "--agent", "AG-003", "--reason", "FAKTURA" },
    };

    [DbTheory]
    [MemberData(nameof(KpiQueries))]
    public async Task Kpis_are_the_same_on_both_databases(string[] filters)
    {
        var (sqlite, postgres) = await BothAsync(["kpis", "--format", "json", .. filters]);
        Assert.Contains("\"contacts\":", sqlite);
        Assert.Equal(sqlite, postgres);
    }

    [DbFact]
    public async Task Engagement_and_the_callback_list_are_the_same_on_both_databases()
    {
        var (sqliteEngagement, postgresEngagement) = await BothAsync("engagement", "--period", "2026-03", "--format", "json");
        Assert.Equal(sqliteEngagement, postgresEngagement);
        var (sqliteCallbacks, postgresCallbacks) = await BothAsync("callbacks", "list", "--status", "all", "--format", "json");
        Assert.Contains("\"trigger", sqliteCallbacks, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(sqliteCallbacks, postgresCallbacks);
    }

    [DbFact]
    public async Task The_kpi_workbook_and_the_monthly_report_are_the_same_on_both_databases()
    {
        var files = Enumerable.Range(0, 6).Select(i => Path.Combine(Path.GetTempPath(), $"cx-agree-{Guid.NewGuid():N}")).ToArray();
        try
        {
            async Task RunBoth(string[] args, string sqliteOut, string postgresOut)
            {
                var sqlite = await CliRunner.RunAsync(fixture.Sqlite, Now, [.. args, "--out", sqliteOut]);
                var postgres = await CliRunner.RunAsync(fixture.Postgres, Now, [.. args, "--out", postgresOut]);
                Assert.True(sqlite.ExitCode == 0, sqlite.Error);
                Assert.True(postgres.ExitCode == 0, postgres.Error);
            }
            await RunBoth(["export", "kpis", "--from", "2026-02-01", "--to", "2026-03-31"], files[0] + ".xlsx", files[1] + ".xlsx");
            Assert.Equal(Cells(files[0] + ".xlsx"), Cells(files[1] + ".xlsx"));

            await RunBoth(["report", "monthly", "--month", "2026-03", "--format", "html"], files[2] + ".html", files[3] + ".html");
            var html = WithoutChartIds(await File.ReadAllTextAsync(files[2] + ".html"));
            Assert.Contains("CSAT", html);
            Assert.Equal(html, WithoutChartIds(await File.ReadAllTextAsync(files[3] + ".html")));

            await RunBoth(["report", "monthly", "--month", "2026-03", "--format", "pdf"], files[4] + ".pdf", files[5] + ".pdf");
            Assert.Equal(Reports.PdfText.Read(files[4] + ".pdf").Pages, Reports.PdfText.Read(files[5] + ".pdf").Pages);
        }
        finally
        {
            foreach (var file in files)
                foreach (var extension in new[] { ".xlsx", ".html", ".pdf" })
                    File.Delete(file + extension);
        }
    }

    /// <summary>The charts' SVG clip-path ids count up within the process, whichever database the figures came from.</summary>
    private static string WithoutChartIds(string html) => System.Text.RegularExpressions.Regex.Replace(html, @"cl_[0-9a-f]+", "cl_");

    private static List<string> Cells(string path)
    {
        using var workbook = new XLWorkbook(path);
        return [.. workbook.Worksheets.SelectMany(sheet => sheet.CellsUsed().Select(cell => $"{sheet.Name}!{cell.Address}={cell.Value}"))];
    }
}
