using System.Globalization;
using CxDashboard.Web.Features.Metrics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Dashboard;

public sealed class DashboardCacheOptions
{
    public const string Section = "Dashboard:Cache";

    /// <summary>Off: every request computes its dashboard (for comparisons; answers are the same either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Memory the kept dashboards may take; the least used go first beyond it.</summary>
    public int MaxMegabytes { get; set; } = 64;
}

/// <summary>
/// What a dashboard's figures and charts depend on: the data (by its version), who looks (their scope), what they ask
/// for (period resolved against today, filters) and the language and formats of the request.
/// </summary>
public sealed record DashboardCacheKey(
    long DataVersion, string Scope, string PresetKey, DateOnly From, DateOnly To, int? Team, int? Agent, string? Channel, int? Reason,
    int WindowDays, string Culture, string UiCulture);

/// <summary>
/// Dashboards already computed, kept per <see cref="DashboardCacheKey"/> in this instance's memory. A new data version
/// (any import, answer, job or edit, on any instance sharing the database) makes a new key, so old figures are never
/// served; the clock alone changes contact-based FCR (contacts become decidable W days after they started), so each
/// dashboard is kept only until the next contact becomes decidable.
/// </summary>
public sealed class DashboardCache(IOptions<DashboardCacheOptions> options) : KeptInMemory(options)
{
    public DashboardView? Find(DashboardCacheKey key, DateTime asOfUtc) =>
        Entries.TryGetValue(key, out Entry? entry) && asOfUtc < entry!.ValidBeforeAsOfUtc ? entry.View : null;

    public void Keep(DashboardCacheKey key, DashboardView view, DateTime validBeforeAsOfUtc) =>
        Store(key, new Entry(view, validBeforeAsOfUtc), ApproximateBytes(view));

    /// <summary>The charts' SVG make most of a dashboard's size; the rest is a few kilobytes per row.</summary>
    private static long ApproximateBytes(DashboardView view) =>
        2L * (view.ChannelChartSvg.Length + view.Trends.Sum(t => t.Svg.Length)) +
        2048L * (view.Reasons.Count + view.Teams.Count + view.Agents.Count + view.AgentChoices.Count + view.Trends.Sum(t => t.Rows.Count)) + 16_384;

    /// <summary>Drops every kept dashboard, as the clock does to each in turn (the kept counts and charts stay): for the benchmark.</summary>
    internal void Clear() => Entries.Clear();

    private sealed record Entry(DashboardView View, DateTime ValidBeforeAsOfUtc);
}

/// <summary>
/// Things computed once and kept in this instance's memory (dashboards, KPI counts, charts): bounded in size
/// (<c>Dashboard:Cache:MaxMegabytes</c> unless a store sets its own), off with <c>Dashboard:Cache:Enabled=false</c>, and
/// an entry not asked for in 20 minutes goes (old data versions age out).
/// </summary>
public abstract class KeptInMemory(IOptions<DashboardCacheOptions> options, long? maxBytes = null) : IDisposable
{
    protected MemoryCache Entries { get; } =
        new(new MemoryCacheOptions { SizeLimit = maxBytes ?? Math.Max(1, options.Value.MaxMegabytes) * 1024L * 1024L });

    public bool Enabled => options.Value.Enabled;

    protected void Store(object key, object value, long bytes) =>
        Entries.Set(key, value, new MemoryCacheEntryOptions { Size = bytes, SlidingExpiration = TimeSpan.FromMinutes(20) });

    public void Dispose()
    {
        Entries.Dispose();
        GC.SuppressFinalize(this);
    }
}
