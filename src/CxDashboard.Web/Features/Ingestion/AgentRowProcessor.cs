namespace CxDashboard.Web.Features.Ingestion;

/// <summary>agents: names agents and places them in teams (teams are created when new); an e-mail links a login.</summary>
public sealed class AgentRowProcessor(ImportSession session, MasterData masterData, IReadOnlySet<int>? allowedTeams)
    : RowProcessor<AgentRowProcessor.AgentFields>(session, masterData, allowedTeams)
{
    /// <summary>An agent row as read.</summary>
    public sealed record AgentFields(string? AgentId, string? Name, string? Team, string? Email);

    protected override AgentFields ParseFields(RowReader row)
    {
        var fields = new AgentFields(row.RequiredText("agent_id", 100), row.RequiredText("name", 200), row.RequiredText("team", 200), row.Text("email", 256));
        if (fields.Email is { } email && !email.Contains('@')) row.AddError("email", ImportText.Format(ImportText.NotAnEmail, email));
        return fields;
    }

    protected override RowOutcome Write(RowErrors row, AgentFields fields)
    {
        var (agentId, name, teamName, email) = fields;
        // A manager limited to teams places agents in their teams only, and creates no team.
        if (AllowedTeams is not null && teamName is not null && !row.Any)
        {
            if (MasterData.FindTeam(teamName) is { } teamOfRow) IsTeamAllowed(row, "team", teamOfRow, ImportText.TheAgent);
            else row.Add("team", ImportText.Format(ImportText.NoTeamNamedOwnTeamsOnly, teamName));
        }
        if (agentId is not null && IsDuplicateInFile(row, "agent_id", agentId)) return RowOutcome.Rejected;
        if (row.Any) return RowOutcome.Rejected;

        var existing = Find(agentId!);
        // Nor may they take over (rename, move or relink) an agent of another team.
        if (AllowedTeams is not null && existing is { } stored && !IsTeamAllowed(row, "agent_id", stored.TeamId, ImportText.Format(ImportText.AgentWithId, agentId)))
            return RowOutcome.Rejected;
        var teamId = MasterData.FindOrCreateTeam(teamName!);
        var userId = email is null ? null : FindUser(email);
        if (existing is { } current)
        {
            if (current.Name == name && current.TeamId == teamId && current.Email == email && (userId is null || current.UserId == userId))
                return RowOutcome.Unchanged;
            var update = Session.Command("""
                UPDATE "Agents" SET "Name" = @name, "TeamId" = @team, "Email" = @email, "UserId" = COALESCE(@user, "UserId") WHERE "Id" = @id
                """, "@name", "@team", "@email", "@user", "@id");
            Bind(update, name!, teamId, email, userId);
            update.Parameters["@id"].Value = current.Id;
            update.ExecuteNonQuery();
            MasterData.RememberAgent(agentId!, current.Id, teamId);
            return RowOutcome.Updated;
        }

        var insert = Session.Command("""
            INSERT INTO "Agents" ("ExternalId", "Name", "TeamId", "Email", "UserId", "IsActive") VALUES (@externalId, @name, @team, @email, @user, TRUE)
            RETURNING "Id"
            """, "@externalId", "@name", "@team", "@email", "@user");
        insert.Parameters["@externalId"].Value = agentId;
        Bind(insert, name!, teamId, email, userId);
        MasterData.RememberAgent(agentId!, Convert.ToInt32(insert.ExecuteScalar()), teamId);
        return RowOutcome.Inserted;
    }

    private static void Bind(System.Data.Common.DbCommand command, string name, int teamId, string? email, string? userId)
    {
        command.Parameters["@name"].Value = name;
        command.Parameters["@team"].Value = teamId;
        command.Parameters["@email"].Value = ImportSession.Db(email);
        command.Parameters["@user"].Value = ImportSession.Db(userId);
    }

    private string? FindUser(string email)
    {
        var select = Session.Command("""SELECT "Id" FROM "AspNetUsers" WHERE "NormalizedEmail" = @email""", "@email");
        select.Parameters["@email"].Value = email.ToUpperInvariant();
        return select.ExecuteScalar() as string;
    }

    private (int Id, string Name, int? TeamId, string? Email, string? UserId)? Find(string externalId)
    {
        var select = Session.Command("""SELECT "Id", "Name", "TeamId", "Email", "UserId" FROM "Agents" WHERE "ExternalId" = @id""", "@id");
        select.Parameters["@id"].Value = externalId;
        using var reader = select.ExecuteReader();
        if (!reader.Read()) return null;
        return (reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
    }
}
