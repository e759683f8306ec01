using System.Globalization;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// Teams, agents and contact reasons, loaded once per import (they are small) and created on demand inside the
/// import's transaction, so a rejected import creates none of them either.
/// </summary>
public sealed class MasterData
{
    private readonly ImportSession _session;
    private readonly Dictionary<string, int> _teamsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, string> _teamNames = [];
    private readonly Dictionary<string, (int Id, int? TeamId)> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reasons = new(StringComparer.OrdinalIgnoreCase);

    public int AgentsCreated { get; private set; }
    public int ReasonsCreated { get; private set; }
    public int TeamsCreated { get; private set; }

    private MasterData(ImportSession session, bool dryRun) => (_session, _dryRun) = (session, dryRun);

    private readonly bool _dryRun;

    /// <summary>A check that is rolled back: notes say what an import will do, not what it did.</summary>
    public bool IsDryRun => _dryRun;

    /// <param name="dryRun">A check that is rolled back: the warnings then say what an import will create.</param>
    public static MasterData Load(ImportSession session, bool dryRun = false)
    {
        var data = new MasterData(session, dryRun);
        session.ForEachRow("""SELECT "Id", "Name" FROM "Teams" """, r => data.AddTeam(r.GetInt32(0), r.GetString(1)));
        session.ForEachRow("""SELECT "Id", "ExternalId", "TeamId" FROM "Agents" """,
            r => data._agents[r.GetString(1)] = (r.GetInt32(0), r.IsDBNull(2) ? null : r.GetInt32(2)));
        session.ForEachRow("""SELECT "Id", "Code" FROM "ContactReasons" """, r => data._reasons[r.GetString(1)] = r.GetInt32(0));
        return data;
    }

    /// <summary>A team by name, or by its numeric id.</summary>
    public int? FindTeam(string nameOrId)
    {
        if (_teamsByName.TryGetValue(nameOrId, out var id)) return id;
        return int.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) && _teamNames.ContainsKey(numeric)
            ? numeric
            : null;
    }

    public string TeamName(int id) => _teamNames.TryGetValue(id, out var name) ? name : $"#{id}";

    public int FindOrCreateTeam(string name)
    {
        if (FindTeam(name) is { } existing) return existing;
        var insert = _session.Command("""INSERT INTO "Teams" ("Name", "IsActive") VALUES (@name, TRUE) RETURNING "Id" """, "@name");
        insert.Parameters["@name"].Value = name;
        var id = Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        AddTeam(id, name);
        TeamsCreated++;
        return id;
    }

    public (int Id, int? TeamId)? FindAgent(string externalId) =>
        _agents.TryGetValue(externalId, out var agent) ? agent : null;

    /// <summary>An agent named only by a contact file: created with the id as its name until an agents file names it.</summary>
    public (int Id, int? TeamId) FindOrCreateAgent(string externalId, int? teamId)
    {
        if (FindAgent(externalId) is { } existing) return existing;
        var insert = _session.Command("""
            INSERT INTO "Agents" ("ExternalId", "Name", "TeamId", "IsActive") VALUES (@id, @id, @team, TRUE) RETURNING "Id"
            """, "@id", "@team");
        insert.Parameters["@id"].Value = externalId;
        insert.Parameters["@team"].Value = ImportSession.Db(teamId);
        var agent = (Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture), teamId);
        _agents[externalId] = agent;
        AgentsCreated++;
        return agent;
    }

    public void RememberAgent(string externalId, int id, int? teamId) => _agents[externalId] = (id, teamId);

    /// <summary>New codes are created and flagged for review, with the code as their name (in a check, only until it is rolled back).</summary>
    public int FindOrCreateReason(string code)
    {
        if (_reasons.TryGetValue(code, out var id)) return id;
        var insert = _session.Command("""
            INSERT INTO "ContactReasons" ("Code", "Name", "Complexity", "NeedsReview") VALUES (@code, @code, 3, TRUE) RETURNING "Id"
            """, "@code");
        insert.Parameters["@code"].Value = code;
        id = Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        _reasons[code] = id;
        ReasonsCreated++;
        return id;
    }

    /// <summary>How many teams, agents and reasons were created so far in the batch (each file's notes count its own).</summary>
    public (int Teams, int Agents, int Reasons) Created => (TeamsCreated, AgentsCreated, ReasonsCreated);

    /// <summary>Notes on what was created since <paramref name="before"/> (the start of a file).</summary>
    public IEnumerable<string> Warnings((int Teams, int Agents, int Reasons) before)
    {
        var (teams, agents, reasons) = (TeamsCreated - before.Teams, AgentsCreated - before.Agents, ReasonsCreated - before.Reasons);
        if (_dryRun)
        {
            if (teams > 0) yield return string.Format(CultureInfo.CurrentCulture, ImportText.TeamsWillBeCreated, teams);
            if (agents > 0) yield return string.Format(CultureInfo.CurrentCulture, ImportText.AgentsWillBeCreated, agents);
            if (reasons > 0) yield return string.Format(CultureInfo.CurrentCulture, ImportText.ReasonsWillBeCreated, reasons);
            yield break;
        }
        if (teams > 0) yield return string.Format(CultureInfo.CurrentCulture, ImportText.TeamsCreated, teams);
        if (agents > 0) yield return string.Format(CultureInfo.CurrentCulture, ImportText.AgentsCreated, agents);
        if (reasons > 0) yield return string.Format(CultureInfo.CurrentCulture, ImportText.ReasonsCreated, reasons);
    }

    private void AddTeam(int id, string name)
    {
        _teamsByName[name] = id;
        _teamNames[id] = name;
    }
}
