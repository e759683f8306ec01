using System.Globalization;
using System.Text.RegularExpressions;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// The generated reports: files under the reports directory and one library row per kind and month. Files are found
/// only through a parsed month (never a path from a request), and written to a temporary file first, then moved into
/// place, so a reader never sees half a report and re-running a month replaces it whole.
/// </summary>
public sealed partial class ReportLibrary(CxDbContext db, ReportOptions options, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReportLibraryEntry>> ListAsync(CancellationToken ct = default) =>
        await db.ReportLibrary.AsNoTracking().OrderByDescending(e => e.Month).ThenBy(e => e.Kind).ToListAsync(ct);

    public Task<ReportLibraryEntry?> FindMonthlyAsync(DateOnly month, CancellationToken ct = default) =>
        db.ReportLibrary.AsNoTracking().FirstOrDefaultAsync(e => e.Kind == ReportKind.MonthlyLeadership && e.Month == FirstOf(month), ct);

    /// <summary>The monthly report's file when the library lists it and the file is there.</summary>
    public async Task<(ReportLibraryEntry Entry, string Path)?> OpenMonthlyAsync(DateOnly month, CancellationToken ct = default)
    {
        var entry = await FindMonthlyAsync(month, ct);
        if (entry is null) return null;
        var path = FullPath(MonthlyRelativePath(entry.Month));
        return File.Exists(path) ? (entry, path) : null;
    }

    /// <summary>Writes the month's PDF (replacing any earlier one) and records it; returns the library row.</summary>
    public async Task<ReportLibraryEntry> StoreMonthlyAsync(DateOnly month, RenderedPdf pdf, string createdBy, int buildMilliseconds, CancellationToken ct = default)
    {
        month = FirstOf(month);
        var relativePath = MonthlyRelativePath(month);
        await ReplaceFileAsync(FullPath(relativePath), pdf.Content, ct);

        var entry = await db.ReportLibrary.FirstOrDefaultAsync(e => e.Kind == ReportKind.MonthlyLeadership && e.Month == month, ct);
        if (entry is null)
        {
            entry = new ReportLibraryEntry { Kind = ReportKind.MonthlyLeadership, Month = month, RelativePath = relativePath, CreatedBy = createdBy };
            db.ReportLibrary.Add(entry);
        }
        entry.RelativePath = relativePath;
        entry.SizeBytes = pdf.Content.Length;
        entry.PageCount = pdf.PageCount;
        entry.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        entry.CreatedBy = createdBy.Length > 200 ? createdBy[..200] : createdBy;
        entry.BuildMilliseconds = buildMilliseconds;
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>"monthly/cx-report-2026-03.pdf": built from the month alone.</summary>
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
    public string FullPath(string relativePath)
    {
        var root = Path.GetFullPath(options.Directory);
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
            throw new InvalidOperationException($"'{relativePath}' is outside the reports directory.");
        return full;
    }

    private static async Task ReplaceFileAsync(string path, byte[] content, CancellationToken ct)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = Hosting.PrivateFiles.Create(temporary, FileMode.CreateNew, FileOptions.Asynchronous, 81920))
            {
                await stream.WriteAsync(content, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            // A rename within one folder: readers see the old file or the new one, never a mix.
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static DateOnly FirstOf(DateOnly month) => new(month.Year, month.Month, 1);

    [GeneratedRegex(@"\A[0-9]{4}-(0[1-9]|1[0-2])\z", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();
}
