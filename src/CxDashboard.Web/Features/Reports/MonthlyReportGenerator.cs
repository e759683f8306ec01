using System.Diagnostics;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Reports;

/// <summary>A generated monthly report with what it took: gathering the figures, and wording and drawing the PDF.</summary>
public sealed record GeneratedMonthlyReport(MonthlyReport Report, MonthlyReportView View, RenderedPdf Pdf, TimeSpan Gathering, TimeSpan Rendering)
{
    public TimeSpan Total => Gathering + Rendering;
}

/// <summary>Builds a month's report: figures from the database, then the worded view, then the PDF.</summary>
public sealed class MonthlyReportGenerator(MonthlyReportService reports, TimeProvider clock)
{
    /// <summary>The organisation-wide report's web version, in <paramref name="language"/> or the library's language.</summary>
    public async Task<MonthlyReportView> ViewAsync(DateOnly month, string? language = null, CancellationToken ct = default) =>
        MonthlyReportView.Create(await reports.BuildAsync(month, DataScope.Everything, language, ct));

    public async Task<GeneratedMonthlyReport> GenerateAsync(DateOnly month, string? language = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var report = await reports.BuildAsync(month, DataScope.Everything, language, ct);
        var gathering = watch.Elapsed;
        var view = MonthlyReportView.Create(report);
        var pdf = MonthlyReportPdf.Render(view, clock.GetUtcNow());
        return new GeneratedMonthlyReport(report, view, pdf, gathering, watch.Elapsed - gathering);
    }
}
