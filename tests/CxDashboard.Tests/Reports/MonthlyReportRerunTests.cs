using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Reports;

/// <summary>The job is idempotent: a month run again replaces its file and its one library entry (own app: the clock moves on).</summary>
public sealed class MonthlyReportRerunTests
{
    [Fact]
    public async Task Running_a_month_again_later_replaces_its_file_and_entry_with_the_figures_of_then()
    {
        using var app = new CxAppFactory();
        app.Clock.SetUtcNow(ReportDataset.JobTime);
        await ReportDataset.LoadAsync(app);
        var first = await app.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportJob>().RunAsync(null, null, CancellationToken.None));
        Assert.Contains("20 kontakter från månadens sista 7 dagar kan ännu inte avgöras", PdfText.Read(await app.MonthlyPdfAsync("2026-03")).Pages[0]);

        var later = ReportDataset.JobTime.AddDays(9);
        app.Clock.SetUtcNow(later);
        var again = await app.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportJob>().RunAsync("2026-03", "re-run by test", CancellationToken.None));
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(later.UtcDateTime, again.CreatedAtUtc);
        Assert.Equal("re-run by test", again.CreatedBy);

        var rows = await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ReportLibrary.ToListAsync());
        Assert.Single(rows);
        var content = await app.MonthlyPdfAsync("2026-03");
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ReportLibraryFiles.CountAsync()));
        var pdf = PdfText.Read(content);
        Assert.Equal(content.Length, again.SizeBytes);
        // Nine days on, every March contact is decidable: the note is gone and FCR counts all 60.
        Assert.DoesNotContain("kan ännu inte avgöras", pdf.Pages[0]);
        Assert.Contains("Lösningsgrad (FCR) 83,3 % n = 60 avgörbara kontakter", pdf.Pages[0]);
    }

    [Fact]
    public async Task The_demo_library_holds_the_last_three_months_that_have_ended()
    {
        using var app = new CxAppFactory();
        app.Clock.SetUtcNow(ReportDataset.JobTime);
        await ReportDataset.LoadAsync(app);
        await app.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportJob>().CreateDemoLibraryAsync(CancellationToken.None));

        var rows = await app.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ReportLibrary.OrderBy(e => e.Month).ToListAsync());
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)], rows.Select(e => e.Month));
        Assert.All(rows, e => Assert.Equal(MonthlyReportJob.ScheduledBy, e.CreatedBy));
        Assert.StartsWith("Kundupplevelse – januari 2026", PdfText.Read(await app.MonthlyPdfAsync("2026-01")).Pages[0]);
    }
}
