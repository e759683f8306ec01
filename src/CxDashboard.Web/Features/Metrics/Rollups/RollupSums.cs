using System.Runtime.InteropServices;
using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Web.Features.Metrics.Rollups;

/// <summary>The dimensions of one rollup row; null where the grain sums over a dimension (or the contact has none).</summary>
internal readonly record struct RollupKey(int? TeamId, int? AgentId, int? Channel, int? ReasonId);

/// <summary>
/// The rollup rows of staged days, summed in memory on either database: the drivers (<see cref="RollupBuilder"/> on
/// SQLite, <see cref="PostgresRollupWriter"/> on PostgreSQL) read each staged day's contacts and responses and write the
/// rows this hands them. Each day is summed with every dimension; the stored grains are sums of that (the every-dimension
/// sum itself is not stored: it held about one row per contact, more to write than it saved), and each month is the sum
/// of its days per grain: the staged ones as just computed, the others read back from their day rows. Month-only grains
/// have no day rows to read back, so their month rows are written only when every day of the month with contacts is
/// staged; otherwise the month is recorded as stale (<see cref="KpiRollupStaleMonth"/>). Hash sums replace the sorts of
/// a GROUP BY. Memory holds one day's rows and one month's (bounded by teams × agents × channels × reasons).
/// </summary>
internal sealed class RollupSums(int windowDays)
{
    private readonly Dictionary<RollupKey, RollupMeasures> _day = [];
    private readonly Dictionary<RollupGrain, Dictionary<RollupKey, RollupMeasures>> _month =
        KpiRollupWriter.Grains.ToDictionary(g => g.Grain, _ => new Dictionary<RollupKey, RollupMeasures>());
    private readonly Dictionary<RollupKey, RollupMeasures> _coarser = [];

    /// <summary>Whether every day of the current month with contacts is staged, so its month-only rows can be summed.</summary>
    public bool WholeMonthStaged { get; private set; }

    public void StartMonth(bool wholeMonthStaged)
    {
        foreach (var rows in _month.Values) rows.Clear();
        WholeMonthStaged = wholeMonthStaged;
    }

    /// <summary>A stored day row of the month's days that are not staged (a grain this version no longer keeps is skipped).</summary>
    public void AddUnstagedDayRow(RollupGrain grain, RollupKey key, in RollupMeasures measures)
    {
        if (_month.TryGetValue(grain, out var rows)) CollectionsMarshal.GetValueRefOrAddDefault(rows, key, out _).Add(measures);
    }

    public void StartDay() => _day.Clear();

    public void AddContact(RollupKey key, in TimelineGaps gaps, int? handleSeconds, bool escalatedFromBot) =>
        CollectionsMarshal.GetValueRefOrAddDefault(_day, key, out _).AddContact(gaps, handleSeconds, escalatedFromBot, (Channel)key.Channel!.Value, windowDays);

    public void AddResponse(RollupKey key, int csat, bool? resolved, int? nps, bool hasComment) =>
        CollectionsMarshal.GetValueRefOrAddDefault(_day, key, out _).AddResponse(csat, resolved, nps, hasComment);

    /// <summary>
    /// Hands the day's rows of every day grain to <paramref name="writeDayRows"/>, summed from its every-dimension sums,
    /// and adds them (and the month-only grains' sums, when the month's are written) to the month's.
    /// </summary>
    public void EndDay(Action<RollupGrain, Dictionary<RollupKey, RollupMeasures>> writeDayRows)
    {
        foreach (var grain in KpiRollupWriter.Grains)
        {
            if (grain.MonthOnly && !WholeMonthStaged) continue;
            bool team = grain.Keeps("TeamId"), agent = grain.Keeps("AgentId"), channel = grain.Keeps("Channel"), reason = grain.Keeps("ReasonId");
            _coarser.Clear();
            foreach (var (key, measures) in _day)
            {
                var kept = new RollupKey(team ? key.TeamId : null, agent ? key.AgentId : null, channel ? key.Channel : null, reason ? key.ReasonId : null);
                CollectionsMarshal.GetValueRefOrAddDefault(_coarser, kept, out _).Add(measures);
            }
            if (!grain.MonthOnly) writeDayRows(grain.Grain, _coarser);
            var month = _month[grain.Grain];
            foreach (var (key, measures) in _coarser) CollectionsMarshal.GetValueRefOrAddDefault(month, key, out _).Add(measures);
        }
    }

    /// <summary>The month's rows to write, per grain: every day grain, and the month-only grains when the whole month is staged.</summary>
    public IEnumerable<(RollupGrain Grain, Dictionary<RollupKey, RollupMeasures> Rows)> MonthRows() =>
        KpiRollupWriter.Grains.Where(g => !g.MonthOnly || WholeMonthStaged).Select(g => (g.Grain, _month[g.Grain]));
}
