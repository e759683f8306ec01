using System.Diagnostics;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Metrics;

public sealed class QueryShapeTestsOnSqlite(QueryShapeTests<OnSqlite>.Fixture fixture) : QueryShapeTests<OnSqlite>(fixture);

public sealed class QueryShapeTestsOnPostgres(QueryShapeTests<OnPostgres>.Fixture fixture) : QueryShapeTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>
/// The KPI queries have one shape for every filter combination, their values parameters: EF compiles a query once,
/// not once per combination a user picks (that compiling was a fifth of a dashboard's time), and a filter left out
/// leaves no trace in the SQL sent (so each combination keeps the plan its own query would get).
/// </summary>
public abstract partial class QueryShapeTests<TDb>(QueryShapeTests<TDb>.Fixture fixture) : IClassFixture<QueryShapeTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new(TDb.Provider);
        public Task InitializeAsync() => BoundaryDataset.LoadAsync(App);
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private static readonly DateTime AsOf = BoundaryDataset.AsOf.UtcDateTime;

    [DbTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_filter_combination_not_seen_before_compiles_no_query(bool useRollups)
    {
        var (teamId, agentId, reasonId) = await fixture.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            return (await db.Teams.Where(t => t.Name == "T1").Select(t => t.Id).SingleAsync(),
                await db.Agents.Where(a => a.ExternalId == "A1").Select(a => a.Id).SingleAsync(),
                await db.ContactReasons.Where(r => r.Code == "FEL").Select(r => r.Id).SingleAsync());
        });
        var combinations = (from team in new int?[] { null, teamId }
                            from agent in new int?[] { null, agentId }
                            from channel in new Channel?[] { null, Channel.Phone }
                            from reason in new int?[] { null, reasonId }
                            select new MetricQuery
                            {
                                From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 31), TeamId = team, AgentId = agent,
                                Channel = channel, ReasonId = reason, WindowDays = 7, AsOfUtc = AsOf,
                            }).ToList();
        // No filter (rollups of the smallest grain), agent and channel (the month rows of a month-only grain, and the
        // stale months beside them) and every filter (the raw rows: no grain holds all four dimensions).
        var agentAndChannel = combinations.Single(q => q.TeamId is null && q.AgentId is not null && q.Channel is not null && q.ReasonId is null);
        var first = new[] { combinations[0], agentAndChannel, combinations[^1] };

        await fixture.App.WithScopeAsync(async sp =>
        {
            var queries = sp.GetRequiredService<KpiQueryService>();
            queries.UseRollups = useRollups;
            using var seen = new EfEvents(sp.GetRequiredService<CxDbContext>());
            foreach (var query in first) await Measure(queries, query);
            var compiledFirst = seen.Compilations;

            foreach (var query in combinations.Except(first)) await Measure(queries, query);
            Assert.Equal(compiledFirst, seen.Compilations);
            // A filter not set is not in the SQL: no "@parameter IS NULL" left for the database to plan around.
            var checksOfParameters = seen.Commands.Where(sql => ParameterNullCheck().IsMatch(sql)).Distinct().ToList();
            Assert.True(checksOfParameters.Count == 0, string.Join("\n\n", checksOfParameters.Take(2)));
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[@$:]\w+\s+IS\s+(NOT\s+)?NULL", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ParameterNullCheck();

    private static async Task Measure(KpiQueryService queries, MetricQuery query)
    {
        await queries.TotalsAsync(query, DataScope.Everything);
        await queries.ByChannelAsync(query, DataScope.Everything);
    }

    /// <summary>EF's query compilations and the SQL it sends, for one context (tests of other classes run beside).</summary>
    private sealed class EfEvents : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly DbContext _context;
        private readonly List<IDisposable> _subscriptions = [];
        private readonly object _lock = new();
        private int _compilations;
        private readonly List<string> _commands = [];

        public EfEvents(DbContext context)
        {
            _context = context;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Compilations { get { lock (_lock) return _compilations; } }
        public IReadOnlyList<string> Commands { get { lock (_lock) return [.. _commands]; } }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) lock (_lock) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == CoreEventId.QueryCompilationStarting.Name && value.Value is DbContextEventData { Context: var compiling } && compiling == _context)
                lock (_lock) _compilations++;
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData { Context: var executing } command && executing == _context)
                lock (_lock) _commands.Add(command.Command.CommandText);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_lock) foreach (var subscription in _subscriptions) subscription.Dispose();
        }
    }
}
