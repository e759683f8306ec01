using System.Globalization;
using System.Text;

namespace CxDashboard.Web.Features.Exports;

public static class ExportFileNames
{
    /// <summary>"Team Luleå" → "team-lulea": safe in a file name and a Content-Disposition header on every system.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "x" : slug[..Math.Min(slug.Length, 40)];
    }
}

/// <summary>
/// Writes a file so that it appears whole or not at all: into a temporary file beside it, moved into place only when
/// writing succeeded. A failed or cancelled export never leaves half a workbook behind (nor replaces a good one).
/// </summary>
public static class AtomicFile
{
    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = Hosting.PrivateFiles.Create(temporary))
            {
                await write(stream);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
