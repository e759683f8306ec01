using System.Globalization;
using System.Text.RegularExpressions;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// The generated reports: one library row per kind and month, and its PDF, both in the database. Every instance on the
/// database serves the same report, and an instance on another database (even one sharing a reports folder) never serves
/// it. Reports are found only through a parsed month (never a path from a request); storing a month replaces its report
/// whole, in one transaction.
/// </summary>
public sealed partial class ReportLibrary(CxDbContext db, ReportOptions options, TimeProvider clock, ILogger<ReportLibrary> logger)
{
    public async Task<IReadOnlyList<ReportLibraryEntry>> ListAsync(CancellationToken ct = default) =>
        await db.ReportLibrary.AsNoTracking().OrderByDescending(e => e.Month).ThenBy(e => e.Kind).ToListAsync(ct);

    public Task<ReportLibraryEntry?> FindMonthlyAsync(DateOnly month, CancellationToken ct = default) =>
        db.ReportLibrary.AsNoTracking().FirstOrDefaultAsync(e => e.Kind == ReportKind.MonthlyLeadership && e.Month == FirstOf(month), ct);

    /// <summary>The monthly report and its PDF when the library has them.</summary>
    public async Task<StoredReport?> OpenMonthlyAsync(DateOnly month, CancellationToken ct = default)
    {
        var entry = await FindMonthlyAsync(month, ct);
        if (entry is null) return null;
        var content = await db.ReportLibraryFiles.AsNoTracking().Where(f => f.ReportLibraryEntryId == entry.Id).Select(f => f.Content).FirstOrDefaultAsync(ct);
        return content is null ? null : new StoredReport(entry, content);
    }

    /// <summary>Stores the month's PDF (replacing any earlier one) with its library row; returns the row.</summary>
    public async Task<ReportLibraryEntry> StoreMonthlyAsync(DateOnly month, RenderedPdf pdf, string createdBy, int buildMilliseconds, CancellationToken ct = default)
    {
        month = FirstOf(month);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreAsync(month, pdf, createdBy, buildMilliseconds, ct);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another instance stored the same month at the same moment: replace its report instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<ReportLibraryEntry> StoreAsync(DateOnly month, RenderedPdf pdf, string createdBy, int buildMilliseconds, CancellationToken ct)
    {
        var entry = await db.ReportLibrary.FirstOrDefaultAsync(e => e.Kind == ReportKind.MonthlyLeadership && e.Month == month, ct);
        var file = entry is null ? null : await db.ReportLibraryFiles.FirstOrDefaultAsync(f => f.ReportLibraryEntryId == entry.Id, ct);
        if (entry is null)
        {
            entry = new ReportLibraryEntry { Kind = ReportKind.MonthlyLeadership, Month = month, CreatedBy = createdBy };
            db.ReportLibrary.Add(entry);
        }
        if (file is null) db.ReportLibraryFiles.Add(new ReportLibraryFile { Entry = entry, Content = pdf.Content });
        else file.Content = pdf.Content;
        entry.SizeBytes = pdf.Content.Length;
        entry.PageCount = pdf.PageCount;
        entry.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        entry.CreatedBy = createdBy.Length > 200 ? createdBy[..200] : createdBy;
        entry.BuildMilliseconds = buildMilliseconds;
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>
    /// Reports made before the library kept them in the database were files under the reports folder: each listed month
    /// without its PDF in the database takes its file from there, once (at start). The files are left where they are.
    /// </summary>
    public async Task<int> MoveFilesIntoDatabaseAsync(CancellationToken ct = default)
    {
        var withoutContent = await db.ReportLibrary.Where(e => !db.ReportLibraryFiles.Any(f => f.ReportLibraryEntryId == e.Id)).ToListAsync(ct);
        var moved = 0;
        foreach (var entry in withoutContent.Where(e => e.Kind == ReportKind.MonthlyLeadership))
        {
            var path = FullPath(MonthlyRelativePath(entry.Month));
            if (!File.Exists(path)) continue;
            var content = await File.ReadAllBytesAsync(path, ct);
            db.ReportLibraryFiles.Add(new ReportLibraryFile { ReportLibraryEntryId = entry.Id, Content = content });
            entry.SizeBytes = content.Length;
            moved++;
        }
        if (moved > 0)
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Moved {Count} report file(s) from {Directory} into the database", moved, options.Directory);
        }
        return moved;
    }

    /// <summary>"monthly/cx-report-2026-03.pdf": built from the month alone (where the file of a report made before was kept).</summary>
    public static string MonthlyRelativePath(DateOnly month) =>
        $"monthly/cx-report-{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}.pdf";

    public static string MonthlyFileName(DateOnly month) => Path.GetFileName(MonthlyRelativePath(month));

    /// <summary>Accepts exactly YYYY-MM with a month 01–12 (nothing else reaches a file name).</summary>
    public static bool TryParseMonth(string? text, out DateOnly month)
    {
        month = default;
        if (text is null || !MonthPattern().IsMatch(text)) return false;
        return Metrics.PeriodRule.TryParseMonth(text, out month);
    }

    /// <summary>A path inside the reports directory; anything that would resolve outside it is refused.</summary>
    private string FullPath(string relativePath)
    {
        var root = Path.GetFullPath(options.Directory);
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
            throw new InvalidOperationException($"'{relativePath}' is outside the reports directory.");
        return full;
    }

    private static DateOnly FirstOf(DateOnly month) => new(month.Year, month.Month, 1);

    [GeneratedRegex(@"\A[0-9]{4}-(0[1-9]|1[0-2])\z", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();
}

/// <summary>A library entry with its PDF.</summary>
public sealed record StoredReport(ReportLibraryEntry Entry, byte[] Content);
