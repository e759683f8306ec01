using System.Net;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Reports;

/// <summary>
/// The report library keeps each report in its own database: two deployments given the same reports folder (two
/// databases) each serve their own monthly report, and a report made before, as a file in the folder, is moved into the
/// database at start.
/// </summary>
public sealed class ReportLibrarySharingTests
{
    [Fact]
    public async Task Two_deployments_sharing_one_reports_folder_each_serve_their_own_report()
    {
        var folder = Directory.CreateTempSubdirectory("cx-shared-reports-").FullName;
        try
        {
            using var north = new CxAppFactory { ReportsDirectory = folder };
            using var south = new CxAppFactory { ReportsDirectory = folder };
            foreach (var (app, name) in new[] { (north, "Kundservice Norr"), (south, "Kundservice Söder") })
            {
                app.Clock.SetUtcNow(ReportDataset.JobTime);
                await ReportDataset.LoadAsync(app);
                await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().OrganisationSettings.ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, name)));
            }
            // North makes March first, South after it: before, South's file replaced North's in the shared folder.
            await north.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportJob>().RunAsync("2026-03", null, CancellationToken.None));
            await south.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportJob>().RunAsync("2026-03", null, CancellationToken.None));

            foreach (var (app, own, other) in new[] { (north, "Kundservice Norr", "Kundservice Söder"), (south, "Kundservice Söder", "Kundservice Norr") })
            {
                var client = await app.SignedInClientAsync("leader@shared.test", Roles.Leadership);
                var response = await client.GetAsync("/Reports/Download/2026-03?language=sv-SE");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var pdf = PdfText.Read(await response.Content.ReadAsByteArrayAsync());
                Assert.Contains(own, pdf.All);
                Assert.DoesNotContain(other, pdf.All);
            }
            Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_report_kept_as_a_file_before_is_moved_into_the_database_at_start()
    {
        using var app = new CxAppFactory();
        app.Clock.SetUtcNow(ReportDataset.JobTime);
        await ReportDataset.LoadAsync(app);
        var made = await app.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportJob>().RunAsync("2026-03", null, CancellationToken.None));
        var pdf = await app.MonthlyPdfAsync("2026-03");

        // As an earlier version left it: the library row, and the PDF as a file in the reports folder.
        await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ReportLibraryFiles.ExecuteDeleteAsync());
        var path = Path.Combine(app.ReportsDirectory, ReportLibrary.MonthlyRelativePath(made.Month));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, pdf);

        await app.WithScopeAsync(sp => sp.GetRequiredService<Web.Data.Seeding.DatabaseInitializer>().InitializeAsync());
        var client = await app.SignedInClientAsync("leader@moved.test", Roles.Leadership);
        Assert.Equal(pdf, await client.GetByteArrayAsync("/Reports/Download/2026-03?language=sv-SE"));
        Assert.Equal(ReportKind.MonthlyLeadership, Assert.Single(await app.WithScopeAsync(sp =>
            sp.GetRequiredService<CxDbContext>().ReportLibraryFiles.Select(f => f.Entry!.Kind).ToListAsync())));
    }
}
