using System.Globalization;
using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// engagement: anonymous answers have no id, so a file stands for all imported answers of each team-month it
/// contains. A team-month whose answers are the same as stored is unchanged; otherwise its imported answers are
/// replaced (answers given on the product's own pulse page are kept).
/// </summary>
public sealed class EngagementRowProcessor(ImportSession session, MasterData masterData, IReadOnlySet<int>? allowedTeams)
    : RowProcessor<EngagementRowProcessor.AnswerFields>(session, masterData, allowedTeams)
{
    private readonly Dictionary<(int TeamId, DateOnly Period), List<Answer>> _answers = [];
    private long _replaced;

    protected override AnswerFields ParseFields(RowReader row)
    {
        var team = row.RequiredText("team", 200);
        var period = row.RequiredMonth("period");
        var enps = row.Integer("enps", 0, 10, ImportText.EnpsRule);
        var items = new int?[EngagementAnswer.ItemCount];
        for (var i = 0; i < items.Length; i++) items[i] = row.Integer($"q{i + 1}", 1, 5, ImportText.ItemRule);
        return new AnswerFields(team, period, enps, items);
    }

    /// <summary>An answer row as read, before its team is found.</summary>
    public sealed record AnswerFields(string? Team, DateOnly? Period, int? Enps, int?[] Items);

    protected override RowOutcome Write(RowErrors row, AnswerFields fields)
    {
        var (teamText, period, enps, items) = fields;
        int? teamId = null;
        if (teamText is not null)
        {
            teamId = MasterData.FindTeam(teamText);
            if (teamId is null) row.Add("team", ImportText.Format(ImportText.NoTeamNamed, teamText));
            else IsTeamAllowed(row, "team", teamId, ImportText.TheAnswer);
        }
        if (!row.Any && items.All(i => i is null)) row.Add("q1", ImportText.NoItemAnswered);
        if (row.Any) return RowOutcome.Rejected;

        var key = (teamId!.Value, period!.Value);
        if (!_answers.TryGetValue(key, out var list)) _answers[key] = list = [];
        list.Add(new Answer(enps, items));
        return RowOutcome.Deferred;
    }

    public override CompletedRows Complete(CancellationToken ct)
    {
        long inserted = 0, unchanged = 0;
        foreach (var ((teamId, period), answers) in _answers)
        {
            var stored = Load(teamId, period);
            if (SameAnswers(stored, answers))
            {
                unchanged += answers.Count;
                continue;
            }
            _replaced += stored.Count;
            var delete = Session.Command("""
                DELETE FROM "EngagementAnswers" WHERE "TeamId" = @team AND "Period" = @period AND "Source" = @source
                """, "@team", "@period", "@source");
            delete.Parameters["@team"].Value = teamId;
            delete.Parameters["@period"].Value = period;
            delete.Parameters["@source"].Value = (int)EngagementSource.Import;
            delete.ExecuteNonQuery();
            foreach (var answer in answers) Insert(teamId, period, answer);
            inserted += answers.Count;
        }
        return new CompletedRows(inserted, 0, unchanged);
    }

    public override IEnumerable<string> Warnings()
    {
        foreach (var warning in base.Warnings()) yield return warning;
        if (_replaced > 0)
            yield return string.Format(CultureInfo.CurrentCulture, MasterData.IsDryRun ? ImportText.AnswersWillBeReplaced : ImportText.AnswersReplaced, _replaced);
    }

    private void Insert(int teamId, DateOnly period, Answer answer)
    {
        var names = Enumerable.Range(1, EngagementAnswer.ItemCount).Select(i => $"@q{i}").ToArray();
        var insert = Session.Command($"""
            INSERT INTO "EngagementAnswers" ("TeamId", "Period", "Source", "Enps", {string.Join(", ", Enumerable.Range(1, 10).Select(i => $"\"Q{i}\""))})
            VALUES (@team, @period, @source, @enps, {string.Join(", ", names)})
            """, ["@team", "@period", "@source", "@enps", .. names]);
        insert.Parameters["@team"].Value = teamId;
        insert.Parameters["@period"].Value = period;
        insert.Parameters["@source"].Value = (int)EngagementSource.Import;
        insert.Parameters["@enps"].Value = ImportSession.Db(answer.Enps);
        for (var i = 0; i < names.Length; i++) insert.Parameters[names[i]].Value = ImportSession.Db(answer.Items[i]);
        insert.ExecuteNonQuery();
    }

    private List<Answer> Load(int teamId, DateOnly period)
    {
        var select = Session.Command($"""
            SELECT "Enps", {string.Join(", ", Enumerable.Range(1, 10).Select(i => $"\"Q{i}\""))}
            FROM "EngagementAnswers" WHERE "TeamId" = @team AND "Period" = @period AND "Source" = @source
            """, "@team", "@period", "@source");
        select.Parameters["@team"].Value = teamId;
        select.Parameters["@period"].Value = period;
        select.Parameters["@source"].Value = (int)EngagementSource.Import;
        var result = new List<Answer>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var items = new int?[EngagementAnswer.ItemCount];
            for (var i = 0; i < items.Length; i++) items[i] = reader.IsDBNull(i + 1) ? null : reader.GetInt32(i + 1);
            result.Add(new Answer(reader.IsDBNull(0) ? null : reader.GetInt32(0), items));
        }
        return result;
    }

    private static bool SameAnswers(List<Answer> stored, List<Answer> incoming) =>
        stored.Count == incoming.Count &&
        stored.Select(a => a.Key).Order().SequenceEqual(incoming.Select(a => a.Key).Order());

    private sealed record Answer(int? Enps, int?[] Items)
    {
        public string Key => $"{Enps}|{string.Join(',', Items)}";
    }
}
