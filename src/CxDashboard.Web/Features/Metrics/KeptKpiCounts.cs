using System.Linq.Expressions;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Dashboard;
using CxDashboard.Web.Features.Metrics.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>
/// What a KPI query's counts depend on apart from the exact as-of time: the data (by its version), whether rollups are
/// used, the query with its as-of time moved to where its partly decidable day begins (<see cref="KpiQueryService"/>),
/// who looks (their scope) and the breakdown.
/// </summary>
internal sealed record KeptKpiKey(long DataVersion, bool UseRollups, MetricQuery Query, string Scope, KeyDimension Key, Type KeyType);

/// <summary>
/// KPI counts already computed, kept per <see cref="KeptKpiKey"/> in this instance's memory, and the contacts of the
/// day that is partly decidable (the only ones whose counts change with the clock alone). A new data version (any
/// write on any instance sharing the database) makes new keys, so old counts are never used. Off with the dashboard's
/// cache (<c>Dashboard:Cache:Enabled=false</c>), and bounded by a limit of the same size (<see cref="KeptInMemory"/>).
/// </summary>
public sealed class KeptKpiCounts(IOptions<DashboardCacheOptions> options) : KeptInMemory(options)
{
    internal Entry<TKey>? Find<TKey>(KeptKpiKey key) where TKey : notnull =>
        Entries.TryGetValue(key, out Entry<TKey>? entry) ? entry : null;

    internal Entry<TKey> Keep<TKey>(KeptKpiKey key, Dictionary<TKey, KpiCounts> counts) where TKey : notnull
    {
        var entry = new Entry<TKey>(counts);
        Store(key, entry, 512L + 256L * counts.Count);
        return entry;
    }

    /// <summary>The contacts of one local day as they are at a data version, with what the clock-dependent counts need.</summary>
    internal async Task<IReadOnlyList<Contact>> DayContactsAsync(long dataVersion, DateOnly day, Func<Task<List<Contact>>> load)
    {
        var key = (nameof(DayContactsAsync), dataVersion, day);
        if (Entries.TryGetValue(key, out IReadOnlyList<Contact>? kept)) return kept!;
        var contacts = await load();
        Store(key, (IReadOnlyList<Contact>)contacts, 512L + 160L * contacts.Count);
        return contacts;
    }

    /// <summary>Counts by key, and the query's contact filter and key compiled for the partly decidable day (once per entry).</summary>
    internal sealed class Entry<TKey>(Dictionary<TKey, KpiCounts> counts) where TKey : notnull
    {
        public IReadOnlyDictionary<TKey, KpiCounts> Counts { get; } = counts;
        private (Func<Contact, bool> Measures, Func<Contact, TKey> KeyOf)? _compiled;

        public (Func<Contact, bool> Measures, Func<Contact, TKey> KeyOf) Compiled(Expression<Func<Contact, bool>> measures, Expression<Func<Contact, TKey>> keyOf) =>
            _compiled ??= (InMemory.Compile(measures), keyOf.Compile());
    }
}

/// <summary>Runs a contact filter written for EF on objects in memory: <c>EF.Parameter(x)</c> marks a value for SQL only, so it becomes <c>x</c>.</summary>
internal static class InMemory
{
    public static Func<T, bool> Compile<T>(Expression<Func<T, bool>> predicate) =>
        ((Expression<Func<T, bool>>)new ParameterMarkRemover().Visit(predicate)).Compile();

    private sealed class ParameterMarkRemover : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.DeclaringType == typeof(EF) && node.Method.Name == nameof(EF.Parameter) ? Visit(node.Arguments[0]) : base.VisitMethodCall(node);
    }
}
