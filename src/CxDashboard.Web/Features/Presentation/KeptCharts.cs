using System.Globalization;
using System.Text;
using CxDashboard.Web.Features.Dashboard;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Presentation;

/// <summary>
/// Charts already drawn, kept by what they are drawn from (<see cref="Fingerprint"/>): a dashboard computed again with
/// the same numbers (another user of the same scope, or the clock moving without changing a point) reuses the SVG
/// instead of drawing it again. Off with the dashboard's cache (<c>Dashboard:Cache:Enabled=false</c>).
/// </summary>
public sealed class KeptCharts(IOptions<DashboardCacheOptions> options) : KeptInMemory(options, MaxBytes)
{
    private const long MaxBytes = 16L * 1024 * 1024;

    public string Svg(string fingerprint, Func<string> draw)
    {
        if (!Enabled) return draw();
        if (Entries.TryGetValue(fingerprint, out string? svg)) return svg!;
        svg = draw();
        Store(fingerprint, svg, 2L * (svg.Length + fingerprint.Length));
        return svg;
    }

    /// <summary>
    /// The inputs of a chart as one text, with the culture that formats its axes: numbers round-trip exactly, so a
    /// change in any value, however small, is a new fingerprint.
    /// </summary>
    public static string Fingerprint(IEnumerable<object?> parts)
    {
        var text = new StringBuilder(CultureInfo.CurrentCulture.Name).Append('\u001f').Append(CultureInfo.CurrentUICulture.Name);
        foreach (var part in parts)
        {
            text.Append('\u001f');
            text.Append(part switch
            {
                null => "∅",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => part.ToString(),
            });
        }
        return text.ToString();
    }
}
